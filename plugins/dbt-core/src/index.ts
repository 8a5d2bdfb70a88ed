/**
 * `@floe/plugin-dbt-core`: floe's DBT plugin for dbt-core, and the dbt runner
 * (DbtCli, artifact readers) that dbt-fusion and quality-dbt reuse.
 */
export { DbtCorePlugin } from "./dbt-core-plugin.js";
export { invocationAttributes, parseManifestRecorded, recordRunResult, runRecorded } from "./dbt-spans.js";
export { DbtCli, commandError, type DbtInvocationOutcome, type DbtVersionOutput } from "./dbt-cli.js";
export { dbtCliConfigSchema, parseDbtCliConfig, type DbtCliConfig, type ResolvedDbtCliConfig } from "./config.js";
/** The shared floe context schema, still reachable under its former name here. */
export { floeContextSchema } from "@floe/runtime/plugin-kit";
export {
  parseManifestDocument,
  parseRunResults,
  readManifest,
  readRunResults,
  toDbtRunResult,
  type DbtManifest,
  type DbtManifestNode,
  type RunResultsArtifact,
} from "./artifacts.js";
export { buildDbtArgs, type DbtArgsContext } from "./dbt-args.js";
export { runDbtProcess, type DbtProcessOptions, type DbtProcessResult } from "./dbt-process.js";
export { parseLogLine, LineSplitter, type DbtLogEvent, type DbtLogLevel } from "./log-events.js";
export {
  ConfigError,
  DbtArtifactError,
  DbtCommandError,
  DbtError,
  DbtExecutableNotFoundError,
  DbtProfileError,
  DbtTimeoutError,
} from "./errors.js";
export * from "./tracing.js";
