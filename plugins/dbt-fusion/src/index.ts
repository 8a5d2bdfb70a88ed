/** `@floe/plugin-dbt-fusion`: floe's DBT plugin for dbt Fusion, with fallback to dbt-core. */
export { DbtFusionPlugin, isAdapterRejection, type DbtEngineMode, type FallbackReason } from "./dbt-fusion-plugin.js";
export { dbtFusionConfigSchema, parseFusionConfig, type DbtFusionConfig, type ResolvedDbtFusionConfig } from "./config.js";
export { detectFusion, findOnPath, fusionVersionOf, type FusionDetection } from "./fusion-detection.js";
export { ConfigError, DbtFusionFallbackUnavailableError, DbtFusionNotFoundError } from "./errors.js";
export * from "./tracing.js";
