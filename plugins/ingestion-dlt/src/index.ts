/** `@floe/plugin-ingestion-dlt`: dlt-style ingestion, paginated REST sources into DuckDB. */
export { DltIngestionPlugin, cursorAfter, type DltRunResult } from "./dlt-plugin.js";
export {
  dltConfigSchema,
  pipelineSpecSchema,
  parseDltConfig,
  parsePipelineSpec,
  type DltConfig,
  type DltConfigInput,
  type PaginatorSpec,
  type PipelineSpec,
  type PipelineSpecInput,
} from "./config.js";
export * from "./errors.js";
export { DuckDbDestination, LOADS_TABLE, LOAD_ID_COLUMN, STATE_TABLE, type PipelineState } from "./duckdb-destination.js";
export { RestSource, nextLink, type Row, type SourcePage } from "./rest-source.js";
export { flattenRow, inferSchema, normalizeIdentifier, typeOfValue, widen, type ColumnSchema, type ColumnType } from "./schema-inference.js";
export * from "./tracing.js";
