/** Shared set-up for the Dagster tests: the stand-in webserver and a plugin pointed at it. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DagsterOrchestratorPlugin, type DagsterConfigInput } from "../../src/index.js";
import { startDagsterServer, type DagsterServer } from "./dagster-server.js";

export const here = path.dirname(fileURLToPath(import.meta.url));
export const MANIFEST = path.join(here, "../fixtures/manifest.json");
export const API_TOKEN = "user:dagplus-7f3Kq9Lm2Xv8Rt4Wn";
export const LOCATION = "shop_dbt";

export function startDagster(overrides: { apiToken?: string } = {}): Promise<DagsterServer> {
  return startDagsterServer({
    repositoryLocationName: LOCATION,
    repositoryName: "__repository__",
    jobs: ["__ASSET_JOB", "nightly_marts"],
    assets: ["orders", "customers", "stg_orders", "stg_customers", "raw_customers"],
    apiToken: API_TOKEN,
    ...overrides,
  });
}

export function pluginFor(server: DagsterServer, overrides: Partial<DagsterConfigInput> = {}): DagsterOrchestratorPlugin {
  return new DagsterOrchestratorPlugin({
    url: server.url,
    apiToken: API_TOKEN,
    repositoryLocationName: LOCATION,
    pollIntervalMs: 5,
    timeoutMs: 2_000,
    ...overrides,
  });
}
