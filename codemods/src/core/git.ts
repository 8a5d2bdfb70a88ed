/**
 * The dirty-tree guard: a codemod rewrites files in place, so by default it
 * refuses to run over uncommitted changes (the user could not review or revert
 * its diff apart from their own). Like @next/codemod, it looks at the whole
 * work tree of every repository the given paths are in, not only the paths,
 * and untracked files do not count (the codemod's diff stays separable from
 * them). Paths outside any git repository are not checked.
 */
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import { gitToplevel } from "./discover.js";

export interface DirtyTree {
  /** Top of the work tree. */
  readonly root: string;
  /** Paths (relative to `root`) with staged or unstaged changes to tracked files. */
  readonly files: string[];
}

/** `git status --porcelain -z` entries of tracked files: `XY path` (a rename adds the original path as the next entry). */
function trackedChanges(root: string): string[] {
  const out = execFileSync("git", ["status", "--porcelain=v1", "-z", "--untracked-files=no", "--ignore-submodules=dirty"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 256 * 1024 * 1024,
  });
  const entries = out.split("\0");
  const files: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    files.push(entry.slice(3));
    if (entry[0] === "R" || entry[0] === "C") i++; // the rename's source path
  }
  return files;
}

/** The work trees holding the given paths that have uncommitted changes to tracked files. */
export function dirtyTrees(paths: readonly string[]): DirtyTree[] {
  const roots = new Set<string>();
  for (const p of paths) {
    const absolute = path.resolve(p);
    let dir = absolute;
    try {
      if (!statSync(absolute).isDirectory()) dir = path.dirname(absolute);
    } catch {
      continue;
    }
    const top = gitToplevel(dir);
    if (top) roots.add(top);
  }
  const dirty: DirtyTree[] = [];
  for (const root of roots) {
    const files = trackedChanges(root);
    if (files.length > 0) dirty.push({ root, files });
  }
  return dirty;
}

/** The refusal message: which tree, how many files, the first few, and the ways out. */
export function dirtyTreeMessage(trees: readonly DirtyTree[], shown = 5): string {
  const lines = [`refusing to run: the git work tree has uncommitted changes, which the codemod's rewrite would mix with.`];
  for (const tree of trees) {
    const n = tree.files.length;
    lines.push(`  ${tree.root}: ${n} changed file${n === 1 ? "" : "s"}`);
    for (const file of tree.files.slice(0, shown)) lines.push(`    ${file}`);
    if (n > shown) lines.push(`    ... and ${n - shown} more`);
  }
  lines.push("Commit or stash them first, or pass --allow-dirty (alias --force) to run anyway, or --dry to only see the diff.");
  return lines.join("\n");
}
