/**
 * The one walker every command uses: which files under the given paths the
 * codemod looks at.
 *
 * Inside a git work tree it asks git (`git ls-files -co --exclude-standard`:
 * tracked files plus untracked files no ignore rule excludes), so nothing is
 * skipped because of its folder's name and everything git ignores is skipped.
 * Outside git (or without a git binary) it walks the tree honouring every
 * `.gitignore` on the way (nested files, negation, anchored and dir-only
 * patterns, the deepest file deciding). `node_modules` and `dist` are always
 * skipped; `--ignore-pattern`s (relative to cwd) and the configuration file's
 * `ignores` (relative to the file) skip more.
 *
 * Symlinks: a linked file is looked at through its real path, once; a link
 * whose target lies outside the given paths is reported as skipped and its
 * target is never read or written. Linked directories are not followed.
 */
import { execFileSync } from "node:child_process";
import { promises as fs, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import { cachedIgnoredDir, cachedListing, cachedToplevel, listedAncestor } from "./git-cache.js";

/** Folders never looked into, whatever git says (dependencies and build output, per DESIGN.md). */
export const ALWAYS_SKIPPED_DIRS: ReadonlySet<string> = new Set(["node_modules", "dist", ".git"]);

/** Name of the temporary file writeFileAtomic uses next to its target. */
export const TEMP_FILE_PATTERN = /^\..+\.floe-codemod-(\d+)-[0-9a-z]+\.tmp$/;

export interface IgnoreRules {
  /** Directory the patterns are relative to. */
  readonly baseDir: string;
  /** gitignore-syntax patterns (globs like `scripts/*.js`, `generated/`, `!keep.ts`). */
  readonly patterns: readonly string[];
  /** Where the patterns come from, for the skip reason (`--ignore-pattern`, a config file). */
  readonly source: string;
}

export interface DiscoverOptions {
  /** Extensions to keep (with the dot); undefined keeps every file. */
  readonly extensions?: readonly string[];
  /** `--ignore-pattern`s, relative to cwd. */
  readonly ignorePatterns?: readonly string[];
  /** More ignore rules (the configuration file's `ignores`). */
  readonly ignores?: readonly IgnoreRules[];
  readonly cwd: string;
}

export interface SkippedFile {
  /** Absolute path as given or met in the walk. */
  readonly path: string;
  readonly reason: string;
}

export interface Discovery {
  /** Absolute paths of the files to look at (symlinks replaced by their in-tree targets), sorted, unique. */
  readonly files: string[];
  /** Files that were found but will not be looked at, with the reason (symlinks out of the tree, ignored explicit files). */
  readonly skipped: SkippedFile[];
  /** Leftover temporary files of an interrupted earlier run (their process is gone). */
  readonly staleTemps: string[];
}

interface Root {
  /** The path as the user gave it (absolute). */
  readonly logical: string;
  /** Its real path. */
  readonly real: string;
}

function isInside(child: string, dir: string): boolean {
  const rel = path.relative(dir, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

function hasExtension(file: string, extensions: readonly string[] | undefined): boolean {
  if (!extensions) return true;
  const lower = file.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext));
}

function inSkippedDir(rel: string): boolean {
  return rel.split(/[\\/]/).slice(0, -1).some((seg) => ALWAYS_SKIPPED_DIRS.has(seg));
}

/** The top of the git work tree holding `dir`, or undefined (not in a work tree, or no git). */
export function gitToplevel(dir: string): string | undefined {
  return cachedToplevel(findRepoRoot(dir) ?? path.resolve(dir), () => askToplevel(dir));
}

function askToplevel(dir: string): string | undefined {
  try {
    const out = execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return out || undefined;
  } catch {
    return undefined;
  }
}

/** Files git would track under `dir` (tracked + untracked not ignored), relative to `dir`; undefined when git cannot say. */
function gitListFiles(dir: string): readonly string[] | undefined {
  const tree = gitToplevel(dir);
  return cachedListing(path.resolve(dir), (ancestor) => gitToplevel(ancestor) === tree, () => askListFiles(dir));
}

function askListFiles(dir: string): string[] | undefined {
  try {
    const out = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 512 * 1024 * 1024,
    });
    return [...new Set(out.split("\0").filter(Boolean))];
  } catch {
    return undefined;
  }
}

/** Whether git ignores the directory itself (e.g. a scratch folder named on the command line). */
function gitIgnoresDir(dir: string, top: string): boolean {
  const resolved = path.resolve(dir);
  // under a folder git listed in this run, the .gitignore files between them decide (no process to spawn)
  const listed = listedAncestor(resolved, (ancestor) => gitToplevel(ancestor) === top);
  return cachedIgnoredDir(resolved, () => (listed ? gitignored(ancestorLayers(resolved, top), resolved, true) : askIgnoresDir(dir, top)));
}

function askIgnoresDir(dir: string, top: string): boolean {
  const rel = path.relative(top, dir).split(path.sep).join("/");
  if (!rel) return false;
  try {
    execFileSync("git", ["check-ignore", "-q", `${rel}/`], { cwd: top, stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Nearest enclosing directory holding `.git`, or undefined. */
export function findRepoRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, ".git"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The `.gitignore` rules of one directory. */
interface IgnoreLayer {
  readonly dir: string;
  readonly rules: Ignore;
}

function loadGitignore(dir: string): IgnoreLayer | undefined {
  const file = path.join(dir, ".gitignore");
  if (!existsSync(file)) return undefined;
  try {
    return { dir, rules: ignore().add(readFileSync(file, "utf8")) };
  } catch {
    return undefined;
  }
}

/** git's precedence: the deepest `.gitignore` with a matching pattern (ignore or `!` re-include) decides. */
function gitignored(layers: readonly IgnoreLayer[], absolute: string, isDir: boolean): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    const rel = path.relative(layer.dir, absolute).split(path.sep).join("/");
    if (!rel || rel.startsWith("..")) continue;
    const verdict = layer.rules.test(isDir ? `${rel}/` : rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/** `.gitignore` layers of the directories from `top` down to `dir`'s parent. */
function ancestorLayers(dir: string, top: string | undefined): IgnoreLayer[] {
  if (!top || !isInside(dir, top)) return [];
  const chain: string[] = [];
  for (let current = path.dirname(dir); isInside(current, top); current = path.dirname(current)) {
    chain.unshift(current);
    if (current === top || path.dirname(current) === current) break;
  }
  return chain.map(loadGitignore).filter((l): l is IgnoreLayer => l !== undefined);
}

/** A matcher for the user's ignore rules: the source that ignores `file`, or undefined. */
export function userIgnoreMatcher(options: Pick<DiscoverOptions, "ignorePatterns" | "ignores" | "cwd">): (file: string, isDir?: boolean) => string | undefined {
  const rules: IgnoreRules[] = [...(options.ignores ?? [])];
  if (options.ignorePatterns?.length) rules.push({ baseDir: options.cwd, patterns: options.ignorePatterns, source: "--ignore-pattern" });
  const compiled = rules.filter((r) => r.patterns.length > 0).map((r) => ({ ...r, matcher: ignore().add([...r.patterns]) }));
  return (file, isDir = false) => {
    for (const r of compiled) {
      const rel = path.relative(r.baseDir, file).split(path.sep).join("/");
      if (!rel || rel.startsWith("..") || path.isAbsolute(rel)) continue;
      if (r.matcher.ignores(isDir ? `${rel}/` : rel)) return r.source;
    }
    return undefined;
  };
}

export async function discover(paths: readonly string[], options: DiscoverOptions): Promise<Discovery> {
  const cwd = path.resolve(options.cwd);
  const userIgnored = userIgnoreMatcher(options);
  const found = new Map<string, string>(); // real path -> logical path (the first way it was met)
  const skipped: SkippedFile[] = [];
  const staleTemps: string[] = [];
  const roots: Root[] = [];
  const given: { absolute: string; isDir: boolean }[] = [];
  for (const p of paths) {
    const absolute = path.resolve(cwd, p);
    const stat = await fs.stat(absolute);
    given.push({ absolute, isDir: stat.isDirectory() });
    if (stat.isDirectory()) roots.push({ logical: absolute, real: await fs.realpath(absolute) });
  }
  // the tree a symlink named on the command line may point into: its work tree, else cwd
  const treeRoots = async (file: string): Promise<Root[]> => {
    const top = gitToplevel(path.dirname(file)) ?? cwd;
    return [...roots, { logical: top, real: await fs.realpath(top).catch(() => top) }];
  };

  const add = (real: string, logical: string) => {
    if (!found.has(real)) found.set(real, logical);
  };

  /** A symlink: its in-tree target, or a skip entry. Links to directories are not followed (undefined). */
  const followLink = async (link: string, allowed: readonly Root[]): Promise<void> => {
    let real: string;
    try {
      real = await fs.realpath(link);
    } catch {
      skipped.push({ path: link, reason: "broken symlink: not followed" });
      return;
    }
    const stat = await fs.stat(real).catch(() => undefined);
    if (!stat?.isFile()) return;
    if (!hasExtension(real, options.extensions)) return;
    const root = allowed.find((r) => isInside(real, r.real));
    if (!root) {
      skipped.push({ path: link, reason: `symlink to ${real}, outside the given paths: not followed, its target is never written` });
      return;
    }
    add(real, path.join(root.logical, path.relative(root.real, real)));
  };

  const consider = async (absolute: string, allowed: readonly Root[]): Promise<void> => {
    const name = path.basename(absolute);
    if (TEMP_FILE_PATTERN.test(name)) {
      const pid = Number(TEMP_FILE_PATTERN.exec(name)![1]);
      if (!processAlive(pid)) staleTemps.push(absolute);
      return;
    }
    if (!hasExtension(absolute, options.extensions)) return;
    if (userIgnored(absolute)) return;
    let stat;
    try {
      stat = await fs.lstat(absolute);
    } catch {
      return; // tracked but deleted
    }
    if (stat.isSymbolicLink()) await followLink(absolute, allowed);
    else if (stat.isFile()) add(await fs.realpath(absolute).catch(() => absolute), absolute);
  };

  const walk = async (dir: string, layers: IgnoreLayer[], allowed: readonly Root[]): Promise<void> => {
    const own = loadGitignore(dir);
    const here = own ? [...layers, own] : layers;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED_DIRS.has(entry.name) || gitignored(here, full, true) || userIgnored(full, true)) continue;
        await walk(full, here, allowed);
      } else if (!gitignored(here, full, false)) {
        await consider(full, allowed);
      }
    }
  };

  for (const { absolute, isDir } of given) {
    if (!isDir) {
      // a file named on the command line: taken whatever .gitignore says, unless the user's ignores match
      const by = userIgnored(absolute);
      if (by) {
        skipped.push({ path: absolute, reason: `ignored by ${by}` });
        continue;
      }
      if (!hasExtension(absolute, options.extensions)) continue;
      const stat = await fs.lstat(absolute);
      if (stat.isSymbolicLink()) await followLink(absolute, await treeRoots(absolute));
      else add(await fs.realpath(absolute), absolute);
      continue;
    }
    const top = gitToplevel(absolute);
    // a folder named on the command line that git ignores as a whole is walked like a tree outside git
    const ignoredByGit = top !== undefined && gitIgnoresDir(absolute, top);
    const listed = top && !ignoredByGit ? gitListFiles(absolute) : undefined;
    if (listed) {
      for (const rel of listed) {
        if (inSkippedDir(rel)) continue;
        await consider(path.join(absolute, rel), roots);
      }
    } else {
      // outside git (or without a git binary): the .gitignore files from the repository root (or cwd) down
      const from = ignoredByGit ? undefined : (findRepoRoot(absolute) ?? (isInside(absolute, cwd) ? cwd : undefined));
      await walk(absolute, ancestorLayers(absolute, from), roots);
    }
  }
  const files = [...found.values()].sort();
  return { files, skipped, staleTemps };
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Absolute paths of candidate files, sorted. A file given explicitly is included if its extension matches. */
export async function discoverFiles(paths: readonly string[], options: DiscoverOptions): Promise<string[]> {
  return (await discover(paths, options)).files;
}
