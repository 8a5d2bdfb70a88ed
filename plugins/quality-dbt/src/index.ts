/** `@floe/plugin-quality-dbt`: floe's QUALITY plugin for dbt data tests. */
export { DbtQualityPlugin, type DbtQualityRequest, type DbtRunResultsDocument } from "./dbt-quality-plugin.js";
export { dbtQualityConfigSchema, parseQualityConfig, type DbtQualityConfig, type ResolvedDbtQualityConfig, type RowCounter } from "./config.js";
export { testNameFromUniqueId, testedRelation, toCheckResults, toQualityReport, type CheckContext } from "./check-results.js";
/** Invalid configuration: the plugin kit's ConfigError. */
export { ConfigError } from "@floe/runtime/plugin-kit";
export * from "./tracing.js";
