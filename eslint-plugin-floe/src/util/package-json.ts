/**
 * Finds the nearest `package.json` of a file and reads its name. Lint runs
 * visit thousands of files in a handful of packages, so lookups are cached
 * per directory.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

interface PackageInfo {
  readonly name: string;
  readonly dir: string;
}

const byDirectory = new Map<string, PackageInfo | null>();

function readPackage(dir: string): PackageInfo | null {
  try {
    const parsed = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: unknown };
    // Nested manifests like `{ "type": "module" }` in build folders carry no name: keep looking upward.
    return typeof parsed.name === "string" ? { name: parsed.name, dir } : null;
  } catch {
    return null;
  }
}

/** The nearest package.json at or above `startDir`, or undefined at the file-system root. */
export function nearestPackage(startDir: string): PackageInfo | undefined {
  const visited: string[] = [];
  let dir = path.resolve(startDir);
  let found: PackageInfo | null = null;
  for (;;) {
    const cached = byDirectory.get(dir);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(dir);
    const info = readPackage(dir);
    if (info) {
      found = info;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const v of visited) byDirectory.set(v, found);
  return found ?? undefined;
}

/** Name of the package a file belongs to (nearest package.json with a name). */
export function packageNameOfFile(filename: string): string | undefined {
  if (!path.isAbsolute(filename)) return undefined;
  return nearestPackage(path.dirname(filename))?.name;
}
