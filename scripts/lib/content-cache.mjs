// Content-keyed result cache for the repo-wide checks `npm test` runs after turbo (ESLint over the
// repo, `floe-codemod check`). Turbo caches build/typecheck/test per workspace; these two checks read
// the whole tree (type-aware lint sees every file's types), so their key is a hash of every file git
// would look at (tracked plus untracked-but-not-ignored) under the paths they read, plus the built
// tools themselves. Any change to a source file, a rule, the config, the conventions or the lockfile
// changes the key, so a cached "ok" is never stale; a second run on an unchanged tree skips the work.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { filesBelow } from "./hash-directory.mjs";

/** Files git would look at under `paths` (relative to `root`), sorted; null outside a git work tree. */
function gitFiles(root, paths) {
  const out = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ...paths], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (out.status !== 0) return null;
  return [...new Set(out.stdout.split("\0").filter(Boolean))].sort();
}

/**
 * Hash of the content of every file git sees under `sourcePaths` and every file below `builtDirs`.
 * Returns null when the tree cannot be enumerated (no git): callers then never use the cache.
 */
export function contentKey(root, { sourcePaths, builtDirs = [], salt = "" }) {
  const sources = gitFiles(root, sourcePaths);
  if (sources === null) return null;
  const hash = createHash("sha256").update(salt).update("\0");
  const add = (absolute) => {
    let content;
    try {
      if (!statSync(absolute).isFile()) return;
      content = readFileSync(absolute);
    } catch {
      return; // deleted but still in the index: its absence is part of the key through the path list
    }
    hash.update(path.relative(root, absolute)).update("\0").update(content).update("\0");
  };
  for (const file of sources) add(path.join(root, file));
  for (const dir of builtDirs) for (const file of filesBelow(path.join(root, dir))) add(file);
  return hash.digest("hex");
}

const cacheDir = (root) => path.join(root, "node_modules", ".cache", "floe-checks");

/** True when `name` last passed with exactly this key. */
export function passedBefore(root, name, key) {
  if (!key) return false;
  const file = path.join(cacheDir(root), `${name}.ok`);
  return existsSync(file) && readFileSync(file, "utf8").trim() === key;
}

/** Remembers that `name` passed with this key (failures are never cached). */
export function rememberPass(root, name, key) {
  if (!key) return;
  mkdirSync(cacheDir(root), { recursive: true });
  writeFileSync(path.join(cacheDir(root), `${name}.ok`), `${key}\n`);
}
