/**
 * dbt's artifacts, read once for every plugin that consumes them (dbt-core,
 * dbt-fusion, quality-dbt, orchestrator-dagster, semantic-cube):
 * `manifest.json` into a typed DbtManifest (nodes, sources, exposures,
 * metrics, semantic models, parent map) and `run_results.json` into a checked
 * RunResultsArtifact (and the contract's DbtRunResult). Shapes are checked
 * with zod; unknown fields are ignored, not rejected. A failure is reported
 * as a DbtArtifactProblem that names the file and what is wrong with it,
 * never the file's content; each plugin turns it into its own typed error.
 */
import { promises as fs } from "node:fs";
import { z } from "zod";
import { formatIssues } from "../plugin-kit/config.js";
import { FloePluginError } from "../plugin-kit/errors.js";
import type { DbtNodeResult, DbtRunResult } from "./dbt.js";

// ---------------------------------------------------------------- problems

/** What went wrong reading an artifact. */
export type DbtArtifactProblemKind = "not_found" | "unreadable" | "malformed_json" | "invalid_shape" | "wrong_artifact";

export interface DbtArtifactProblem {
  kind: DbtArtifactProblemKind;
  /** The file (or the label of an in-memory document). */
  path: string;
  /** Which artifact was expected. */
  artifact: "manifest" | "run-results";
  /** What is wrong, without the path and without any of the document's values. */
  problem: string;
  cause?: unknown;
}

/** The error a reader throws when the caller names none of its own. */
export class DbtArtifactReadError extends FloePluginError {
  override name = "DbtArtifactReadError";
  readonly path: string;
  readonly kind: DbtArtifactProblemKind;

  constructor(problem: DbtArtifactProblem) {
    super(`${problem.path}: ${problem.problem}`, {
      code: problem.kind === "not_found" ? "ARTIFACT_NOT_FOUND" : "ARTIFACT_INVALID",
      cause: problem.cause,
    });
    this.path = problem.path;
    this.kind = problem.kind;
  }
}

export interface DbtArtifactReadOptions {
  /** Builds the error thrown for a problem (default: DbtArtifactReadError). */
  error?: (problem: DbtArtifactProblem) => Error;
}

type Artifact = DbtArtifactProblem["artifact"];

class ArtifactFailure extends Error {
  constructor(readonly problem: DbtArtifactProblem) {
    super(problem.problem);
  }
}

function fail(artifact: Artifact, path: string, kind: DbtArtifactProblemKind, problem: string, cause?: unknown): never {
  throw new ArtifactFailure({ kind, path, artifact, problem, ...(cause !== undefined ? { cause } : {}) });
}

function reported(options: DbtArtifactReadOptions, error: unknown): unknown {
  if (!(error instanceof ArtifactFailure)) return error;
  return (options.error ?? ((p) => new DbtArtifactReadError(p)))(error.problem);
}

function guarded<T>(options: DbtArtifactReadOptions, body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw reported(options, error);
  }
}

async function guardedAsync<T>(options: DbtArtifactReadOptions, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw reported(options, error);
  }
}

// ---------------------------------------------------------------- schemas

const metadataSchema = z.looseObject({
  dbt_schema_version: z.string(),
  dbt_version: z.string().optional(),
  generated_at: z.string().optional(),
  invocation_id: z.string().nullish(),
});

const dependsOnSchema = z.looseObject({ nodes: z.array(z.string()).default([]) }).nullish();

const columnSchema = z.looseObject({
  name: z.string(),
  description: z.string().nullish(),
  data_type: z.string().nullish(),
  meta: z.record(z.string(), z.unknown()).nullish(),
  constraints: z.array(z.looseObject({ type: z.string() })).nullish(),
});

const nodeSchema = z.looseObject({
  unique_id: z.string(),
  resource_type: z.string(),
  name: z.string(),
  package_name: z.string().optional(),
  original_file_path: z.string().optional(),
  database: z.string().nullish(),
  schema: z.string().nullish(),
  alias: z.string().nullish(),
  relation_name: z.string().nullish(),
  description: z.string().nullish(),
  group: z.string().nullish(),
  source_name: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  columns: z.record(z.string(), columnSchema).nullish(),
  constraints: z.array(z.looseObject({ type: z.string(), columns: z.array(z.string()).nullish() })).nullish(),
  config: z
    .looseObject({ materialized: z.string().optional(), severity: z.string().optional(), group: z.string().nullish() })
    .nullish(),
  depends_on: dependsOnSchema,
  test_metadata: z.looseObject({ name: z.string(), kwargs: z.record(z.string(), z.unknown()).default({}) }).nullish(),
  attached_node: z.string().nullish(),
  column_name: z.string().nullish(),
});

const exposureSchema = z.looseObject({
  unique_id: z.string(),
  name: z.string(),
  type: z.string().nullish(),
  label: z.string().nullish(),
  description: z.string().nullish(),
  url: z.string().nullish(),
  maturity: z.string().nullish(),
  owner: z.looseObject({ name: z.string().nullish(), email: z.string().nullish() }).nullish(),
  depends_on: dependsOnSchema,
});

const metricSchema = z.looseObject({
  unique_id: z.string(),
  name: z.string(),
  type: z.string().nullish(),
  label: z.string().nullish(),
  description: z.string().nullish(),
  depends_on: dependsOnSchema,
});

const namedSchema = z.looseObject({ name: z.string(), type: z.string().nullish(), description: z.string().nullish() });

const semanticModelSchema = z.looseObject({
  unique_id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  model: z.string().nullish(),
  entities: z.array(namedSchema).nullish(),
  measures: z.array(namedSchema.extend({ agg: z.string().nullish() })).nullish(),
  dimensions: z.array(namedSchema).nullish(),
  depends_on: dependsOnSchema,
});

const manifestSchema = z.looseObject({
  metadata: metadataSchema.extend({ project_name: z.string().nullish(), adapter_type: z.string().nullish() }),
  nodes: z.record(z.string(), nodeSchema),
  sources: z.record(z.string(), nodeSchema).nullish(),
  exposures: z.record(z.string(), exposureSchema).nullish(),
  metrics: z.record(z.string(), metricSchema).nullish(),
  semantic_models: z.record(z.string(), semanticModelSchema).nullish(),
  parent_map: z.record(z.string(), z.array(z.string())).nullish(),
});

const timingSchema = z.looseObject({
  name: z.string(),
  started_at: z.string().nullish(),
  completed_at: z.string().nullish(),
});

const nodeResultSchema = z.looseObject({
  unique_id: z.string(),
  status: z.string(),
  execution_time: z.number().default(0),
  message: z.string().nullish(),
  failures: z.number().nullish(),
  timing: z.array(timingSchema).default([]),
  thread_id: z.string().nullish(),
  adapter_response: z.record(z.string(), z.unknown()).nullish(),
  relation_name: z.string().nullish(),
});

const runResultsSchema = z.looseObject({
  metadata: metadataSchema,
  results: z.array(nodeResultSchema),
  elapsed_time: z.number().default(0),
  args: z.record(z.string(), z.unknown()).optional(),
});

// ---------------------------------------------------------------- types

/** `run_results.json` as dbt writes it (schema v4-v6), checked. */
export type RunResultsArtifact = z.output<typeof runResultsSchema>;
/** One entry of `run_results.json` `results`. */
export type RunResultsEntry = RunResultsArtifact["results"][number];

export interface DbtColumn {
  name: string;
  description?: string | null;
  dataType?: string | null;
  meta?: Record<string, unknown> | null;
  constraints: { type: string }[];
}

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
  description?: string | null;
  /** The dbt group (node-level, else from config). */
  group?: string | null;
  /** Sources: the source block's name. */
  sourceName?: string | null;
  materialized?: string;
  tags: string[];
  dependsOn: string[];
  columns: Record<string, DbtColumn>;
  /** Model-level constraints. */
  constraints: { type: string; columns?: string[] | null }[];
  /** Generic tests: the test macro and its arguments. */
  testMetadata?: { name: string; kwargs: Record<string, unknown> };
  /** Tests: the model the test is attached to. */
  attachedNode?: string | null;
  columnName?: string | null;
  severity?: string;
}

export interface DbtExposure {
  uniqueId: string;
  name: string;
  type?: string | null;
  label?: string | null;
  description?: string | null;
  url?: string | null;
  maturity?: string | null;
  owner?: { name?: string | null; email?: string | null } | null;
  dependsOn: string[];
}

export interface DbtMetric {
  uniqueId: string;
  name: string;
  type?: string | null;
  label?: string | null;
  description?: string | null;
  dependsOn: string[];
}

export interface DbtSemanticModel {
  uniqueId: string;
  name: string;
  description?: string | null;
  /** `ref('...')` of the model it is built on. */
  model?: string | null;
  entities: { name: string; type?: string | null }[];
  measures: { name: string; agg?: string | null }[];
  dimensions: { name: string; type?: string | null }[];
  dependsOn: string[];
}

export interface DbtManifest {
  /** Manifest schema version, e.g. 12 for dbt 1.8. */
  schemaVersion: number;
  dbtVersion?: string;
  projectName?: string | null;
  adapterType?: string | null;
  generatedAt?: string;
  invocationId?: string | null;
  nodes: Record<string, DbtManifestNode>;
  sources: Record<string, DbtManifestNode>;
  exposures: Record<string, DbtExposure>;
  metrics: Record<string, DbtMetric>;
  semanticModels: Record<string, DbtSemanticModel>;
  parentMap: Record<string, string[]>;
}

// ---------------------------------------------------------------- reading

function schemaVersionOf(artifact: Artifact, url: string, path: string): number {
  const match = new RegExp(`/${artifact}/v(\\d+)\\.json$`).exec(url);
  if (!match) fail(artifact, path, "wrong_artifact", `not a dbt ${artifact} artifact (dbt_schema_version ${url})`);
  return Number(match[1]);
}

function checked<S extends z.ZodType>(artifact: Artifact, schema: S, value: unknown, path: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = formatIssues(parsed.error.issues.slice(0, 5));
  return fail(artifact, path, "invalid_shape", `unexpected shape: ${issues.join("; ")}`);
}

async function readJson(artifact: Artifact, path: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") fail(artifact, path, "not_found", "file does not exist", error);
    return fail(artifact, path, "unreadable", `cannot read file (${code ?? "error"})`, error);
  }
  try {
    return JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text around the error; say where, not what.
    return fail(artifact, path, "malformed_json", `malformed JSON (${text.length} characters)`);
  }
}

const ids = (dependsOn: { nodes: string[] } | null | undefined): string[] => dependsOn?.nodes ?? [];

function toNode(raw: z.output<typeof nodeSchema>): DbtManifestNode {
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
    description: raw.description,
    group: raw.group ?? raw.config?.group,
    sourceName: raw.source_name,
    materialized: raw.config?.materialized,
    severity: raw.config?.severity,
    tags: raw.tags ?? [],
    dependsOn: ids(raw.depends_on),
    columns: Object.fromEntries(
      Object.entries(raw.columns ?? {}).map(([key, c]) => [
        key,
        { name: c.name, description: c.description, dataType: c.data_type, meta: c.meta, constraints: c.constraints ?? [] },
      ]),
    ),
    constraints: raw.constraints ?? [],
    ...(raw.test_metadata ? { testMetadata: { name: raw.test_metadata.name, kwargs: raw.test_metadata.kwargs } } : {}),
    attachedNode: raw.attached_node,
    columnName: raw.column_name,
  };
}

function mapRecord<In, Out>(record: Record<string, In> | null | undefined, map: (value: In) => Out): Record<string, Out> {
  return Object.fromEntries(Object.entries(record ?? {}).map(([id, value]) => [id, map(value)]));
}

/** Validates a manifest document (already parsed, e.g. handed over in memory). */
export function parseManifestDocument(value: unknown, path = "manifest.json", options: DbtArtifactReadOptions = {}): DbtManifest {
  return guarded(options, () => {
    const raw = checked("manifest", manifestSchema, value, path);
    const schemaVersion = schemaVersionOf("manifest", raw.metadata.dbt_schema_version, path);
    return {
      schemaVersion,
      dbtVersion: raw.metadata.dbt_version,
      projectName: raw.metadata.project_name,
      adapterType: raw.metadata.adapter_type,
      generatedAt: raw.metadata.generated_at,
      invocationId: raw.metadata.invocation_id,
      nodes: mapRecord(raw.nodes, toNode),
      sources: mapRecord(raw.sources, toNode),
      exposures: mapRecord(raw.exposures, (e) => ({
        uniqueId: e.unique_id, name: e.name, type: e.type, label: e.label, description: e.description,
        url: e.url, maturity: e.maturity, owner: e.owner, dependsOn: ids(e.depends_on),
      })),
      metrics: mapRecord(raw.metrics, (m) => ({
        uniqueId: m.unique_id, name: m.name, type: m.type, label: m.label, description: m.description, dependsOn: ids(m.depends_on),
      })),
      semanticModels: mapRecord(raw.semantic_models, (s) => ({
        uniqueId: s.unique_id, name: s.name, description: s.description, model: s.model,
        entities: (s.entities ?? []).map((e) => ({ name: e.name, type: e.type })),
        measures: (s.measures ?? []).map((m) => ({ name: m.name, agg: m.agg })),
        dimensions: (s.dimensions ?? []).map((d) => ({ name: d.name, type: d.type })),
        dependsOn: ids(s.depends_on),
      })),
      parentMap: raw.parent_map ?? {},
    };
  });
}

/** Reads and validates `manifest.json`. */
export async function readManifest(path: string, options: DbtArtifactReadOptions = {}): Promise<DbtManifest> {
  const value = await guardedAsync(options, () => readJson("manifest", path));
  return parseManifestDocument(value, path, options);
}

/** Validates a run_results document (already parsed). */
export function parseRunResults(value: unknown, path = "run_results.json", options: DbtArtifactReadOptions = {}): RunResultsArtifact {
  return guarded(options, () => {
    const artifact = checked("run-results", runResultsSchema, value, path);
    schemaVersionOf("run-results", artifact.metadata.dbt_schema_version, path);
    return artifact;
  });
}

/** Reads and validates `run_results.json`. */
export async function readRunResults(path: string, options: DbtArtifactReadOptions = {}): Promise<RunResultsArtifact> {
  const value = await guardedAsync(options, () => readJson("run-results", path));
  return parseRunResults(value, path, options);
}

const SUCCESSFUL = new Set(["success", "pass", "skipped"]);

/** The contract result for a run_results document (and dbt's exit code, when it ran). */
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
  const exited = exitCode !== undefined && exitCode !== null;
  return {
    success: (!exited || exitCode === 0) && results.every((r) => SUCCESSFUL.has(r.status)),
    command,
    results,
    elapsedTime: artifact.elapsed_time,
    ...(artifact.metadata.invocation_id ? { invocationId: artifact.metadata.invocation_id } : {}),
    ...(artifact.metadata.dbt_version ? { dbtVersion: artifact.metadata.dbt_version } : {}),
    ...(exited ? { exitCode } : {}),
  };
}
