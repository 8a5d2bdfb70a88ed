/** Shared set-up for the ingestion tests: the events API and pipeline specs pointed at it. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PipelineSpecInput } from "../../src/index.js";

export const here = path.dirname(fileURLToPath(import.meta.url));
export const API_TOKEN = "evt_live_7Hq2Lm9Xc4Vb8Nz3Kw";

export function cursorSpec(baseUrl: string, overrides: Partial<PipelineSpecInput> = {}): PipelineSpecInput {
  return {
    name: "events_pipeline",
    source: {
      name: "events",
      baseUrl,
      path: "/cursor/events",
      auth: { type: "bearer", token: API_TOKEN },
      paginator: { type: "cursor", cursorPath: "meta.next_cursor", cursorParam: "cursor" },
    },
    destination: { schema: "raw", table: "events" },
    writeDisposition: "append",
    ...overrides,
  };
}
