/**
 * Fix hints for `check` findings: for each changed file and transform, the
 * command that makes that change when pasted in the directory check ran in.
 * A file transform takes the file itself; a project transform takes the
 * plugin package directory (it selects packages from directories, so a file
 * argument would do nothing), which also covers files it would create.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Report } from "../core/report.js";
import { TRANSFORMS } from "../transforms/index.js";

export interface FixHint {
  readonly transform: string;
  /** Path argument, relative to the working directory check ran in. */
  readonly target: string;
  readonly command: string;
}

export interface FixHintOptions {
  /** The directory check ran in (report paths are relative to it). */
  readonly cwd: string;
  /** Extra arguments to repeat, by transform (its own options as given to check, e.g. `--tracer-name x`). */
  readonly argsFor?: (transform: string) => readonly string[];
}

const SAFE = /^[\w@%+=:,./-]+$/;

/** POSIX shell quoting: plain when safe, else single quotes. */
export function shellQuote(arg: string): string {
  return SAFE.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}

/** The nearest directory at or above `file` with a package.json. */
function packageDirOf(file: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function command(transform: string, targets: readonly string[], extra: readonly string[]): string {
  return ["npx", "floe-codemod", transform, ...targets, ...extra].map(shellQuote).join(" ");
}

/** The path argument that lets `transform` fix `file` (report path, relative to cwd). */
export function fixTarget(transform: string, file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  if (TRANSFORMS.get(transform)?.kind !== "project") return toPosix(path.relative(cwd, absolute)) || ".";
  const dir = packageDirOf(absolute) ?? path.dirname(absolute);
  return toPosix(path.relative(cwd, dir)) || ".";
}

export function fixHint(transform: string, file: string, options: FixHintOptions): FixHint {
  const target = fixTarget(transform, file, options.cwd);
  return { transform, target, command: command(transform, [target], options.argsFor?.(transform) ?? []) };
}

/** Hints per changed file, one per transform that changed it, in pipeline order. */
export function fileFixHints(report: Report, options: FixHintOptions): Map<string, FixHint[]> {
  const hints = new Map<string, FixHint[]>();
  for (const f of report.files) {
    if (f.status !== "changed" || !f.changes?.length) continue;
    const transforms = [...new Set(f.changes.map((c) => c.transform))];
    hints.set(
      f.path,
      transforms.map((t) => fixHint(t, f.path, options)),
    );
  }
  return hints;
}

/** Targets with every target that lies inside another one dropped. */
function outermost(targets: readonly string[]): string[] {
  const unique = [...new Set(targets)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const t of unique) {
    if (!kept.some((k) => k === "." || t === k || t.startsWith(`${k}/`))) kept.push(t);
  }
  return kept.sort();
}

/**
 * One command that fixes every finding: the single transform involved, or
 * `migrate` over all targets when several transforms are. Undefined when
 * nothing would change.
 */
export function overallFixCommand(report: Report, options: FixHintOptions): string | undefined {
  const hints = [...fileFixHints(report, options).values()].flat();
  if (hints.length === 0) return undefined;
  const transforms = [...new Set(hints.map((h) => h.transform))];
  const name = transforms.length === 1 ? transforms[0]! : "migrate";
  return command(name, outermost(hints.map((h) => h.target)), options.argsFor?.(name) ?? []);
}
