/**
 * Candidate files under the given paths: source extensions only, nested
 * `.gitignore` files honoured (including those of parent directories up to the
 * repository root), `node_modules`, `dist`, `build`, `coverage` and `.git`
 * always skipped, plus user `--ignore-pattern`s (gitignore syntax).
 */
import { promises as fs, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";

export const ALWAYS_SKIPPED_DIRS: ReadonlySet<string> = new Set(["node_modules", "dist", "build", "coverage", ".git"]);

interface IgnoreLayer {
  readonly dir: string;
  readonly rules: Ignore;
}

export interface DiscoverOptions {
  readonly extensions: readonly string[];
  readonly ignorePatterns?: readonly string[];
  /** Directory the ignore patterns are relative to (cwd). */
  readonly cwd: string;
}

function loadGitignore(dir: string): IgnoreLayer | undefined {
  const file = path.join(dir, ".gitignore");
  if (!existsSync(file)) return undefined;
  return { dir, rules: ignore().add(readFileSync(file, "utf8")) };
}

function isIgnored(layers: readonly IgnoreLayer[], absolute: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const rel = path.relative(layer.dir, absolute).split(path.sep).join("/");
    if (!rel || rel.startsWith("..")) continue;
    if (layer.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
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

/** .gitignore layers of the directories from the repository root down to (excluding) `dir`. */
function ancestorLayers(dir: string): IgnoreLayer[] {
  const root = findRepoRoot(dir);
  if (!root) return [];
  const layers: IgnoreLayer[] = [];
  let current = path.dirname(dir);
  const chain: string[] = [];
  while (current.length >= root.length && current.startsWith(root)) {
    chain.unshift(current);
    if (current === root) break;
    current = path.dirname(current);
  }
  for (const d of chain) {
    const layer = loadGitignore(d);
    if (layer) layers.push(layer);
  }
  return layers;
}

function hasExtension(file: string, extensions: readonly string[]): boolean {
  const lower = file.toLowerCase();
  return extensions.some((ext) => lower.endsWith(ext));
}

/** Absolute paths of candidate files, sorted. A file given explicitly is included if its extension matches. */
export async function discoverFiles(paths: readonly string[], options: DiscoverOptions): Promise<string[]> {
  const found = new Set<string>();
  const user: IgnoreLayer | undefined = options.ignorePatterns?.length
    ? { dir: options.cwd, rules: ignore().add([...options.ignorePatterns]) }
    : undefined;

  async function walk(dir: string, layers: IgnoreLayer[]): Promise<void> {
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
        if (ALWAYS_SKIPPED_DIRS.has(entry.name) || isIgnored(here, full, true)) continue;
        await walk(full, here);
      } else if (entry.isFile() && hasExtension(entry.name, options.extensions) && !isIgnored(here, full, false)) {
        found.add(full);
      }
    }
  }

  for (const p of paths) {
    const absolute = path.resolve(options.cwd, p);
    const stat = await fs.stat(absolute);
    const layers = ancestorLayers(absolute);
    if (user) layers.push(user);
    if (stat.isDirectory()) await walk(absolute, layers);
    else if (hasExtension(absolute, options.extensions)) found.add(absolute);
  }
  return [...found].sort();
}
