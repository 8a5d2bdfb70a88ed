/**
 * `floe-codemod new-plugin <category> <impl>`: writes a new plugin package
 * that passes lint, `check` and the platform contract as created. It writes
 * the package skeleton, then runs generate-tracing on it for the tracing
 * module and the tracing test, so the scaffold is exactly what the codemod
 * would produce. Refuses to touch an existing folder.
 */
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { generateTracingForPackage } from "../transforms/generate-tracing.js";
import { pluginKind, type PluginKind } from "./plugin-kind.js";
import { scaffoldFiles } from "./templates.js";

export interface NewPluginOptions {
  readonly category: string;
  readonly implementation: string;
  /** Folder the plugin folder is created in (default `plugins` under cwd). */
  readonly dir?: string;
  readonly cwd?: string;
}

export interface NewPluginResult {
  readonly kind: PluginKind;
  readonly packageDir: string;
  /** Written files, relative to packageDir, sorted. */
  readonly files: readonly string[];
}

/** The nearest folder at or above `start` holding the repo's shared tsconfig.json and vitest.shared.ts. */
function repoRoot(start: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "tsconfig.json")) && existsSync(path.join(dir, "vitest.shared.ts"))) return dir;
    if (path.dirname(dir) === dir) {
      throw new Error(`no floe repo (tsconfig.json and vitest.shared.ts) at or above ${start}: run new-plugin inside the repo`);
    }
  }
}

export async function newPlugin(options: NewPluginOptions): Promise<NewPluginResult> {
  const kind = pluginKind(options.category, options.implementation);
  const parent = path.resolve(options.cwd ?? process.cwd(), options.dir ?? "plugins");
  const packageDir = path.join(parent, kind.folder);
  if (existsSync(packageDir)) throw new Error(`${packageDir} already exists: new-plugin never overwrites`);
  const toRoot = path.relative(packageDir, repoRoot(parent)).split(path.sep).join("/") || ".";
  const files = scaffoldFiles(kind, { toRoot });
  await mkdir(packageDir, { recursive: true });
  try {
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(packageDir, file)), { recursive: true });
      await writeFile(path.join(packageDir, file), content);
    }
    const written = new Set(Object.keys(files));
    for (const change of await generateTracingForPackage(packageDir, {})) {
      await mkdir(path.dirname(change.path), { recursive: true });
      await writeFile(change.path, change.content);
      written.add(path.relative(packageDir, change.path).split(path.sep).join("/"));
    }
    return { kind, packageDir, files: [...written].sort() };
  } catch (error) {
    await rm(packageDir, { recursive: true, force: true }); // nothing half-made stays behind
    throw error;
  }
}
