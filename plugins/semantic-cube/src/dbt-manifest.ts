/**
 * The dbt manifest the Cube model is generated from, read with the shared
 * dbt artifacts module (@floe/runtime); failures become ManifestError
 * (`MANIFEST_NOT_FOUND`, `INVALID_MANIFEST`).
 */
import {
  parseManifestDocument,
  readManifest as readDbtManifest,
  type DbtArtifactReadOptions,
  type DbtManifest,
} from "@floe/runtime";
import { ManifestError } from "./errors.js";

export type { DbtColumn, DbtManifest, DbtManifestNode as DbtNode } from "@floe/runtime";

const asManifestError: DbtArtifactReadOptions = {
  error: (p) =>
    new ManifestError(`dbt manifest ${p.path}: ${p.problem}`, {
      code: p.kind === "not_found" ? "MANIFEST_NOT_FOUND" : "INVALID_MANIFEST",
      cause: p.cause,
    }),
};

/** Validates a parsed manifest object. */
export function parseManifest(value: unknown): DbtManifest {
  return parseManifestDocument(value, "(in memory)", asManifestError);
}

/** Reads and validates `target/manifest.json`. */
export function readManifest(file: string): Promise<DbtManifest> {
  return readDbtManifest(file, asManifestError);
}
