/** `@floe/plugin-quality-dbt`: floe's QUALITY plugin for dbt data tests. */
export { DbtQualityPlugin, type DbtQualityRequest, type DbtRunResultsDocument } from "./dbt-quality-plugin.js";
export { dbtQualityConfigSchema, parseQualityConfig, type DbtQualityConfig, type ResolvedDbtQualityConfig, type RowCounter } from "./config.js";
export { testNameFromUniqueId, testedRelation, toCheckResults, toQualityReport, type CheckContext } from "./check-results.js";
export { ConfigError } from "./errors.js";
export * from "./tracing.js";
