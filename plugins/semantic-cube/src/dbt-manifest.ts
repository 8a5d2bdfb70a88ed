/**
 * The part of a dbt `manifest.json` the Cube model is generated from: models
 * with their relation, typed columns, constraints and attached tests.
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { ManifestError } from "./errors.js";

const columnSchema = z.looseObject({
  name: z.string(),
  description: z.string().nullish(),
  data_type: z.string().nullish(),
  meta: z.record(z.string(), z.unknown()).nullish(),
  constraints: z.array(z.looseObject({ type: z.string() })).nullish(),
});

const nodeSchema = z.looseObject({
  resource_type: z.string(),
  name: z.string(),
  unique_id: z.string(),
  database: z.string().nullish(),
  schema: z.string().nullish(),
  alias: z.string().nullish(),
  relation_name: z.string().nullish(),
  description: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  columns: z.record(z.string(), columnSchema).nullish(),
  constraints: z.array(z.looseObject({ type: z.string(), columns: z.array(z.string()).nullish() })).nullish(),
  column_name: z.string().nullish(),
  attached_node: z.string().nullish(),
  test_metadata: z.looseObject({ name: z.string() }).nullish(),
  depends_on: z.looseObject({ nodes: z.array(z.string()).default([]) }).nullish(),
});

const dbtManifestSchema = z.looseObject({
  metadata: z.looseObject({ dbt_schema_version: z.string(), project_name: z.string().nullish() }),
  nodes: z.record(z.string(), nodeSchema),
});

export type DbtManifest = z.infer<typeof dbtManifestSchema>;
export type DbtNode = z.infer<typeof nodeSchema>;
export type DbtColumn = z.infer<typeof columnSchema>;

/** Validates a parsed manifest object. */
export function parseManifest(value: unknown): DbtManifest {
  const result = dbtManifestSchema.safeParse(value);
  if (result.success) return result.data;
  const paths = [...new Set(result.error.issues.map((i) => i.path.map(String).join(".") || "(root)"))];
  throw new ManifestError(`not a dbt manifest: invalid ${paths.slice(0, 5).join(", ")}`, { code: "INVALID_MANIFEST" });
}

/** Reads and validates `target/manifest.json`. */
export async function readManifest(file: string): Promise<DbtManifest> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ManifestError(`cannot read dbt manifest ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`, {
      code: "MANIFEST_NOT_FOUND",
      cause: error,
    });
  }
  try {
    return parseManifest(JSON.parse(text));
  } catch (error) {
    if (error instanceof ManifestError) throw error;
    throw new ManifestError(`dbt manifest ${file} is not valid JSON`, { code: "INVALID_MANIFEST" });
  }
}
