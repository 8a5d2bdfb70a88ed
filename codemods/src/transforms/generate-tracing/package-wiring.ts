/**
 * What a migrated plugin's package.json needs: `@floe/runtime` with a real
 * version range (the installed runtime's, `^x.y.z`), the legacy package the
 * migration replaced (`@floe/iceberg`) removed once no file imports it, the
 * `floe` field for the registry, and, when the package gets the generated
 * tracing test, a `test` script and the vitest dev dependency to run it.
 * What it cannot decide (another test runner) it reports as a note.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { LEGACY_TRACED_MODULE, RUNTIME_MODULE } from "@floe/runtime/conventions";
import { addJsonProperty, removeJsonProperty } from "../../project/json-edit.js";
import { isSourceFile, listFiles, type PackageProject } from "../../project/package-project.js";
import type { PluginClassInfo } from "../../project/plugin-class.js";

/** The package the legacy `traced` came from: `@floe/iceberg/telemetry` -> `@floe/iceberg`. */
export const LEGACY_PACKAGES: readonly string[] = [LEGACY_TRACED_MODULE.split("/").slice(0, 2).join("/")];

/** vitest major the generated test is written for (DESIGN: vitest 4 on Node 20). */
export const VITEST_RANGE = "^4.0.0";

let runtimeRange: string | undefined;

/** `^<version>` of the @floe/runtime this codemod runs with. */
export function runtimeVersionRange(): string {
  if (runtimeRange === undefined) {
    const version = (createRequire(import.meta.url)(`${RUNTIME_MODULE}/package.json`) as { version: string }).version;
    runtimeRange = `^${version}`;
  }
  return runtimeRange;
}

function importsModule(text: string, module: string): boolean {
  const quoted = new RegExp(`["'\`]${module.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(?:/[^"'\`]*)?["'\`]`);
  return quoted.test(text);
}

/** Whether any source file of the package (src, test, scripts; the pipeline's current text) still imports `module`. */
async function stillImported(pkg: PackageProject, module: string): Promise<boolean> {
  const inProject = new Set(pkg.sourceFiles().map((f) => f.getFilePath() as string));
  for (const file of pkg.sourceFiles()) if (importsModule(file.getFullText(), module)) return true;
  for (const file of await listFiles(pkg.dir, isSourceFile)) {
    if (inProject.has(path.resolve(file))) continue;
    const text = await pkg.readExtra(file);
    if (text !== undefined && importsModule(text, module)) return true;
  }
  return false;
}

export async function updatePackageJson(
  pkg: PackageProject,
  plugin: PluginClassInfo,
  options: { readonly addedTest: boolean; readonly notes: string[] },
): Promise<void> {
  const info = pkg.packageJson;
  let text = (await pkg.readExtra(info.path)) ?? info.text;
  if (info.dependencies[RUNTIME_MODULE] === undefined && info.peerDependencies[RUNTIME_MODULE] === undefined) {
    text = addJsonProperty(text, ["dependencies", RUNTIME_MODULE], runtimeVersionRange(), { sorted: true });
  }
  for (const legacy of LEGACY_PACKAGES) {
    if (info.dependencies[legacy] === undefined) continue;
    if (await stillImported(pkg, legacy)) {
      options.notes.push(`kept the dependency ${legacy}: a file still imports it`);
    } else {
      text = removeJsonProperty(text, ["dependencies", legacy]);
    }
  }
  if (info.floe === undefined) {
    text = addJsonProperty(text, ["floe"], { plugin: plugin.className, type: plugin.pluginType });
  }
  if (options.addedTest) {
    const testScript = info.scripts.test;
    if (testScript === undefined) text = addJsonProperty(text, ["scripts", "test"], "vitest run");
    else if (!testScript.includes("vitest")) {
      options.notes.push(`the generated test/tracing.test uses vitest; the "test" script runs ${JSON.stringify(testScript)}: add vitest to it`);
    }
    if (info.devDependencies.vitest === undefined && info.dependencies.vitest === undefined) {
      text = addJsonProperty(text, ["devDependencies", "vitest"], VITEST_RANGE, { sorted: true });
    }
  }
  if (text !== info.text) await pkg.writeExtra(info.path, text);
}
