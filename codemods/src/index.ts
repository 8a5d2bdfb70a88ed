/**
 * floe-codemod programmatic API: run a transform or pipeline over paths and get
 * the report the CLI prints; list and load the transforms.
 */
import { generateTracing } from "./transforms/generate-tracing.js";
import { instrumentOperations } from "./transforms/instrument-operations.js";
import { renameOperationName } from "./transforms/rename-operation-name.js";
import { sanitizeExceptions } from "./transforms/sanitize-exceptions.js";
import type { Transform } from "./core/types.js";

export { runCodemod, UsageError, type RunOptions } from "./runner.js";
export {
  listTransforms,
  loadTransform,
  resolveSteps,
  optionsFor,
  TRANSFORMS,
  PIPELINES,
  MIGRATE_STEPS,
  TRANSFORM_NAMES,
  type TransformDescription,
  type TransformEntry,
  type TransformOption,
  type PipelineDefinition,
} from "./transforms/index.js";
export { formatJson, formatText, summaryLine, type Report, type FileReport, type RunSummary } from "./core/report.js";
export { formatSarif, type SarifOptions } from "./output/sarif.js";
export { fileFixHints, fixHint, overallFixCommand, type FixHint, type FixHintOptions } from "./output/fix-hints.js";
export type { FileStatus, TransformChange } from "./core/process-file.js";
export type * from "./core/types.js";
export { analyzeSanitizeExceptions, type SanitizeResult, type SanitizeSite, type SiteRule } from "./transforms/sanitize-exceptions.js";
export { sanitizeExceptions, renameOperationName, generateTracing, instrumentOperations };

/** Every single transform by name (pipelines: see PIPELINES). */
export const transforms: Readonly<Record<string, Transform>> = {
  [sanitizeExceptions.name]: sanitizeExceptions,
  [renameOperationName.name]: renameOperationName,
  [generateTracing.name]: generateTracing,
  [instrumentOperations.name]: instrumentOperations,
};
