/**
 * runCodemod: the one runner behind the CLI and the programmatic API.
 *
 * It discovers candidate files, runs a transform or a pipeline (file transforms
 * in a worker pool on big trees, project transforms in-process, each step on
 * the previous step's in-memory output), re-parses every result, then writes
 * atomically (only files whose bytes change, with their own BOM and line
 * endings) or, for dry runs and checks, only reports diffs.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { withInterruptCleanup, writeFileAtomic } from "./core/atomic-write.js";
import { ConfigError, findConfig, loadConfig, optionsFor, type CodemodConfig } from "./core/config.js";
import { discover, findRepoRoot, gitToplevel, userIgnoreMatcher, type IgnoreRules } from "./core/discover.js";
import { dirtyTreeMessage, dirtyTrees } from "./core/git.js";
import { withRunScope } from "./core/run-scope.js";
import { hasIgnoreMarker, IGNORED_BY_MARKER } from "./core/ignore-marker.js";
import { writeTarget } from "./core/symlinks.js";
import { findPackageDirs } from "./core/packages.js";
import { selectShard, type Shard } from "./core/shard.js";
import { ResultCache } from "./core/result-cache.js";
import { DEFAULT_EXTENSIONS, describeError } from "./core/parsers.js";
import { runInPool, workerAvailable } from "./core/pool.js";
import { changedLinesOfTexts, unifiedDiff } from "./core/line-diff.js";
import { prefilterOutcome, processFile, verifyParses, type FileOutcome, type FileTask, type TransformChange } from "./core/process-file.js";
import { createProgress } from "./core/progress.js";
import { summarize, type FileReport, type Report } from "./core/report.js";
import { decodeSource, encodeSource } from "./core/source-text.js";
import type { FileTransform, ProjectTransform, Transform, TransformOptions } from "./core/types.js";
import { loadTransform, resolveSteps, TRANSFORM_NAMES, TRANSFORMS, transformModuleRef } from "./transforms/index.js";

export interface RunOptions {
  /** Transform or pipeline name (`sanitize-exceptions`, `migrate`, `check`, ...). */
  readonly transform: string;
  /** Files or directories; default the working directory. */
  readonly paths?: readonly string[];
  readonly cwd?: string;
  /** Do not write; report unified diffs. */
  readonly dry?: boolean;
  /** Include transformed sources in the report. */
  readonly print?: boolean;
  /** Run even when the git work tree has uncommitted changes (`--force` / `--allow-dirty`). */
  readonly force?: boolean;
  /** Configuration file to use; undefined = look for one from cwd upwards; false = none. */
  readonly config?: string | false;
  readonly tracerName?: string;
  readonly extensions?: readonly string[];
  readonly ignorePatterns?: readonly string[];
  /** Worker threads: undefined = automatic (parallel above `parallelThreshold` files), 0 or 1 = in-process. */
  readonly workers?: number;
  readonly parallelThreshold?: number;
  /** Skip the text pre-filter (parse every file). */
  readonly noPrefilter?: boolean;
  /** Stream for the progress bar (the CLI passes stderr when it is a TTY). */
  readonly progress?: NodeJS.WritableStream;
  /** Extra options passed to transforms. */
  readonly transformOptions?: TransformOptions;
  /** Only this shard's packages and files (`--shard i/n`, core/shard.ts). */
  readonly shard?: Shard;
  /** Reuse an unchanged run's report (`--cache`, core/result-cache.ts); a string is the cache folder. Dry runs and checks only. */
  readonly cache?: boolean | string;
}

/** A problem with the invocation itself (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Below this many files to parse, starting workers (each loads the parsers) costs more than it saves (measured in test/bench/codemod-tree-size.bench.ts). */
const DEFAULT_PARALLEL_THRESHOLD = 1000;

interface OverlayEntry {
  content: string;
  created: boolean;
  changes: TransformChange[];
  verified: boolean;
}

interface StatusEntry {
  status: FileOutcome["status"];
  reason?: string;
  line?: number;
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

function mergeStatus(statuses: Map<string, StatusEntry>, outcome: FileOutcome): void {
  const prev = statuses.get(outcome.path);
  if (prev?.status === "error") return;
  if (outcome.status === "error" || !prev || prev.status === "skipped") {
    statuses.set(outcome.path, { status: outcome.status, reason: outcome.reason, line: outcome.line });
  }
}

/** Whether every transform of a segment has a pre-filter the runner can apply up front. */
function parserAvailable(segment: readonly FileTransform[]): boolean {
  return segment.every((t) => typeof t.prefilter === "function");
}

/** Runs a transform or pipeline, with this run's caches (git's answers, loaded packages: core/run-scope.ts). */
export function runCodemod(options: RunOptions): Promise<Report> {
  return withRunScope(() => run(options));
}

async function run(options: RunOptions): Promise<Report> {
  const started = Date.now();
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const resolved = resolveSteps(options.transform);
  if (!resolved) {
    throw new UsageError(`unknown transform "${options.transform}". Valid transforms: ${TRANSFORM_NAMES.join(", ")}`);
  }
  const mode: Report["mode"] = resolved.check ? "check" : options.dry ? "dry" : "write";
  const paths = options.paths?.length ? [...options.paths] : ["."];
  for (const p of paths) {
    if (!existsSync(path.resolve(cwd, p))) throw new UsageError(`path not found: ${p}`);
  }
  const extensions = (options.extensions?.length ? options.extensions : DEFAULT_EXTENSIONS).map((e) => (e.startsWith(".") ? e : `.${e}`));
  if (mode === "write" && !options.force) {
    const dirty = dirtyTrees(paths.map((p) => path.resolve(cwd, p)));
    if (dirty.length > 0) throw new UsageError(dirtyTreeMessage(dirty));
  }
  let config: CodemodConfig | undefined;
  try {
    config = options.config === false ? undefined : options.config ? loadConfig(options.config, cwd, TRANSFORM_NAMES) : findConfig(cwd, TRANSFORM_NAMES);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  const ignores: IgnoreRules[] = config?.ignores ? [config.ignores] : [];
  const userIgnored = userIgnoreMatcher({ ignorePatterns: options.ignorePatterns, ignores, cwd });

  const transformOptions: { -readonly [K in keyof TransformOptions]: TransformOptions[K] } = {
    ...options.transformOptions,
    ...(options.tracerName ? { tracerName: options.tracerName } : {}),
  };
  const discovery = await discover(paths, { extensions, ignorePatterns: options.ignorePatterns, ignores, cwd });
  const needsPackages = resolved.steps.some((name) => TRANSFORMS.get(name)?.kind === "project");
  const allPackageDirs = needsPackages ? await findPackageDirs(paths, cwd, { ignorePatterns: options.ignorePatterns, ignores }) : [];
  const { files, packageDirs } = options.shard
    ? selectShard(options.shard, gitToplevel(cwd) ?? cwd, discovery.files, allPackageDirs)
    : { files: discovery.files, packageDirs: allPackageDirs };
  // each step's options: the configuration file's, then the command line's
  const optionsByTransform: Record<string, TransformOptions> = Object.fromEntries(resolved.steps.map((name) => [name, optionsFor(name, config, transformOptions)]));

  const repoRoot = gitToplevel(cwd) ?? cwd;
  const cache =
    options.cache && mode !== "write"
      ? new ResultCache({
          location: typeof options.cache === "string" ? path.resolve(cwd, options.cache) : path.join(repoRoot, "node_modules", ".cache", "floe-codemod"),
          command: { transform: options.transform, mode, cwd, paths, shard: options.shard ?? null, print: !!options.print, extensions, prefilter: !options.noPrefilter },
          settings: { optionsByTransform, ignorePatterns: options.ignorePatterns ?? [], config: config ?? null },
          files,
          packageDirs,
          repoRoot,
        })
      : undefined;
  const hit = cache?.read();
  if (hit) return { ...hit, cached: true, stats: { ...hit.stats, durationMs: Date.now() - started, maxRssKb: process.resourceUsage().maxRSS } };
  // loaded only now: a cached run never loads a transform (nor the parsers it brings)
  const transforms: Transform[] = await Promise.all(resolved.steps.map((name) => loadTransform(name)));

  const overlay = new Map<string, OverlayEntry>();
  const statuses = new Map<string, StatusEntry>();
  const projectErrors: FileReport[] = [];
  let workersUsed = 0;
  const usePrefilter = !options.noPrefilter;

  const diskText = (file: string): string | undefined => {
    try {
      return decodeSource(readFileSync(file, "utf8")).text;
    } catch {
      return undefined;
    }
  };

  // Split the steps into runs of consecutive file transforms and single project transforms.
  const earlierFileSteps: FileTransform[] = [];
  for (let i = 0; i < transforms.length; ) {
    const t = transforms[i]!;
    if (t.kind === "file") {
      const segment: FileTransform[] = [];
      while (i < transforms.length && transforms[i]!.kind === "file") segment.push(transforms[i++] as FileTransform);
      const candidates = [...new Set([...files, ...overlay.keys()])].filter((f) => statuses.get(f)?.status !== "error");
      const tasks: FileTask[] = candidates.map((f) => ({ path: f, content: overlay.get(f)?.content }));
      const progress = createProgress(tasks.length, segment.map((s) => s.name).join("+"), options.progress);
      const onOutcome = (outcome: FileOutcome) => {
        mergeStatus(statuses, outcome);
        if (outcome.status === "changed" && outcome.content !== undefined) {
          const prev = overlay.get(outcome.path);
          overlay.set(outcome.path, {
            content: outcome.content,
            created: prev?.created ?? false,
            changes: [...(prev?.changes ?? []), ...(outcome.changes ?? [])],
            verified: true,
          });
        }
      };
      // Pre-filter in this thread (raw bytes, cheap); only files that need parsing are candidates
      // for the worker pool, which pays off once there are many of them.
      let toParse = tasks;
      if (usePrefilter && parserAvailable(segment)) {
        toParse = [];
        for (const task of tasks) {
          const outcome = prefilterOutcome(task, segment);
          if (!outcome) toParse.push(task);
          else {
            onOutcome(outcome);
            progress.tick();
          }
        }
      }
      // whole-run steps of the segment's transforms (the same standalone and in a pipeline)
      for (const step of segment) {
        if (!step.prepare) continue;
        const read = (file: string) => overlay.get(file)?.content ?? diskText(file);
        const prepared = await step.prepare({ files: toParse.map((task) => task.path), read, options: optionsByTransform[step.name] ?? transformOptions });
        if (prepared) optionsByTransform[step.name] = { ...(optionsByTransform[step.name] ?? transformOptions), ...prepared };
      }
      const threshold = options.parallelThreshold ?? DEFAULT_PARALLEL_THRESHOLD;
      const size = options.workers ?? (toParse.length > threshold ? Math.min(os.availableParallelism?.() ?? os.cpus().length, toParse.length) : 1);
      if (size > 1 && toParse.length > 0 && workerAvailable()) {
        workersUsed = Math.max(workersUsed, size);
        await runInPool(toParse, size, { transforms: segment.map((s) => transformModuleRef(s.name)), options: transformOptions, prefilter: usePrefilter, optionsByTransform }, (results) => {
          for (const r of results) onOutcome(r);
          progress.tick(results.length);
        });
      } else {
        for (const task of toParse) {
          onOutcome(processFile(task, segment, transformOptions, usePrefilter, optionsByTransform));
          progress.tick();
        }
      }
      progress.done();
      earlierFileSteps.push(...segment);
      continue;
    }
    i++;
    const project = t as ProjectTransform;
    let changes;
    try {
      changes = await project.run({ packageDirs, options: optionsByTransform[project.name] ?? transformOptions, readFile: (p) => overlay.get(path.resolve(p))?.content });
    } catch (error) {
      // The path already names the transform: drop the transform's own "<name>: " prefix from the reason.
      const reason = describeError(error).reason;
      projectErrors.push({ path: `(${project.name})`, status: "error", reason: reason.startsWith(`${project.name}: `) ? reason.slice(project.name.length + 2) : reason });
      continue;
    }
    for (const change of changes) {
      const file = path.resolve(cwd, change.path);
      const previous = overlay.get(file);
      let content = decodeSource(change.content).text;
      if (previous) {
        // The project transform may have read the file from disk: re-apply the earlier
        // (idempotent) file transforms so their edits are not lost.
        const redo = processFile({ path: file, content }, earlierFileSteps, transformOptions, usePrefilter, optionsByTransform);
        if (redo.status === "changed" && redo.content !== undefined) content = redo.content;
      }
      const before = previous?.content ?? diskText(file);
      if (before === content) continue;
      overlay.set(file, {
        content,
        created: previous?.created ?? before === undefined,
        changes: [...(previous?.changes ?? []), { transform: project.name, lines: changedLinesOfTexts(before ?? "", content) }],
        verified: false,
      });
    }
  }

  // Finalize: verify, diff, write.
  const reports: FileReport[] = [...projectErrors];
  const skippedHere = options.shard ? selectShard(options.shard, gitToplevel(cwd) ?? cwd, discovery.skipped.map((s) => s.path), []).files : undefined;
  for (const s of discovery.skipped) if (!skippedHere || skippedHere.includes(s.path)) reports.push({ path: toPosix(path.relative(cwd, s.path)) || path.basename(s.path), status: "skipped", reason: s.reason });
  if (mode === "write") for (const temp of discovery.staleTemps) rmSync(temp, { force: true }); // left by a killed run
  const givenDirs = paths.map((p) => path.resolve(cwd, p));
  const tree = [...givenDirs, ...(findRepoRoot(cwd) ? [findRepoRoot(cwd)!] : [cwd])];
  const allPaths = [...new Set([...files, ...statuses.keys(), ...overlay.keys()])].sort();
  await withInterruptCleanup(async () => {
    for (const file of allPaths) {
      const rel = toPosix(path.relative(cwd, file)) || path.basename(file);
      const status = statuses.get(file);
      const entry = overlay.get(file);
      if (status?.status === "error") {
        reports.push({ path: rel, status: "error", reason: status.reason, line: status.line });
        continue;
      }
      if (!entry) {
        reports.push({ path: rel, status: status?.status ?? "skipped", ...(status?.reason ? { reason: status.reason } : {}) });
        continue;
      }
      // what project transforms return is held to the same rules as what discovery finds
      const ignoredBy = userIgnored(file);
      const raw = entry.created ? undefined : readFileSync(file, "utf8");
      if (ignoredBy || (raw !== undefined && hasIgnoreMarker(raw))) {
        reports.push({ path: rel, status: "skipped", reason: ignoredBy ? `ignored by ${ignoredBy}` : IGNORED_BY_MARKER });
        continue;
      }
      const target = writeTarget(file, tree);
      if ("refused" in target) {
        reports.push({ path: rel, status: "skipped", reason: target.refused });
        continue;
      }
      const decoded = raw === undefined ? { text: "", bom: false, eol: "\n" as const } : decodeSource(raw);
      if (decoded.text === entry.content) {
        reports.push({ path: rel, status: "unchanged" });
        continue;
      }
      if (!entry.verified) {
        const problem = verifyParses(file, entry.content);
        if (problem) {
          reports.push({ path: rel, status: "error", reason: `output would not parse, file left unchanged: ${problem.reason}`, line: problem.line });
          continue;
        }
      }
      const next = encodeSource(entry.content, decoded);
      const report: FileReport = {
        path: rel,
        status: "changed",
        ...(entry.created ? { created: true } : {}),
        changes: entry.changes,
        ...(mode !== "write" ? { diff: unifiedDiff(entry.created ? "/dev/null" : `a/${rel}`, `b/${rel}`, decoded.text, entry.content) } : {}),
        ...(options.print ? { output: entry.content } : {}),
      };
      if (mode === "write" && next !== raw) {
        try {
          await writeFileAtomic(target.path, next);
        } catch (error) {
          reports.push({ path: rel, status: "error", reason: `write failed: ${describeError(error).reason}` });
          continue;
        }
      }
      reports.push(report);
    }
  });

  const summary = summarize(reports);
  const failed = summary.error > 0 || (mode === "check" && summary.changed > 0);
  const report: Report = {
    transform: options.transform,
    steps: resolved.steps,
    mode,
    files: reports,
    summary,
    exitCode: failed ? 1 : 0,
    ...(options.shard ? { shard: options.shard } : {}),
    stats: {
      durationMs: Date.now() - started,
      workers: workersUsed,
      maxRssKb: process.resourceUsage().maxRSS,
      packageDirs: packageDirs.length,
    },
  };
  cache?.write(report);
  return report;
}
