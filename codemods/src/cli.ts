/**
 * `floe-codemod <transform> [paths...]`: argument parsing, output and exit codes.
 * Everything else lives in runCodemod. Machine formats (json, sarif) go to
 * stdout; progress and logs to stderr.
 */
import { readFileSync } from "node:fs";
import { formatJson, formatText, type Report } from "./core/report.js";
import { progressEnabled } from "./core/progress.js";
import { ArgsError, parseInvocation, type Invocation } from "./cli/args.js";
import { globalHelp, transformHelp } from "./cli/help.js";
import { fileFixHints, overallFixCommand, type FixHintOptions } from "./output/fix-hints.js";
import { formatSarif } from "./output/sarif.js";
import { runCodemod, UsageError } from "./runner.js";
import { GENERATORS, listTransforms, optionsFor } from "./transforms/index.js";

const VERSION = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

/** The global help text (kept as an export for the programmatic API and tests). */
export const HELP = globalHelp();

function fail(message: string): number {
  process.stderr.write(`floe-codemod: ${message}\n`);
  return 2;
}

function list(format: "text" | "json" | "sarif"): number {
  if (format === "sarif") return fail("list has no sarif format (text, json)");
  const all = listTransforms();
  if (format === "json") process.stdout.write(JSON.stringify(all, null, 2) + "\n");
  else for (const t of all) process.stdout.write(`${t.name.padEnd(24)}${t.kind.padEnd(10)}${t.summary}\n`);
  return 0;
}

/** The JSON report with the fix hints of each file that would change and one command that fixes everything. */
function jsonWithFixes(report: Report, hints: FixHintOptions): string {
  if (report.mode === "write") return formatJson(report); // already applied: nothing to hint
  const perFile = fileFixHints(report, hints);
  const fix = overallFixCommand(report, hints);
  return formatJson({
    ...report,
    files: report.files.map((f) => (perFile.has(f.path) ? { ...f, fixes: perFile.get(f.path)!.map((h) => h.command) } : f)),
    ...(fix ? { fix } : {}),
  } as Report);
}

function textFixLines(report: Report, hints: FixHintOptions): string {
  if (report.mode !== "check") return "";
  const fix = overallFixCommand(report, hints);
  return fix ? `to fix, run here: ${fix}\n` : "";
}

async function mergeSarifFiles(files: readonly string[]): Promise<number> {
  const { mergeSarif, SarifMergeError } = await import("./output/sarif-merge.js");
  try {
    const logs = files.map((name) => {
      let text: string;
      try {
        text = readFileSync(name, "utf8");
      } catch (error) {
        throw new SarifMergeError(`${name}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
      }
      try {
        return { name, log: JSON.parse(text) as unknown };
      } catch {
        throw new SarifMergeError(`${name}: not JSON`);
      }
    });
    process.stdout.write(JSON.stringify(mergeSarif(logs), null, 2) + "\n");
    return 0;
  } catch (error) {
    if (error instanceof SarifMergeError) return fail(`merge-sarif: ${error.message}`);
    throw error;
  }
}

async function run(invocation: Extract<Invocation, { kind: "run" }>): Promise<number> {
  const machine = invocation.format !== "text";
  const cwd = process.cwd();
  const report = await runCodemod({
    transform: invocation.transform,
    paths: invocation.paths,
    dry: invocation.dry,
    print: invocation.print,
    force: invocation.force,
    ...(invocation.config ? { config: invocation.config } : {}),
    extensions: invocation.extensions,
    ignorePatterns: invocation.ignorePatterns,
    workers: invocation.workers,
    ...(invocation.shard ? { shard: invocation.shard } : {}),
    ...(invocation.cache ? { cache: invocation.cacheLocation ?? true } : {}),
    noPrefilter: invocation.noPrefilter,
    transformOptions: invocation.transformOptions,
    progress: progressEnabled(process.stderr, machine) ? process.stderr : undefined,
  });
  const hints: FixHintOptions = {
    cwd,
    argsFor: (transform) => {
      const own = new Set(optionsFor(transform).map((o) => o.flag));
      return invocation.transformArgs.filter((a) => own.has(a.flag)).flatMap((a) => a.args);
    },
  };
  if (invocation.format === "json") {
    process.stdout.write(jsonWithFixes(report, hints));
  } else if (invocation.format === "sarif") {
    process.stdout.write(formatSarif(report, { ...hints, version: VERSION }));
  } else {
    for (const f of report.files) {
      if (report.mode !== "write" && f.diff && (invocation.dry || report.mode === "check")) process.stdout.write(f.diff);
      if (f.output !== undefined) {
        if (report.summary.changed > 1) process.stdout.write(`==> ${f.path} <==\n`);
        process.stdout.write(f.output);
      }
    }
    (report.exitCode === 0 ? process.stdout : process.stderr).write(formatText(report, invocation.verbose) + textFixLines(report, hints));
  }
  return report.exitCode;
}

/** Runs a generator command (`new-plugin`), loading its module only then. */
async function generate(name: string, args: readonly string[]): Promise<number> {
  const entry = GENERATORS.get(name)!;
  const mod = (await import(new URL(`transforms/${entry.module}`, import.meta.url).href)) as Record<string, unknown>;
  return (mod[entry.exportName] as (a: readonly string[]) => Promise<number>)(args);
}

export async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] !== undefined && GENERATORS.has(argv[0])) return generate(argv[0], argv.slice(1));
  let invocation: Invocation;
  try {
    invocation = parseInvocation(argv);
  } catch (error) {
    if (error instanceof ArgsError) return fail(error.message);
    throw error;
  }
  switch (invocation.kind) {
    case "help": {
      const text = invocation.transform === undefined || invocation.transform === "list" ? HELP : transformHelp(invocation.transform);
      if (text === undefined) return fail(`unknown transform "${invocation.transform}" (see floe-codemod --help)`);
      process.stdout.write(text);
      return 0;
    }
    case "version":
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case "list":
      return list(invocation.format);
    case "merge-sarif":
      return mergeSarifFiles(invocation.files);
    case "run":
      try {
        return await run(invocation);
      } catch (error) {
        if (error instanceof UsageError) return fail(error.message);
        process.stderr.write(`floe-codemod: ${(error as Error).stack ?? String(error)}\n`);
        return 1;
      }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`floe-codemod: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
