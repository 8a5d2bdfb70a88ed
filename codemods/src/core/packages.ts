/**
 * Plugin packages a project transform works on: directories under the given
 * paths (found by the one walker: git's files, node_modules/dist skipped) whose package.json declares a floe
 * plugin (`"floe"` field) or depends on `@floe/runtime` / the legacy
 * `@floe/iceberg`, including a given path that is itself such a package.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { discover, type DiscoverOptions } from "./discover.js";

const FLOE_DEPENDENCIES = ["@floe/runtime", "@floe/iceberg"];

async function isFloePackage(dir: string): Promise<boolean> {
  let pkg: Record<string, unknown>;
  try {
    pkg = JSON.parse(await fs.readFile(path.join(dir, "package.json"), "utf8")) as Record<string, unknown>;
  } catch {
    return false;
  }
  if (pkg.floe && typeof pkg.floe === "object") return true;
  for (const field of ["dependencies", "devDependencies", "peerDependencies"]) {
    const deps = pkg[field];
    if (deps && typeof deps === "object" && FLOE_DEPENDENCIES.some((d) => d in (deps as object))) return true;
  }
  return false;
}

/** Whether `rel` (relative to a given path) passes through a dot folder (`.github`, `.changeset`...). */
function inDotFolder(rel: string): boolean {
  return rel.split(path.sep).slice(0, -1).some((seg) => seg.startsWith("."));
}

export async function findPackageDirs(paths: readonly string[], cwd: string, ignores?: Pick<DiscoverOptions, "ignorePatterns" | "ignores">): Promise<string[]> {
  const found = new Set<string>();
  for (const p of paths) {
    const absolute = path.resolve(cwd, p);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (!stat?.isDirectory()) continue;
    // the same walker as the source files: git's view of the tree, node_modules and dist skipped
    const { files } = await discover([absolute], { cwd, extensions: ["package.json"], ...ignores });
    const candidates = new Set([absolute]);
    for (const file of files) {
      if (path.basename(file) === "package.json" && !inDotFolder(path.relative(absolute, file))) candidates.add(path.dirname(file));
    }
    for (const dir of candidates) if (await isFloePackage(dir)) found.add(dir);
  }
  return [...found].sort();
}
