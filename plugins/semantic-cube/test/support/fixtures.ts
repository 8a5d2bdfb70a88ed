/** Shared set-up for the Cube tests: a temp model directory, the stand-in Cube, and a plugin pointed at both. */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CubeSemanticPlugin, type CubeConfigInput } from "../../src/index.js";
import { startCubeServer, type CubeServer } from "./cube-server.js";

export const API_SECRET = "cube-api-secret-9fK2mQ7xLw4pZr8T";
export const here = path.dirname(fileURLToPath(import.meta.url));
export const MANIFEST = path.join(here, "../fixtures/manifest.json");
export const EXPECTED_DIR = path.join(here, "../fixtures/expected");

export const ORDER_ROWS = [
  { order_id: 1, customer_id: 10, status: "shipped", amount: 20.5 },
  { order_id: 2, customer_id: 11, status: "shipped", amount: 12 },
  { order_id: 3, customer_id: 10, status: "returned", amount: 7 },
  { order_id: 4, customer_id: 12, status: "placed", amount: 99 },
  { order_id: 5, customer_id: 12, status: "shipped", amount: 5 },
];

export interface CubeEnv {
  modelDir: string;
  server: CubeServer;
  plugin(overrides?: Partial<CubeConfigInput>): CubeSemanticPlugin;
  close(): Promise<void>;
}

export async function startCubeEnv(): Promise<CubeEnv> {
  const modelDir = await mkdtemp(path.join(os.tmpdir(), "floe-cube-model-"));
  const server = await startCubeServer({
    apiSecret: API_SECRET,
    modelDir,
    tables: { '"warehouse"."marts"."orders"': ORDER_ROWS },
  });
  return {
    modelDir,
    server,
    plugin: (overrides = {}) =>
      new CubeSemanticPlugin({
        apiUrl: server.url,
        apiSecret: API_SECRET,
        modelDir,
        continueWaitIntervalMs: 10,
        timeoutMs: 2_000,
        ...overrides,
      }),
    async close() {
      await server.close();
      await rm(modelDir, { recursive: true, force: true });
    },
  };
}
