/**
 * The dirty-tree guard: a codemod rewrites files in place, so by default it
 * refuses to run over uncommitted changes (the user could not review or revert
 * its diff apart from their own). Like @next/codemod (`git status --porcelain`
 * through is-git-clean), it looks at the whole work tree of every repository
 * the given paths are in, not only the paths: changes to tracked files, staged
 * or not, and untracked files that are not ignored (a codemod can rewrite an
 * untracked file, which `git checkout` could then not restore). Ignored files
 * never count. Paths outside any git repository are not checked.
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
  /** Untracked, not ignored paths (relative to `root`). */
  readonly untracked: string[];
}

/** `git status --porcelain -z` entries: `XY path` (`??` untracked; a rename adds the original path as the next entry). */
function statusEntries(root: string): { files: string[]; untracked: string[] } {
  const out = execFileSync("git", ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignore-submodules=dirty"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 256 * 1024 * 1024,
  });
  const entries = out.split("\0");
  const files: string[] = [];
  const untracked: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    if (entry.startsWith("??")) {
      untracked.push(entry.slice(3));
      continue;
    }
    files.push(entry.slice(3));
    if (entry[0] === "R" || entry[0] === "C") i++; // the rename's source path
  }
  return { files, untracked };
}

/** The work trees holding the given paths that have uncommitted changes or untracked, not ignored files. */
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
    const { files, untracked } = statusEntries(root);
    if (files.length > 0 || untracked.length > 0) dirty.push({ root, files, untracked });
  }
  return dirty;
}

/** The refusal message: which tree, how many files, the first few, and the ways out. */
export function dirtyTreeMessage(trees: readonly DirtyTree[], shown = 5): string {
  const lines = [`refusing to run: the git work tree has uncommitted changes, which the codemod's rewrite would mix with.`];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  for (const tree of trees) {
    const counts = [tree.files.length ? plural(tree.files.length, "changed file") : "", tree.untracked.length ? plural(tree.untracked.length, "untracked file") : ""];
    lines.push(`  ${tree.root}: ${counts.filter(Boolean).join(", ")}`);
    const listed = [...tree.files, ...tree.untracked.map((f) => `${f} (untracked)`)];
    for (const file of listed.slice(0, shown)) lines.push(`    ${file}`);
    if (listed.length > shown) lines.push(`    ... and ${listed.length - shown} more`);
  }
  lines.push(
    "Commit or stash them first (git stash -u for untracked files; files you never commit belong in .gitignore), or pass --allow-dirty (alias --force) to run anyway, or --dry to only see the diff.",
  );
  return lines.join("\n");
}
