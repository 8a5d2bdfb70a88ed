/** `@floe/plugin-orchestrator-dagster`: Dagster orchestrator plugin (dbt asset graph, GraphQL runs, asset events). */
export {
  ASSET_JOB,
  DagsterOrchestratorPlugin,
  type AssetMaterialization,
  type LaunchRunRequest,
  type ReportMaterializationOptions,
  type RunResult,
} from "./dagster-plugin.js";
export { buildAssetGraph, keyToString, loadManifest, type AssetGraph, type DagsterAsset, type DefinitionsSource } from "./asset-graph.js";
export { dagsterConfigSchema, parseDagsterConfig, type DagsterConfig, type DagsterConfigInput } from "./config.js";
export * from "./errors.js";
export { DagsterGraphQLClient, type GraphQLOperation } from "./graphql-client.js";
export { LAUNCH_RUN, REPORT_RUNLESS_ASSET_EVENTS, RUN_ASSET_MATERIALIZATIONS, RUN_STATUS } from "./operations.js";
export * from "./tracing.js";
