/** `@floe/plugin-lineage-marquez`: OpenLineage to Marquez lineage backend for floe. */
export { MarquezLineagePlugin } from "./marquez-plugin.js";
export { ConfigError } from "@floe/runtime/plugin-kit";
export { DEFAULT_PRODUCER, marquezConfigSchema, type MarquezConfig, type MarquezConfigInput } from "./config.js";
export * from "./errors.js";
export {
  buildDatasetEvent,
  buildRunEvent,
  DATASET_EVENT_SCHEMA_URL,
  OPENLINEAGE_SPEC,
  RUN_EVENT_SCHEMA_URL,
  SCHEMA_FACET_SCHEMA_URL,
} from "./openlineage.js";
export { datasetEventProblems, runEventProblems } from "./validate.js";
export { uuidv7 } from "./uuid-v7.js";
export * from "./tracing.js";
