/**
 * instrument-operations: runs each contract operation of a plugin class
 * (CONVENTIONS[type].operations) inside its domain span. First the spans the
 * legacy code opened itself move onto the plugin's tracer and conventional
 * names (instrument-operations/legacy-spans.ts); then TypeScript files get
 * `@tracing.operation("<op>")` on the operations still without a span, and
 * JavaScript files (no decorators at run time on Node 20) get their body
 * wrapped in the domain helper (`return alertSpan("<op>", {}, async () => { ... })`).
 * Methods that already open a conventional span, other classes and telemetry
 * backends are left alone. Idempotent.
 */
import { CONVENTIONS, deriveTracerName, RUNTIME_MODULE } from "@floe/runtime/conventions";
import { Node, type ClassDeclaration, type MethodDeclaration, type SourceFile } from "ts-morph";
import type { FileChange, ProjectTransform } from "../core/types.js";
import { hasTopLevelBinding } from "../project/bindings.js";
import { ensureNamedImports, importsName } from "../project/imports.js";
import { isTypeScriptFile, PackageProject } from "../project/package-project.js";
import { findPluginClass, type PluginClassInfo } from "../project/plugin-class.js";
import { runPerPackage } from "../project/run-per-package.js";
import { overlayReader, type TextReader } from "../project/source-text.js";
import {
  isTracingModule,
  migrateOperations,
  removeUnusedLegacyImports,
  retargetTracers,
  type LegacySpanContext,
} from "./instrument-operations/legacy-spans.js";
import { opensSpan } from "./instrument-operations/opens-span.js";
import { wrapMethodBody } from "./instrument-operations/wrap-body.js";

const TRACING_KIT = "tracing";

/** Operations of the plugin class that still need a span, in source order. */
function pendingOperations(declaration: ClassDeclaration, operations: readonly string[], spanHelper: string): string[] {
  return declaration
    .getMethods()
    .filter(
      (m) =>
        operations.includes(m.getName()) &&
        !m.isStatic() &&
        !m.isAbstract() &&
        !m.isGenerator() &&
        m.hasBody() &&
        !opensSpan(m, spanHelper, operations),
    )
    .map((m) => m.getName());
}

/** Re-finds the plugin class after a text edit invalidated its node. */
function refind(sourceFile: SourceFile, plugin: PluginClassInfo): ClassDeclaration {
  const found =
    plugin.className === "default" && !sourceFile.getClass("default")
      ? sourceFile.getClasses().find((c) => !c.getName())
      : sourceFile.getClass(plugin.className);
  if (!found) throw new Error(`lost track of class ${plugin.className} while editing`);
  return found;
}

function methodOf(declaration: ClassDeclaration, name: string): MethodDeclaration {
  const method = declaration.getMethods().find((m) => m.getName() === name && m.hasBody());
  if (!method) throw new Error(`lost track of method ${name} while editing`);
  return method;
}

/** Throws when the file already binds `name` to something other than the tracing module's export. */
function assertNameFree(sourceFile: SourceFile, tracingPath: string, name: string): void {
  if (hasTopLevelBinding(sourceFile, name) && !importsName(sourceFile, tracingPath, name)) {
    throw new Error(
      `${sourceFile.getFilePath()}: "${name}" is already declared; rename it so the plugin can import ${name} from its tracing module`,
    );
  }
}

/** The tracer name the package's tracing module declares, else the conventional one. */
function tracerNameOf(pkg: PackageProject, tracingPath: string, plugin: PluginClassInfo): string {
  const initializer = pkg.project.getSourceFile(tracingPath)?.getVariableDeclaration("TRACER_NAME")?.getInitializer();
  const declared = initializer && Node.isStringLiteral(initializer) ? initializer.getLiteralValue() : undefined;
  return declared || pkg.packageJson.floe?.tracerName || deriveTracerName(plugin.pluginType, pkg.packageJson.name);
}

function printNotes(pkg: PackageProject, notes: readonly string[]): void {
  for (const note of notes) process.stderr.write(`floe-codemod instrument-operations: ${pkg.packageJson.name}: ${note}\n`);
}

/** Legacy spans onto the plugin's tracer and conventional names, in every ES module of src/. */
function migrateLegacySpans(pkg: PackageProject, plugin: PluginClassInfo, spanHelper: string, tracingPath: string): void {
  const convention = CONVENTIONS[plugin.pluginType];
  const context: LegacySpanContext = {
    tracingPath,
    tracerName: tracerNameOf(pkg, tracingPath, plugin),
    category: convention.category,
    spanHelper,
    operations: convention.operations,
    notes: [],
  };
  const sourceFile = plugin.sourceFile;
  if (pkg.isCommonJs(sourceFile.getFilePath())) return;
  const needed = migrateOperations(() => refind(sourceFile, plugin), context);
  for (const file of pkg.sourceFiles()) {
    if (isTracingModule(file, tracingPath) || pkg.isCommonJs(file.getFilePath())) continue;
    const names = new Set(file === sourceFile ? needed : []);
    if (retargetTracers(file, context)) names.add(TRACING_KIT);
    if (names.size === 0) continue;
    for (const name of names) assertNameFree(file, tracingPath, name);
    ensureNamedImports(file, tracingPath, [...names]);
    removeUnusedLegacyImports(file, RUNTIME_MODULE);
  }
  printNotes(pkg, context.notes);
}

export async function instrumentOperationsForPackage(packageDir: string, read?: TextReader): Promise<FileChange[]> {
  const pkg = await PackageProject.load(packageDir, read);
  const plugin = findPluginClass(pkg);
  if (!plugin) return [];
  const convention = CONVENTIONS[plugin.pluginType];
  const spanHelper = convention.spanHelper;
  if (!convention.instrumented || !spanHelper) return [];

  const sourceFile = plugin.sourceFile;
  const tracingPath = pkg.tracingModulePath;
  migrateLegacySpans(pkg, plugin, spanHelper, tracingPath);
  const pending = pendingOperations(refind(sourceFile, plugin), convention.operations, spanHelper);
  if (pending.length === 0) return pkg.changes();
  pkg.assertEsm(sourceFile.getFilePath());
  const useDecorators = isTypeScriptFile(sourceFile.getFilePath());
  const imported = useDecorators ? TRACING_KIT : spanHelper;
  assertNameFree(sourceFile, tracingPath, imported);

  for (const operation of pending) {
    const method = methodOf(refind(sourceFile, plugin), operation);
    if (useDecorators) {
      method.addDecorator({ name: `${TRACING_KIT}.operation`, arguments: [JSON.stringify(operation)] });
    } else {
      wrapMethodBody(method, spanHelper, operation);
    }
  }
  ensureNamedImports(sourceFile, tracingPath, [imported]);
  return pkg.changes();
}

export const instrumentOperations: ProjectTransform = {
  kind: "project",
  name: "instrument-operations",
  run(context) {
    const read = overlayReader(context.readFile);
    return runPerPackage("instrument-operations", context, (dir) => instrumentOperationsForPackage(dir, read));
  },
};
