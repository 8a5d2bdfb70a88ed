/**
 * The transform registry: every transform the CLI accepts, by name, and the
 * pipelines built from them. Transform modules load lazily so that a run of
 * one file transform never loads ts-morph.
 */
import type { Transform } from "../core/types.js";

export type TransformName =
  | "sanitize-exceptions"
  | "rename-operation-name"
  | "generate-tracing"
  | "instrument-operations";

const LOADERS: Record<TransformName, () => Promise<Transform>> = {
  "sanitize-exceptions": async () => (await import("./sanitize-exceptions.js")).sanitizeExceptions,
  "rename-operation-name": async () => (await import("./rename-operation-name.js")).renameOperationName,
  "generate-tracing": async () => (await import("./generate-tracing.js")).generateTracing,
  "instrument-operations": async () => (await import("./instrument-operations.js")).instrumentOperations,
};

/**
 * migrate's order: first the legacy `operationName`/import rename (so later steps see
 * `traced` from `@floe/runtime`), then the generated tracing module and `tracerName`,
 * then operation instrumentation (which imports the generated helper), and last the
 * exception sanitizing, which also covers any code the earlier steps touched.
 */
export const MIGRATE_STEPS: readonly TransformName[] = [
  "rename-operation-name",
  "generate-tracing",
  "instrument-operations",
  "sanitize-exceptions",
];

export interface PipelineDefinition {
  readonly name: string;
  readonly description: string;
  readonly steps: readonly TransformName[];
  /** A check never writes and fails when anything would change. */
  readonly check: boolean;
}

export const PIPELINES: Readonly<Record<string, PipelineDefinition>> = {
  migrate: {
    name: "migrate",
    description: `All transforms in order: ${MIGRATE_STEPS.join(", ")}; each sees the previous output.`,
    steps: MIGRATE_STEPS,
    check: false,
  },
  check: {
    name: "check",
    description: "Runs migrate in memory and changes nothing; exits 1 when any transform would change a file (--format text|json|sarif).",
    steps: MIGRATE_STEPS,
    check: true,
  },
};

export const TRANSFORM_NAMES: readonly string[] = [...Object.keys(LOADERS), ...Object.keys(PIPELINES)];

export function isTransformName(name: string): name is TransformName {
  return Object.prototype.hasOwnProperty.call(LOADERS, name);
}

export function loadTransform(name: TransformName): Promise<Transform> {
  return LOADERS[name]();
}

/** The steps a name runs: one transform, or a pipeline; undefined for an unknown name. */
export function resolveSteps(name: string): { steps: readonly TransformName[]; check: boolean } | undefined {
  if (isTransformName(name)) return { steps: [name], check: false };
  const pipeline = PIPELINES[name];
  return pipeline ? { steps: pipeline.steps, check: pipeline.check } : undefined;
}

export interface TransformDescription {
  readonly name: string;
  readonly kind: "file" | "project" | "pipeline";
  readonly description: string;
  readonly steps?: readonly string[];
}

export async function listTransforms(): Promise<TransformDescription[]> {
  const singles = await Promise.all(
    (Object.keys(LOADERS) as TransformName[]).map(async (name) => {
      const t = await loadTransform(name);
      return { name, kind: t.kind, description: t.description } satisfies TransformDescription;
    }),
  );
  const pipelines = Object.values(PIPELINES).map(
    (p) => ({ name: p.name, kind: "pipeline", description: p.description, steps: p.steps }) satisfies TransformDescription,
  );
  return [...singles, ...pipelines];
}
