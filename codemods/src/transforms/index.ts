/**
 * The transform registry: every transform declared once, with what the CLI
 * help, `list`, per-transform `--help`, SARIF rule metadata, the worker's
 * loader and `migrate`'s steps need. Registering a transform is one entry
 * here. Nothing is imported eagerly: a transform module loads (by path) only
 * when a run uses it, so a run of one file transform never loads ts-morph.
 */
import { CONVENTIONS, PLUGIN_TYPES, parseTracerName } from "@floe/runtime/conventions";
import type { Transform } from "../core/types.js";

/** Where the documentation lives; `#<transform>` anchors exist in codemods/README.md. */
export const DOCS_URL = "https://github.com/floe-dev/floe-instrumentation-toolkit/blob/main/codemods/README.md";

/** One option a transform takes on the command line, passed to it under `key` in TransformOptions. */
export interface TransformOption {
  /** Long flag without dashes (`tracer-name`). */
  readonly flag: string;
  /** Key in TransformOptions (`tracerName`). */
  readonly key: string;
  readonly type: "string" | "boolean";
  /** Placeholder shown in help (`<name>`). */
  readonly valueName?: string;
  readonly help: string;
  /** A problem with the value (exit 2 before anything runs), or undefined when it is acceptable. */
  readonly validate?: (value: string) => string | undefined;
}

export interface TransformEntry {
  readonly name: string;
  readonly kind: "file" | "project";
  /** One line, for `list` and the global help. */
  readonly summary: string;
  /** What it does, for `--help` and SARIF rule descriptions. */
  readonly description: string;
  /** What a path argument means for this transform. */
  readonly paths: string;
  readonly options: readonly TransformOption[];
  readonly example: string;
  /** Position in `migrate` (ascending). */
  readonly migrateOrder: number;
  /** The module, relative to this file, and the name it exports the transform under. */
  readonly module: string;
  readonly exportName: string;
}

export interface PipelineDefinition {
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  readonly steps: readonly string[];
  /** A check never writes and fails when anything would change. */
  readonly check: boolean;
  readonly example: string;
}

const CATEGORIES: readonly string[] = [...new Set(PLUGIN_TYPES.filter((t) => CONVENTIONS[t].instrumented).map((t) => CONVENTIONS[t].category))].sort();

function tracerNameProblem(value: string): string | undefined {
  const parsed = parseTracerName(value);
  if (!parsed) return `${JSON.stringify(value)} does not match floe.{category}.{implementation} (lower case, e.g. floe.alert.slack)`;
  if (!CATEGORIES.includes(parsed.category)) return `${JSON.stringify(value)} has unknown category "${parsed.category}" (one of: ${CATEGORIES.join(", ")})`;
  return undefined;
}

const TRACER_NAME_OPTION: TransformOption = {
  flag: "tracer-name",
  key: "tracerName",
  type: "string",
  valueName: "<name>",
  help: "tracer name for packages without package.json floe.tracerName (default: derived from the plugin type and package name); must match floe.{category}.{implementation} and the plugin type's category",
  validate: tracerNameProblem,
};

const PACKAGE_PATHS = "plugin package directories, or directories containing them (a file argument selects no package)";
const SOURCE_PATHS = "files or directories of source files";

/**
 * The single transforms, in `migrate` order: first the legacy `operationName`/import rename
 * (so later steps see `traced` from `@floe/runtime`), then the generated tracing module and
 * `tracerName`, then operation instrumentation (which imports the generated helper), and last
 * the exception sanitizing, which also covers any code the earlier steps touched.
 */
const ENTRIES: readonly TransformEntry[] = [
  {
    name: "sanitize-exceptions",
    kind: "file",
    summary: "span.recordException(e) -> recordSanitizedException(span, e); sanitized setStatus messages",
    description:
      "Rewrites x.recordException(e[, time]) to recordSanitizedException(x, e[, time]) (optional chaining, aliases, namespace imports, JS and TS) " +
      "and wraps error-derived setStatus({ code: ERROR, message }) messages in sanitizeErrorMessage(...), exactly what " +
      "floe/no-raw-record-exception and floe/no-unsanitized-span-status fix; a receiver proved not to be a Span is left with a note; " +
      "adds or merges the @floe/runtime import.",
    paths: SOURCE_PATHS,
    options: [],
    example: "floe-codemod sanitize-exceptions src --dry",
    migrateOrder: 4,
    module: "./sanitize-exceptions.js",
    exportName: "sanitizeExceptions",
  },
  {
    name: "rename-operation-name",
    kind: "file",
    summary: "traced({ operationName }) -> traced({ name }); legacy traced import -> @floe/runtime",
    description:
      "Renames the legacy traced({ operationName }) option to name in calls, wrappers and @traced(...) decorators, " +
      "and moves imports of traced from @floe/iceberg/telemetry to @floe/runtime (merged into an existing import).",
    paths: SOURCE_PATHS,
    options: [],
    example: "floe-codemod rename-operation-name src",
    migrateOrder: 1,
    module: "./rename-operation-name.js",
    exportName: "renameOperationName",
  },
  {
    name: "generate-tracing",
    kind: "project",
    summary: "writes a plugin's src/tracing.ts (its one identity declaration) and puts the class on tracing.Plugin(...)",
    description:
      "For each plugin package: writes src/tracing.ts from the floe conventions and package.json (name, version, tracer name, type), " +
      "makes the plugin class extend tracing.Plugin(<contract>) in place of hand-written tracerName/version/name getters, " +
      "a test/tracing.test.ts skeleton when no test uses createTestTracing(), and the package.json wiring (@floe/runtime dependency, floe field).",
    paths: PACKAGE_PATHS,
    options: [TRACER_NAME_OPTION],
    example: "floe-codemod generate-tracing plugins/alert-slack --tracer-name floe.alert.slack",
    migrateOrder: 2,
    module: "./generate-tracing.js",
    exportName: "generateTracing",
  },
  {
    name: "instrument-operations",
    kind: "project",
    summary: "traces the plugin class's operations listed in the conventions",
    description:
      "Runs each contract operation of the plugin class in its domain span on the plugin's own tracer: legacy spans " +
      "(getTracer, @traced({ name }), startActiveSpan, startSpan, traced-wrapped properties) move to the plugin's tracer and " +
      "{category}.{op} names (the old name kept as floe.legacy.span_name); then @tracing.operation(\"<op>\") in TypeScript, " +
      "the body wrapped in the span helper in JavaScript; an operation that already opens a conventional span is left alone.",
    paths: PACKAGE_PATHS,
    options: [],
    example: "floe-codemod instrument-operations plugins/alert-slack --dry",
    migrateOrder: 3,
    module: "./instrument-operations.js",
    exportName: "instrumentOperations",
  },
];

/** A command that creates files rather than transforming paths. */
export interface GeneratorEntry {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly description: string;
  readonly example: string;
  /** The module, relative to this file, and the function it exports. */
  readonly module: string;
  readonly exportName: string;
}

export const NEW_PLUGIN: GeneratorEntry = {
  name: "new-plugin",
  usage: "floe-codemod new-plugin <category> <impl> [--dir <folder>]",
  summary: "scaffolds plugins/<category>-<impl>: passes lint, check and the platform contract as created",
  description:
    "Creates the package @floe/plugin-<category>-<impl> in <folder> (default: plugins): package.json with its floe block, " +
    "tsconfigs and vitest config extending the repo's, the plugin class on tracing.Plugin(<contract>) with every operation of " +
    "the conventions in its domain span (throwing NotImplementedError until implemented), and, through generate-tracing, " +
    "src/tracing.ts and test/tracing.test.ts. <category> is a package prefix of the conventions (alert, secrets, rbac, " +
    "network-security, semantic, ...). Never overwrites an existing folder.",
  example: "floe-codemod new-plugin alert pagerduty",
  module: "../new-plugin/command.js",
  exportName: "newPluginCommand",
};

/** Commands besides the transforms: only new-plugin. */
export const GENERATORS: ReadonlyMap<string, GeneratorEntry> = new Map([[NEW_PLUGIN.name, NEW_PLUGIN]]);

export const TRANSFORMS: ReadonlyMap<string, TransformEntry> = new Map(ENTRIES.map((e) => [e.name, e]));

export const MIGRATE_STEPS: readonly string[] = [...ENTRIES].sort((a, b) => a.migrateOrder - b.migrateOrder).map((e) => e.name);

export const PIPELINES: ReadonlyMap<string, PipelineDefinition> = new Map(
  [
    {
      name: "migrate",
      summary: "all of the above, in order, each step seeing the previous output",
      description: `Runs every transform in order (${MIGRATE_STEPS.join(", ")}); each step sees the previous step's output, in memory.`,
      steps: MIGRATE_STEPS,
      check: false,
      example: "floe-codemod migrate plugins/alert-slack --dry",
    },
    {
      name: "check",
      summary: "migrate in memory; changes nothing; exit 1 if anything would change",
      description:
        "Runs migrate in memory and changes nothing; exits 1 when any transform would change a file. " +
        "Each finding carries a fix command that works when pasted in the directory check ran in. --format json|sarif for machines (on stdout).",
      steps: MIGRATE_STEPS,
      check: true,
      example: "floe-codemod check plugins --format sarif > floe.sarif",
    },
  ].map((p) => [p.name, p]),
);

/** Every name the CLI runs: single transforms, then pipelines. */
export const TRANSFORM_NAMES: readonly string[] = [...TRANSFORMS.keys(), ...PIPELINES.keys()];

export function isTransformName(name: string): boolean {
  return TRANSFORMS.has(name);
}

/** Options a name accepts: its own, or the union of its steps' options for a pipeline. */
export function optionsFor(name: string): readonly TransformOption[] {
  const single = TRANSFORMS.get(name);
  if (single) return single.options;
  const steps = PIPELINES.get(name)?.steps ?? [];
  const seen = new Map<string, TransformOption>();
  for (const step of steps) for (const o of TRANSFORMS.get(step)?.options ?? []) seen.set(o.flag, o);
  return [...seen.values()];
}

/** Every transform option of every transform (for a first, transform-agnostic pass over argv). */
export function allTransformOptions(): readonly TransformOption[] {
  const seen = new Map<string, TransformOption>();
  for (const e of ENTRIES) for (const o of e.options) seen.set(o.flag, o);
  return [...seen.values()];
}

/** The URL the worker threads import a file transform from: `<module URL>#<export>`. */
export function transformModuleRef(name: string): string {
  const entry = TRANSFORMS.get(name);
  if (!entry) throw new Error(`unknown transform ${name}`);
  return `${new URL(entry.module, import.meta.url).href}#${entry.exportName}`;
}

export async function loadTransform(name: string): Promise<Transform> {
  const entry = TRANSFORMS.get(name);
  if (!entry) throw new Error(`unknown transform ${name}`);
  const mod = (await import(new URL(entry.module, import.meta.url).href)) as Record<string, unknown>;
  const transform = mod[entry.exportName] as Transform | undefined;
  if (!transform || transform.name !== entry.name || transform.kind !== entry.kind) {
    throw new Error(`registry entry ${name} does not match ${entry.module} export ${entry.exportName}`);
  }
  return transform;
}

/** The steps a name runs: one transform, or a pipeline; undefined for an unknown name. */
export function resolveSteps(name: string): { steps: readonly string[]; check: boolean } | undefined {
  if (TRANSFORMS.has(name)) return { steps: [name], check: false };
  const pipeline = PIPELINES.get(name);
  return pipeline ? { steps: pipeline.steps, check: pipeline.check } : undefined;
}

export interface TransformDescription {
  readonly name: string;
  readonly kind: "file" | "project" | "pipeline";
  readonly description: string;
  readonly summary: string;
  readonly options: readonly { flag: string; type: "string" | "boolean"; help: string }[];
  readonly example: string;
  readonly helpUri: string;
  readonly steps?: readonly string[];
}

/** Describes every transform and pipeline, from the registry alone (nothing is loaded). */
export function listTransforms(): TransformDescription[] {
  const options = (list: readonly TransformOption[]) => list.map((o) => ({ flag: `--${o.flag}`, type: o.type, help: o.help }));
  return [
    ...ENTRIES.map((e) => ({
      name: e.name,
      kind: e.kind,
      summary: e.summary,
      description: e.description,
      options: options(e.options),
      example: e.example,
      helpUri: `${DOCS_URL}#${e.name}`,
    })),
    ...[...PIPELINES.values()].map((p) => ({
      name: p.name,
      kind: "pipeline" as const,
      summary: p.summary,
      description: p.description,
      options: options(optionsFor(p.name)),
      example: p.example,
      helpUri: `${DOCS_URL}#${p.name}`,
      steps: p.steps,
    })),
  ];
}
