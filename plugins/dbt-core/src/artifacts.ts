/**
 * Reads dbt's artifacts into typed values: `run_results.json` (schema v4-v6)
 * into the contract's DbtRunResult, and `manifest.json` into a DbtManifest
 * with the node fields floe uses (relations, dependencies, test metadata).
 * Shapes are checked with zod; unknown fields are ignored, not rejected.
 */
import { promises as fs } from "node:fs";
import type { DbtNodeResult, DbtRunResult } from "@floe/runtime";
import { formatIssues } from "@floe/runtime/plugin-kit";
import { z } from "zod";
import { DbtArtifactError, messageOf } from "./errors.js";

const metadataSchema = z.looseObject({
  dbt_schema_version: z.string(),
  dbt_version: z.string().optional(),
  generated_at: z.string().optional(),
  invocation_id: z.string().nullish(),
});

const nodeResultSchema = z.looseObject({
  unique_id: z.string(),
  status: z.string(),
  execution_time: z.number().default(0),
  message: z.string().nullish(),
  failures: z.number().nullish(),
  adapter_response: z.record(z.string(), z.unknown()).nullish(),
  relation_name: z.string().nullish(),
});

const runResultsSchema = z.looseObject({
  metadata: metadataSchema,
  results: z.array(nodeResultSchema),
  elapsed_time: z.number().default(0),
  args: z.record(z.string(), z.unknown()).optional(),
});

export type RunResultsArtifact = z.output<typeof runResultsSchema>;

const manifestNodeSchema = z.looseObject({
  unique_id: z.string(),
  resource_type: z.string(),
  name: z.string(),
  package_name: z.string().optional(),
  original_file_path: z.string().optional(),
  database: z.string().nullish(),
  schema: z.string().nullish(),
  alias: z.string().nullish(),
  relation_name: z.string().nullish(),
  tags: z.array(z.string()).default([]),
  config: z.looseObject({ materialized: z.string().optional(), severity: z.string().optional() }).default({}),
  depends_on: z.looseObject({ nodes: z.array(z.string()).default([]) }).default({ nodes: [] }),
  test_metadata: z.looseObject({ name: z.string(), kwargs: z.record(z.string(), z.unknown()).default({}) }).nullish(),
  attached_node: z.string().nullish(),
  column_name: z.string().nullish(),
});

const manifestSchema = z.looseObject({
  metadata: metadataSchema.extend({ project_name: z.string().optional(), adapter_type: z.string().nullish() }),
  nodes: z.record(z.string(), manifestNodeSchema),
  sources: z.record(z.string(), manifestNodeSchema).default({}),
  parent_map: z.record(z.string(), z.array(z.string())).nullish(),
});

export interface DbtManifestNode {
  uniqueId: string;
  resourceType: string;
  name: string;
  packageName?: string;
  originalFilePath?: string;
  database?: string | null;
  schema?: string | null;
  alias?: string | null;
  relationName?: string | null;
  materialized?: string;
  tags: string[];
  dependsOn: string[];
  /** Generic tests: the test macro and its arguments. */
  testMetadata?: { name: string; kwargs: Record<string, unknown> };
  /** Tests: the model the test is attached to. */
  attachedNode?: string | null;
  columnName?: string | null;
  severity?: string;
}

export interface DbtManifest {
  /** Manifest schema version, e.g. 12 for dbt 1.8. */
  schemaVersion: number;
  dbtVersion?: string;
  projectName?: string;
  adapterType?: string | null;
  generatedAt?: string;
  invocationId?: string | null;
  nodes: Record<string, DbtManifestNode>;
  sources: Record<string, DbtManifestNode>;
  parentMap: Record<string, string[]>;
}

function schemaVersionOf(url: string, kind: string, path: string): number {
  const match = new RegExp(`/${kind}/v(\\d+)\\.json$`).exec(url);
  if (!match) throw new DbtArtifactError(path, `not a dbt ${kind} artifact (dbt_schema_version ${url})`);
  return Number(match[1]);
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DbtArtifactError(path, code === "ENOENT" ? "file does not exist" : messageOf(error), { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DbtArtifactError(path, `malformed JSON: ${messageOf(error)}`, { cause: error });
  }
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, path: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = formatIssues(parsed.error.issues.slice(0, 5));
  throw new DbtArtifactError(path, `unexpected shape: ${issues.join("; ")}`);
}

/** Validates a run_results document (already parsed). */
export function parseRunResults(value: unknown, path = "run_results.json"): RunResultsArtifact {
  const artifact = parseWith(runResultsSchema, value, path);
  schemaVersionOf(artifact.metadata.dbt_schema_version, "run-results", path);
  return artifact;
}

export async function readRunResults(path: string): Promise<RunResultsArtifact> {
  return parseRunResults(await readJson(path), path);
}

const SUCCESSFUL = new Set(["success", "pass", "skipped"]);

/** The contract result for a run_results document. */
export function toDbtRunResult(command: string, artifact: RunResultsArtifact, exitCode?: number | null): DbtRunResult {
  const results: DbtNodeResult[] = artifact.results.map((r) => ({
    uniqueId: r.unique_id,
    status: r.status,
    executionTime: r.execution_time,
    message: r.message ?? null,
    failures: r.failures ?? null,
    ...(r.adapter_response ? { adapterResponse: r.adapter_response } : {}),
    relationName: r.relation_name ?? null,
  }));
  return {
    success: (exitCode === undefined || exitCode === null || exitCode === 0) && results.every((r) => SUCCESSFUL.has(r.status)),
    command,
    results,
    elapsedTime: artifact.elapsed_time,
    ...(artifact.metadata.invocation_id ? { invocationId: artifact.metadata.invocation_id } : {}),
    ...(artifact.metadata.dbt_version ? { dbtVersion: artifact.metadata.dbt_version } : {}),
    ...(exitCode !== undefined && exitCode !== null ? { exitCode } : {}),
  };
}

function toNode(raw: z.output<typeof manifestNodeSchema>): DbtManifestNode {
  return {
    uniqueId: raw.unique_id,
    resourceType: raw.resource_type,
    name: raw.name,
    packageName: raw.package_name,
    originalFilePath: raw.original_file_path,
    database: raw.database,
    schema: raw.schema,
    alias: raw.alias,
    relationName: raw.relation_name,
    materialized: raw.config.materialized,
    severity: raw.config.severity,
    tags: raw.tags,
    dependsOn: raw.depends_on.nodes,
    ...(raw.test_metadata ? { testMetadata: { name: raw.test_metadata.name, kwargs: raw.test_metadata.kwargs } } : {}),
    attachedNode: raw.attached_node,
    columnName: raw.column_name,
  };
}

/** Validates a manifest document (already parsed). */
export function parseManifestDocument(value: unknown, path = "manifest.json"): DbtManifest {
  const raw = parseWith(manifestSchema, value, path);
  const schemaVersion = schemaVersionOf(raw.metadata.dbt_schema_version, "manifest", path);
  const mapValues = (record: Record<string, z.output<typeof manifestNodeSchema>>) =>
    Object.fromEntries(Object.entries(record).map(([id, node]) => [id, toNode(node)]));
  return {
    schemaVersion,
    dbtVersion: raw.metadata.dbt_version,
    projectName: raw.metadata.project_name,
    adapterType: raw.metadata.adapter_type,
    generatedAt: raw.metadata.generated_at,
    invocationId: raw.metadata.invocation_id,
    nodes: mapValues(raw.nodes),
    sources: mapValues(raw.sources),
    parentMap: raw.parent_map ?? {},
  };
}

export async function readManifest(path: string): Promise<DbtManifest> {
  return parseManifestDocument(await readJson(path), path);
}
