/**
 * generate-tracing: for each plugin package, writes `src/tracing.ts` (or
 * `.js`) from the floe conventions and package.json (the plugin's one
 * identity declaration), makes the plugin class extend
 * `tracing.Plugin(<contract>)` in place of hand-written identity getters, adds a tracing test skeleton when the package has no tracing
 * test, and makes sure package.json depends on `@floe/runtime` and declares
 * the plugin for the registry. Telemetry backends are left alone.
 * Idempotent: only files whose content changes are returned.
 */
import path from "node:path";
import { Node } from "ts-morph";
import { CONVENTIONS, pluginNameFromPackageName } from "@floe/runtime/conventions";
import type { FileChange, ProjectTransform, ProjectTransformContext } from "../core/types.js";
import { exportNameOf } from "../project/exports.js";
import { ensureNamedImports } from "../project/imports.js";
import { relativeSpecifier } from "../project/module-specifiers.js";
import { listFiles, PackageProject } from "../project/package-project.js";
import { findPluginClass, type PluginClassInfo } from "../project/plugin-class.js";
import { runPerPackage } from "../project/run-per-package.js";
import { overlayReader, type TextReader } from "../project/source-text.js";
import { resolveTracerName } from "./generate-tracing/tracer-name.js";
import { ensureIdentityBase, TRACING_KIT } from "./generate-tracing/identity-base.js";
import { renderTracingModule } from "./generate-tracing/tracing-template.js";
import { updatePackageJson } from "./generate-tracing/package-wiring.js";
import { renderTracingTest } from "./generate-tracing/test-template.js";

const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
const TESTING_HELPER = "createTestTracing";

/** Whether any test file of the package already sets up tracing with createTestTracing. */
async function hasTracingTest(pkg: PackageProject): Promise<boolean> {
  const tests = await listFiles(pkg.dir, (f) => TEST_FILE.test(f) && !/[\\/](?:__)?fixtures(?:__)?[\\/]/.test(f));
  for (const file of tests) {
    if ((await pkg.readExtra(file))?.includes(TESTING_HELPER)) return true;
  }
  return false;
}

/** The contract operations the plugin class (or a local base class) declares, in convention order. */
function declaredOperations(plugin: PluginClassInfo): string[] {
  const declared = new Set<string>();
  for (const declaration of plugin.localChain) {
    for (const member of declaration.getInstanceMembers()) {
      if (Node.isMethodDeclaration(member) || Node.isPropertyDeclaration(member)) declared.add(member.getName());
    }
  }
  return CONVENTIONS[plugin.pluginType].operations.filter((operation) => declared.has(operation));
}

/** Adds the tracing test; returns whether it did (the package.json wiring to run it comes with it). */
async function addTracingTest(pkg: PackageProject, plugin: PluginClassInfo, tracerName: string): Promise<boolean> {
  if (await hasTracingTest(pkg)) return false;
  const language = pkg.language;
  const testFile = path.join(pkg.dir, "test", language === "ts" ? "tracing.test.ts" : "tracing.test.js");
  if ((await pkg.readExtra(testFile)) !== undefined) return false; // never overwrite the author's file
  const exportName = exportNameOf(plugin.classDeclaration);
  const content = renderTracingTest({
    packageName: pkg.packageJson.name,
    tracerName,
    pluginType: plugin.pluginType,
    pluginImport:
      exportName === undefined
        ? undefined
        : {
            className: exportName === "default" ? (plugin.classDeclaration.getName() ?? "Plugin") : exportName,
            specifier: relativeSpecifier(testFile, plugin.sourceFile.getFilePath()),
            isDefault: exportName === "default",
          },
    tracingSpecifier: relativeSpecifier(testFile, pkg.tracingModulePath),
    language,
    operations: declaredOperations(plugin),
  });
  await pkg.writeExtra(testFile, content);
  return true;
}

export async function generateTracingForPackage(
  packageDir: string,
  options: ProjectTransformContext["options"],
  read?: TextReader,
): Promise<FileChange[]> {
  const pkg = await PackageProject.load(packageDir, read);
  const declaredType = pkg.packageJson.floe?.type;
  const plugin = findPluginClass(pkg);
  if (!plugin) {
    if (declaredType && !CONVENTIONS[declaredType].instrumented) return [];
    // An application (or library) that only uses the runtime (`traced`, `withSpan`) declares no plugin:
    // there is no tracing module to generate. Only a package that says it is a plugin must have the class.
    if (pkg.packageJson.floe === undefined) return [];
    throw new Error(`${pkg.packageJson.name}: no plugin class (extending PluginMetadata or a @floe/runtime plugin base class) under src/`);
  }
  if (!CONVENTIONS[plugin.pluginType].instrumented) return [];

  const tracerName = resolveTracerName({
    pluginType: plugin.pluginType,
    packageName: pkg.packageJson.name,
    declared: pkg.packageJson.floe?.tracerName,
    option: typeof options.tracerName === "string" ? options.tracerName : undefined,
  });
  const language = pkg.language;
  const tracingPath = pkg.tracingModulePath;
  const packageVersion = pkg.packageJson.version ?? "0.0.0";
  pkg.assertEsm(tracingPath);
  pkg.assertEsm(plugin.sourceFile.getFilePath());
  await pkg.setSourceFile(
    tracingPath,
    renderTracingModule({
      packageName: pkg.packageJson.name,
      packageVersion,
      tracerName,
      pluginType: plugin.pluginType,
      attributes: pkg.packageJson.floe?.attributes,
    }),
  );

  const notes: string[] = [];
  const addedTest = await addTracingTest(pkg, plugin, tracerName);
  await updatePackageJson(pkg, plugin, { addedTest, notes });

  // Last: editing imports re-parses the file and invalidates the class node.
  const identity = { name: pluginNameFromPackageName(pkg.packageJson.name), version: packageVersion, tracerName };
  const importer = ensureIdentityBase(plugin, identity, tracingPath, language, notes);
  if (importer) ensureNamedImports(importer, tracingPath, [TRACING_KIT]);
  for (const note of notes) process.stderr.write(`floe-codemod generate-tracing: ${pkg.packageJson.name}: ${note}\n`);
  return pkg.changes();
}

export const generateTracing: ProjectTransform = {
  kind: "project",
  name: "generate-tracing",
  run(context) {
    const read = overlayReader(context.readFile);
    return runPerPackage("generate-tracing", context, (dir) => generateTracingForPackage(dir, context.options, read));
  },
};
