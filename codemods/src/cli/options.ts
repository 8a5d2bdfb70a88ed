/**
 * The options every transform accepts, and the exit codes, declared once:
 * the argument parser, the global help and each transform's `--help` read
 * them from here (transform-specific options live in the registry).
 */

export interface CommonOption {
  readonly flag: string;
  readonly short?: string;
  readonly type: "string" | "boolean";
  readonly valueName?: string;
  readonly multiple?: boolean;
  readonly help: string;
}

export const COMMON_OPTIONS: readonly CommonOption[] = [
  { flag: "dry", short: "d", type: "boolean", help: "do not write; print a unified diff of what would change" },
  { flag: "print", short: "p", type: "boolean", help: "print the transformed source of every changed file" },
  { flag: "json", type: "boolean", help: "same as --format json" },
  { flag: "format", type: "string", valueName: "<fmt>", help: "report format: text (default), json, sarif (SARIF 2.1.0); machine formats go to stdout, logs to stderr" },
  { flag: "force", short: "f", type: "boolean", help: "run even if the git work tree has uncommitted changes or untracked, not ignored files" },
  { flag: "allow-dirty", type: "boolean", help: "same as --force" },
  { flag: "config", type: "string", valueName: "<file>", help: "configuration file to use (default: floe-codemod.config.json or a \"floe-codemod\" key in package.json, found from the current directory up)" },
  { flag: "extensions", type: "string", valueName: "<list>", help: "comma-separated extensions (default: ts,tsx,mts,cts,js,jsx,mjs,cjs)" },
  { flag: "ignore-pattern", type: "string", valueName: "<glob>", multiple: true, help: "extra gitignore-style pattern to skip (repeatable)" },
  { flag: "workers", type: "string", valueName: "<n>", help: "worker threads (default: automatic above 1,000 files to parse, os.availableParallelism() of them; 1 = in-process)" },
  { flag: "shard", type: "string", valueName: "<i>/<n>", help: "run only shard i of n (stable hash of each package's or file's path; a package stays whole): one CI job per shard, SARIF merged with merge-sarif" },
  { flag: "cache", type: "boolean", help: "reuse the report of an earlier run when nothing it depends on changed (file contents, configuration, tool version, conventions)" },
  { flag: "cache-location", type: "string", valueName: "<dir>", help: "where --cache keeps its results (default: node_modules/.cache/floe-codemod)" },
  { flag: "no-prefilter", type: "boolean", help: "parse every file instead of only files mentioning what a transform rewrites" },
  { flag: "verbose", short: "v", type: "boolean", help: "list unchanged and skipped files too" },
  { flag: "help", short: "h", type: "boolean", help: "show help (for a transform: floe-codemod <transform> --help)" },
  { flag: "version", type: "boolean", help: "print the version" },
];

/** The options `list` takes. */
export const LIST_OPTIONS: readonly string[] = ["json", "format", "help"];

export const REPORT_FORMATS = ["text", "json", "sarif"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const EXIT_CODES: readonly (readonly [code: number, meaning: string])[] = [
  [0, "done, or nothing to do (check: nothing would change)"],
  [1, "some file failed (parse error, output that would not parse, write error, a package a project transform could not handle), or check found files that a transform would change"],
  [2, "usage error: unknown transform or option, bad option value, missing path, invalid configuration file, or a dirty git tree without --allow-dirty/--force/--dry"],
];
