/**
 * Where a write to `file` may land. Discovery already hands the runner real
 * paths; this guards the files project transforms return: a symlink is
 * written through to its target when the target lies inside the given
 * directories or the work tree, and refused otherwise, so a link can neither
 * be replaced by a regular file nor lead the codemod outside the tree.
 */
import { lstatSync, realpathSync } from "node:fs";
import path from "node:path";

export type WriteTarget = { readonly path: string } | { readonly refused: string };

function isInside(child: string, dir: string): boolean {
  const rel = path.relative(dir, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** @param roots directories a link may point into (any form: they are resolved here). */
export function writeTarget(file: string, roots: readonly string[]): WriteTarget {
  let stat;
  try {
    stat = lstatSync(file);
  } catch {
    return { path: file }; // a new file
  }
  if (!stat.isSymbolicLink()) return { path: file };
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return { refused: "broken symlink: not written" };
  }
  const realRoots = roots.map((r) => {
    try {
      return realpathSync(r);
    } catch {
      return path.resolve(r);
    }
  });
  if (realRoots.some((r) => isInside(real, r))) return { path: real };
  return { refused: `symlink to ${real}, outside the given paths: not written` };
}
