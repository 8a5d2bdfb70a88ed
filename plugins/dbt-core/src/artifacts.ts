/**
 * dbt-core's view of the shared dbt artifacts module (@floe/runtime): the
 * same readers, with failures raised as this plugin's DbtArtifactError so
 * callers keep catching one family.
 */
import {
  parseManifestDocument as parseManifestWith,
  parseRunResults as parseRunResultsWith,
  readManifest as readManifestWith,
  readRunResults as readRunResultsWith,
  type DbtArtifactReadOptions,
  type DbtManifest,
  type RunResultsArtifact,
} from "@floe/runtime";
import { DbtArtifactError } from "./errors.js";

export { toDbtRunResult, type DbtManifest, type DbtManifestNode, type RunResultsArtifact } from "@floe/runtime";

const asDbtError: DbtArtifactReadOptions = {
  error: (p) => new DbtArtifactError(p.path, p.problem, p.cause !== undefined ? { cause: p.cause } : undefined),
};

/** Validates a run_results document (already parsed). */
export const parseRunResults = (value: unknown, path?: string): RunResultsArtifact => parseRunResultsWith(value, path, asDbtError);
export const readRunResults = (path: string): Promise<RunResultsArtifact> => readRunResultsWith(path, asDbtError);
/** Validates a manifest document (already parsed). */
export const parseManifestDocument = (value: unknown, path?: string): DbtManifest => parseManifestWith(value, path, asDbtError);
export const readManifest = (path: string): Promise<DbtManifest> => readManifestWith(path, asDbtError);
