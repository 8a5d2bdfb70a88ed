/**
 * What git says about the tree, asked once per run.
 *
 * A run walks the same tree many times (the source files, the package.json
 * files, each package's `src/` and tests for every project transform), and each
 * walk used to spawn `git rev-parse`, `git check-ignore` and `git ls-files`:
 * hundreds of processes on a monorepo. Within a run (core/run-scope.ts) the
 * answers are memoized, and a listing of a folder also answers for every folder
 * under it in the same work tree.
 */
import path from "node:path";
import { runScoped } from "./run-scope.js";

interface GitCache {
  readonly toplevel: Map<string, string | undefined>;
  readonly ignoredDir: Map<string, boolean>;
  /** Folder -> files git lists under it, relative to it. */
  readonly listings: Map<string, readonly string[] | undefined>;
}

function gitCache(): GitCache | undefined {
  return runScoped("git", () => ({ toplevel: new Map(), ignoredDir: new Map(), listings: new Map() }));
}

function memo<K, V>(map: Map<K, V> | undefined, key: K, compute: () => V): V {
  if (!map) return compute();
  if (map.has(key)) return map.get(key) as V;
  const value = compute();
  map.set(key, value);
  return value;
}

/** `compute()` memoized per key (the nearest folder holding `.git`, which decides the work tree). */
export function cachedToplevel(key: string, compute: () => string | undefined): string | undefined {
  return memo(gitCache()?.toplevel, key, compute);
}

export function cachedIgnoredDir(dir: string, compute: () => boolean): boolean {
  return memo(gitCache()?.ignoredDir, dir, compute);
}

/**
 * Files git lists under `dir` (relative to `dir`): cut from an earlier listing of an enclosing
 * folder of the same work tree (`sameTree`), else `compute()`d.
 */
export function cachedListing(dir: string, sameTree: (ancestor: string) => boolean, compute: () => string[] | undefined): readonly string[] | undefined {
  const cache = gitCache()?.listings;
  if (!cache) return compute();
  const hit = cache.get(dir);
  if (hit) return hit;
  for (const [ancestor, files] of cache) {
    const rel = path.relative(ancestor, dir);
    if (!files || !rel || rel.startsWith("..") || path.isAbsolute(rel) || !sameTree(ancestor)) continue;
    const prefix = `${rel.split(path.sep).join("/")}/`;
    const cut = files.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
    cache.set(dir, cut);
    return cut;
  }
  return memo(cache, dir, compute);
}

/** An enclosing folder of `dir` that git already listed in this run (in the same work tree: `sameTree`), else undefined. */
export function listedAncestor(dir: string, sameTree: (ancestor: string) => boolean): string | undefined {
  for (const [ancestor, files] of gitCache()?.listings ?? []) {
    const rel = path.relative(ancestor, dir);
    if (files && rel && !rel.startsWith("..") && !path.isAbsolute(rel) && sameTree(ancestor)) return ancestor;
  }
  return undefined;
}
