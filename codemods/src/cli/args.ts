/**
 * Command-line parsing: which transform, which paths, which options. Each
 * transform accepts the common options plus its own (from the registry);
 * anything else, a missing value or a bad value is a one-line ArgsError
 * (exit code 2) that points at the transform's `--help`.
 */
import { parseArgs } from "node:util";
import { allTransformOptions, optionsFor, TRANSFORM_NAMES, type TransformOption } from "../transforms/index.js";
import { parseShard, type Shard } from "../core/shard.js";
import { COMMON_OPTIONS, LIST_OPTIONS, REPORT_FORMATS, type CommonOption, type ReportFormat } from "./options.js";

/** The command that merges the SARIF logs of `check --shard` runs (output/sarif-merge.ts). */
export const MERGE_SARIF = "merge-sarif";

/** A problem with the invocation: printed as one line, exit code 2. */
export class ArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArgsError";
  }
}

export type Invocation =
  | { readonly kind: "help"; readonly transform?: string }
  | { readonly kind: "version" }
  | { readonly kind: "list"; readonly format: ReportFormat }
  | { readonly kind: "merge-sarif"; readonly files: string[] }
  | {
      readonly kind: "run";
      readonly transform: string;
      readonly paths: string[];
      readonly format: ReportFormat;
      readonly dry: boolean;
      readonly print: boolean;
      readonly force: boolean;
      /** An explicit configuration file (otherwise found from the current directory up). */
      readonly config?: string;
      readonly verbose: boolean;
      readonly noPrefilter: boolean;
      readonly extensions?: string[];
      readonly ignorePatterns?: string[];
      readonly workers?: number;
      readonly shard?: Shard;
      readonly cache: boolean;
      readonly cacheLocation?: string;
      /** Transform options by TransformOptions key (`tracerName`). */
      readonly transformOptions: Record<string, string | boolean>;
      /** The transform options as given, to repeat in fix hints: `{ flag: "tracer-name", args: ["--tracer-name", "floe.alert.x"] }`. */
      readonly transformArgs: { readonly flag: string; readonly args: string[] }[];
    };

type Spec = CommonOption | TransformOption;

function parseConfig(specs: readonly Spec[]) {
  const options: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
  for (const s of specs) {
    options[s.flag] = { type: s.type, ...("short" in s && s.short ? { short: s.short } : {}), ...("multiple" in s && s.multiple ? { multiple: true } : {}) };
  }
  return options;
}

function seeHelp(transform: string | undefined): string {
  return transform ? `see floe-codemod ${transform} --help` : "see floe-codemod --help";
}

export function parseInvocation(argv: readonly string[]): Invocation {
  const everySpec: Spec[] = [...COMMON_OPTIONS, ...allTransformOptions()];
  const { values, positionals, tokens } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options: parseConfig(everySpec) });
  const [transform, ...paths] = positionals;
  if (transform === "help") return { kind: "help", transform: paths[0] };
  if (transform === MERGE_SARIF) {
    if (paths.length === 0) throw new ArgsError("merge-sarif needs the SARIF files of the shards (floe-codemod merge-sarif shard-*.sarif)");
    return { kind: "merge-sarif", files: paths };
  }
  if (transform !== undefined && transform !== "list" && !TRANSFORM_NAMES.includes(transform)) {
    throw new ArgsError(`unknown transform "${transform}". Valid transforms: ${[...TRANSFORM_NAMES, "list", MERGE_SARIF].join(", ")} (see floe-codemod --help)`);
  }
  if (values.help === true) return { kind: "help", transform };

  const allowed: Spec[] =
    transform === undefined
      ? COMMON_OPTIONS.filter((o) => o.flag === "help" || o.flag === "version")
      : transform === "list"
        ? COMMON_OPTIONS.filter((o) => LIST_OPTIONS.includes(o.flag))
        : [...COMMON_OPTIONS, ...optionsFor(transform)];
  const byFlag = new Map(allowed.map((s) => [s.flag, s]));
  const forWhat = transform ? ` for ${transform}` : "";
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const spec = byFlag.get(token.name);
    if (!spec) throw new ArgsError(`unknown option '${token.rawName}'${forWhat} (${seeHelp(transform)})`);
    if (spec.type === "string" && token.value === undefined) {
      throw new ArgsError(`option '--${spec.flag} ${spec.valueName ?? "<value>"}' needs a value${forWhat} (${seeHelp(transform)})`);
    }
    if (spec.type === "boolean" && token.inlineValue) throw new ArgsError(`option '--${spec.flag}' takes no value (${seeHelp(transform)})`);
  }

  if (values.version === true) return { kind: "version" };
  const formatValue = values.json === true ? "json" : ((values.format as string | undefined) ?? "text");
  if (!(REPORT_FORMATS as readonly string[]).includes(formatValue)) {
    throw new ArgsError(`invalid --format "${formatValue}" (one of: ${REPORT_FORMATS.join(", ")})`);
  }
  const format = formatValue as ReportFormat;
  if (transform === undefined) throw new ArgsError(`missing transform (${seeHelp(undefined)})`);
  if (transform === "list") {
    if (paths.length) throw new ArgsError(`list takes no paths (got "${paths[0]}")`);
    return { kind: "list", format };
  }

  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0) throw new ArgsError(`invalid --workers "${String(values.workers)}": must be a non-negative integer`);
  }
  let shard: Shard | undefined;
  if (typeof values.shard === "string") {
    try {
      shard = parseShard(values.shard);
    } catch (error) {
      throw new ArgsError((error as Error).message);
    }
  }
  const transformOptions: Record<string, string | boolean> = {};
  const transformArgs: { flag: string; args: string[] }[] = [];
  for (const option of optionsFor(transform)) {
    const value = values[option.flag];
    if (value === undefined || Array.isArray(value)) continue;
    if (typeof value === "string") {
      const problem = option.validate?.(value);
      if (problem) throw new ArgsError(`invalid --${option.flag}: ${problem} (${seeHelp(transform)})`);
      transformArgs.push({ flag: option.flag, args: [`--${option.flag}`, value] });
    } else if (value) transformArgs.push({ flag: option.flag, args: [`--${option.flag}`] });
    transformOptions[option.key] = value;
  }
  const extensions = typeof values.extensions === "string" ? values.extensions.split(",").map((e) => e.trim()).filter(Boolean) : undefined;
  return {
    kind: "run",
    transform,
    paths,
    format,
    dry: values.dry === true,
    print: values.print === true,
    force: values.force === true || values["allow-dirty"] === true,
    ...(typeof values.config === "string" ? { config: values.config } : {}),
    verbose: values.verbose === true,
    noPrefilter: values["no-prefilter"] === true,
    ...(extensions ? { extensions } : {}),
    ...(Array.isArray(values["ignore-pattern"]) ? { ignorePatterns: values["ignore-pattern"] as string[] } : {}),
    ...(workers !== undefined ? { workers } : {}),
    ...(shard ? { shard } : {}),
    cache: values.cache === true,
    ...(typeof values["cache-location"] === "string" ? { cacheLocation: values["cache-location"] } : {}),
    transformOptions,
    transformArgs,
  };
}
