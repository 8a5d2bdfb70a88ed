/** `@floe/plugin-compute-duckdb`: floe's COMPUTE plugin for embedded DuckDB. */
export { DuckDBComputePlugin } from "./duckdb-compute-plugin.js";
export {
  duckDBConfigSchema,
  parseConfig,
  type AttachedDatabase,
  type DuckDBComputeConfig,
  type DuckDBSessionOptions,
  type ResolvedDuckDBComputeConfig,
} from "./config.js";
export { closeSession, openSession, type DuckDBSession } from "./duckdb-session.js";
export { DuckDBSessionSlot } from "./session-slot.js";
export {
  ConfigError,
  DuckDBClosedError,
  DuckDBComputeError,
  DuckDBConnectionError,
  DuckDBQueryError,
} from "./errors.js";
export { duckdbProfileOutput, duckdbProfiles } from "./profiles.js";
export * from "./tracing.js";
