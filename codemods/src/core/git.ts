/**
 * The dirty-tree guard: a codemod rewrites files in place, so by default it
 * refuses to run over uncommitted changes (the user could not review or revert
 * its diff). Paths outside any git repository are not checked.
 */
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";

function gitToplevel(dir: string): string | undefined {
  try {
    return execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

/** Uncommitted entries (`git status --porcelain` lines) under the given paths, grouped by repository. */
export function dirtyEntries(paths: readonly string[]): string[] {
  const byRepo = new Map<string, string[]>();
  for (const p of paths) {
    const absolute = path.resolve(p);
    let dir = absolute;
    try {
      if (!statSync(absolute).isDirectory()) dir = path.dirname(absolute);
    } catch {
      continue;
    }
    const top = gitToplevel(dir);
    if (!top) continue;
    const list = byRepo.get(top) ?? [];
    list.push(absolute);
    byRepo.set(top, list);
  }
  const dirty: string[] = [];
  for (const [top, list] of byRepo) {
    const out = execFileSync("git", ["status", "--porcelain", "--", ...list], { cwd: top, encoding: "utf8" });
    for (const line of out.split("\n")) if (line.trim()) dirty.push(line);
  }
  return dirty;
}
