/**
 * Plugin packages a project transform works on: directories under the given
 * paths (outside node_modules/dist/...) whose package.json declares a floe
 * plugin (`"floe"` field) or depends on `@floe/runtime` / the legacy
 * `@floe/iceberg`, including a given path that is itself such a package.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { ALWAYS_SKIPPED_DIRS } from "./discover.js";

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

export async function findPackageDirs(paths: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  async function walk(dir: string): Promise<void> {
    if (await isFloePackage(dir)) found.add(dir);
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !ALWAYS_SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".")) {
        await walk(path.join(dir, entry.name));
      }
    }
  }
  for (const p of paths) {
    const absolute = path.resolve(cwd, p);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (stat?.isDirectory()) await walk(absolute);
  }
  return [...found].sort();
}
