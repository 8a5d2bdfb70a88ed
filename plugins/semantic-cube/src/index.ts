/** `@floe/plugin-semantic-cube`: Cube semantic layer plugin (model generation from dbt, sync, REST queries). */
export { CubeSemanticPlugin } from "./cube-plugin.js";
export { cubeConfigSchema, parseCubeConfig, type CubeConfig, type CubeConfigInput } from "./config.js";
export * from "./errors.js";
export {
  GENERATED_MARKER,
  cubeForModel,
  dimensionType,
  generateCubeSchema,
  primaryKeyColumn,
  renderCubeFile,
  selectModels,
  type CubeDefinition,
  type CubeDimension,
  type CubeDimensionType,
  type CubeMeasure,
  type CubeModelFile,
  type CubeSchema,
  type CubeSchemaSource,
} from "./cube-model.js";
export { CONTINUE_WAIT, CubeClient, cubesOf, type CubeFilter, type CubeLoadResult, type CubeQuery, type CubeTimeDimension } from "./cube-client.js";
export { parseManifest, readManifest, type DbtManifest } from "./dbt-manifest.js";
export { syncModelFiles } from "./model-sync.js";
export * from "./tracing.js";
