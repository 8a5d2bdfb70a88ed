/**
 * `floe-codemod <transform> [paths...]`: argument parsing, output and exit codes.
 * Everything else lives in runCodemod.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatJson, formatSarif, formatText } from "./core/report.js";
import { progressEnabled } from "./core/progress.js";
import { runCodemod, UsageError } from "./runner.js";
import { listTransforms, TRANSFORM_NAMES } from "./transforms/index.js";

const VERSION = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

export const HELP = `Usage: floe-codemod <transform> [paths...] [options]
       floe-codemod list

Transforms:
  sanitize-exceptions     span.recordException(e) -> recordSanitizedException(span, e); sanitized setStatus messages
  rename-operation-name   traced({ operationName }) -> traced({ name }); legacy traced import -> @floe/runtime
  generate-tracing        writes a plugin's src/tracing.ts and tracerName override from the conventions
  instrument-operations   traces the plugin class's operations listed in the conventions
  migrate                 all of the above, in order, each step seeing the previous output
  check                   migrate in memory; changes nothing; exit 1 if anything would change
  list                    describe the transforms

Paths default to the current directory. Inside a git work tree the files git lists are looked at
(tracked, and untracked but not ignored); elsewhere .gitignore files are honoured. node_modules and
dist are always skipped, and so are files with a "// floe-codemod-ignore-file" comment. Ignores and
options can also live in floe-codemod.config.json (or a "floe-codemod" key in package.json), found
from the current directory upwards.

Options:
  -d, --dry                   do not write; print a unified diff of what would change
  -p, --print                 print the transformed source of every changed file
      --json                  print a machine-readable JSON report (no progress bar)
      --format <fmt>          report format: text (default), json, sarif (SARIF 2.1.0)
  -f, --force, --allow-dirty  run even if the git work tree has uncommitted changes to tracked files
      --config <file>         configuration file to use (default: found from the current directory up)
      --tracer-name <name>    tracer name for generate-tracing (default: derived from the package)
      --extensions <list>     comma-separated extensions (default: ts,tsx,mts,cts,js,jsx,mjs,cjs)
      --ignore-pattern <glob> extra gitignore-style pattern to skip (repeatable)
      --workers <n>           worker threads (default: automatic above 200 files; 1 = in-process)
      --no-prefilter          parse every file instead of only files mentioning what a transform rewrites
  -v, --verbose               list unchanged and skipped files too
  -h, --help                  show this help
      --version               print the version

Exit codes:
  0  done, or nothing to do
  1  some file failed (parse error, output that would not parse, write error),
     or check found files that a transform would change
  2  usage error: unknown transform or option, missing path, or a dirty git tree without --force/--dry
`;

function fail(message: string): number {
  process.stderr.write(`floe-codemod: ${message}\n`);
  return 2;
}

export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        dry: { type: "boolean", short: "d" },
        print: { type: "boolean", short: "p" },
        json: { type: "boolean" },
        format: { type: "string" },
        force: { type: "boolean", short: "f" },
        "allow-dirty": { type: "boolean" },
        config: { type: "string" },
        "tracer-name": { type: "string" },
        extensions: { type: "string" },
        "ignore-pattern": { type: "string", multiple: true },
        workers: { type: "string" },
        "no-prefilter": { type: "boolean" },
        verbose: { type: "boolean", short: "v" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean" },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${HELP}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const [transform, ...paths] = positionals;
  if (!transform) return fail(`missing transform.\n\n${HELP}`);
  const format = values.json ? "json" : (values.format ?? "text");
  if (!["text", "json", "sarif"].includes(format)) return fail(`unknown --format "${format}" (text, json, sarif)`);

  if (transform === "list") {
    const list = await listTransforms();
    if (format === "json") process.stdout.write(JSON.stringify(list, null, 2) + "\n");
    else for (const t of list) process.stdout.write(`${t.name.padEnd(24)}${t.kind.padEnd(10)}${t.description}\n`);
    return 0;
  }
  if (!TRANSFORM_NAMES.includes(transform)) {
    return fail(`unknown transform "${transform}". Valid transforms: ${[...TRANSFORM_NAMES, "list"].join(", ")}`);
  }
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0) return fail(`--workers must be a non-negative integer`);
  }
  const machine = format !== "text";
  try {
    const report = await runCodemod({
      transform,
      paths,
      dry: values.dry,
      print: values.print,
      force: values.force || values["allow-dirty"],
      config: values.config,
      tracerName: values["tracer-name"],
      extensions: values.extensions?.split(",").map((e) => e.trim()).filter(Boolean),
      ignorePatterns: values["ignore-pattern"],
      workers,
      noPrefilter: values["no-prefilter"],
      progress: progressEnabled(process.stderr, machine) ? process.stderr : undefined,
    });
    if (format === "json") {
      process.stdout.write(formatJson(report));
    } else if (format === "sarif") {
      const all = await listTransforms();
      const rules = all.filter((t) => report.steps.includes(t.name));
      process.stdout.write(formatSarif(report, rules, VERSION));
    } else {
      for (const f of report.files) {
        if (report.mode !== "write" && f.diff && (values.dry || report.mode === "check")) process.stdout.write(f.diff);
        if (f.output !== undefined) {
          if (report.summary.changed > 1) process.stdout.write(`==> ${f.path} <==\n`);
          process.stdout.write(f.output);
        }
      }
      (report.exitCode === 0 ? process.stdout : process.stderr).write(formatText(report, values.verbose));
    }
    return report.exitCode;
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    process.stderr.write(`floe-codemod: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
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
