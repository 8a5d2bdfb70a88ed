/** `@floe/plugin-quality-gx`: floe's QUALITY plugin evaluating Great Expectations suites on DuckDB. */
export { GxQualityPlugin, type GxCheckRequest } from "./gx-quality-plugin.js";
export { gxConfigSchema, parseGxConfig, type GxQualityConfig, type ResolvedGxQualityConfig } from "./config.js";
export {
  parseSuite,
  parseValidationResult,
  statisticsOf,
  type ExceptionInfo,
  type ExpectationConfiguration,
  type ExpectationResultDetail,
  type ExpectationSuite,
  type ExpectationSuiteInput,
  type ExpectationValidationResult,
  type ValidationResult,
  type ValidationStatistics,
} from "./gx-format.js";
export { SUPPORTED_EXPECTATIONS } from "./expectations.js";
export { checkName, toCheckResult, toQualityReport } from "./quality-report.js";
export { ConfigError, GxEngineError, GxQualityError, InvalidSuiteError, TableNotFoundError } from "./errors.js";
export * from "./tracing.js";
