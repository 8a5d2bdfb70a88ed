/**
 * Finds a package's plugin class across its source files and its
 * PluginType.
 *
 * A plugin class extends `PluginMetadata` or a per-type base class from
 * `@floe/runtime` (by binding: aliases and namespace imports count), directly
 * or through local classes in any file of the package. Its type comes from
 * the per-type base class, else from a `pluginType` getter or property
 * (`PluginType.X` or a string literal), else from package.json `floe.type`.
 * An identity base around the runtime class (`tracing.Plugin(AlertChannelPlugin)`,
 * `withIdentity(TelemetryBackendPlugin, ...)`) counts as that class.
 */
import path from "node:path";
import { Node, SyntaxKind, type ClassDeclaration, type Expression, type SourceFile } from "ts-morph";
import { CONVENTIONS, isPluginType, PLUGIN_TYPES, type PluginType } from "@floe/runtime/conventions";
import { exportNameOf, isExportedClass } from "./exports.js";
import { candidateFiles, isRelativeSpecifier } from "./module-specifiers.js";
import type { PackageProject } from "./package-project.js";
import { runtimeExportName } from "./runtime-bindings.js";

const PLUGIN_METADATA = "PluginMetadata";
const TYPE_BY_BASE_CLASS: ReadonlyMap<string, PluginType> = new Map(
  PLUGIN_TYPES.map((t) => [CONVENTIONS[t].baseClass, t] as const),
);

export interface PluginClassInfo {
  readonly classDeclaration: ClassDeclaration;
  readonly sourceFile: SourceFile;
  /** Class name (`default` for an anonymous default export). */
  readonly className: string;
  readonly pluginType: PluginType;
  /** Where the type came from. */
  readonly typeSource: "base-class" | "pluginType-member" | "package.json";
  /** The chain of local classes from the plugin class up to the runtime base (plugin class first). */
  readonly localChain: readonly ClassDeclaration[];
  /** The `@floe/runtime` class the chain ends in. */
  readonly runtimeBase: string;
  /** How the last class of the chain names it: `tracing.Plugin(X)`, `withIdentity(X, ...)`, or `X` itself. */
  readonly identityBase: IdentityBaseKind;
}

/** `kit`: `<tracing kit>.Plugin(X)`; `withIdentity`: `withIdentity(X, ...)` from @floe/runtime; `none`: `X` itself. */
export type IdentityBaseKind = "kit" | "withIdentity" | "none";

type BaseResolution =
  | { readonly kind: "runtime"; readonly name: string; readonly identityBase: IdentityBaseKind }
  | { readonly kind: "local"; readonly declaration: ClassDeclaration }
  | undefined;

/** Finds the source file a relative import of `from` denotes among the project's files. */
function resolveImport(from: SourceFile, specifier: string): SourceFile | undefined {
  if (!isRelativeSpecifier(specifier)) return undefined;
  const project = from.getProject();
  for (const candidate of candidateFiles(from.getFilePath(), specifier)) {
    const file = project.getSourceFile(candidate);
    if (file) return file;
  }
  return undefined;
}

/** The class `file` exports under `exportName`, following re-exports within the package. */
function exportedClass(file: SourceFile, exportName: string, seen = new Set<SourceFile>()): ClassDeclaration | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  const own = file.getClasses().find((c) => exportNameOf(c) === exportName);
  if (own) return own;
  for (const declaration of file.getExportDeclarations()) {
    const specifier = declaration.getModuleSpecifierValue();
    const target = specifier === undefined ? undefined : resolveImport(file, specifier);
    if (!target) continue;
    if (!declaration.hasNamedExports()) {
      if (!declaration.getNamespaceExport()) {
        const found = exportedClass(target, exportName, seen);
        if (found) return found;
      }
      continue;
    }
    const named = declaration.getNamedExports().find((e) => (e.getAliasNode()?.getText() ?? e.getName()) === exportName);
    if (named) return exportedClass(target, named.getName(), seen);
  }
  return undefined;
}

/** The class a local identifier denotes: a class of the same file or one imported from a relative module. */
function localClass(file: SourceFile, name: string): ClassDeclaration | undefined {
  const own = file.getClass(name);
  if (own) return own;
  for (const decl of file.getImportDeclarations()) {
    const target = resolveImport(file, decl.getModuleSpecifierValue());
    if (!target) continue;
    if (decl.getDefaultImport()?.getText() === name) return exportedClass(target, "default");
    const spec = decl.getNamedImports().find((s) => (s.getAliasNode()?.getText() ?? s.getName()) === name);
    if (spec) return exportedClass(target, spec.getName());
  }
  return undefined;
}

function resolveBase(declaration: ClassDeclaration): BaseResolution {
  const heritage = declaration.getExtends();
  if (!heritage) return undefined;
  const expression = heritage.getExpression();
  const runtimeName = runtimeExportName(expression);
  if (runtimeName !== undefined) return { kind: "runtime", name: runtimeName, identityBase: "none" };
  const identity = identityBaseCall(expression);
  if (identity) return { kind: "runtime", ...identity };
  if (Node.isIdentifier(expression)) {
    const local = localClass(declaration.getSourceFile(), expression.getText());
    if (local) return { kind: "local", declaration: local };
  }
  return undefined;
}

/** `tracing.Plugin(X)` or `withIdentity(X, ...)` around a runtime class `X`. */
function identityBaseCall(expression: Expression): { name: string; identityBase: IdentityBaseKind } | undefined {
  if (!Node.isCallExpression(expression)) return undefined;
  let [first] = expression.getArguments();
  // `tracing.Plugin(DbtPlugin<DbtManifest>)`: an instantiation expression around the class
  if (first && Node.isExpressionWithTypeArguments(first)) first = first.getExpression();
  const name = first && Node.isExpression(first) ? runtimeExportName(first) : undefined;
  if (name === undefined) return undefined;
  const callee = expression.getExpression();
  if (Node.isPropertyAccessExpression(callee) && callee.getName() === "Plugin" && Node.isIdentifier(callee.getExpression())) {
    return { name, identityBase: "kit" };
  }
  if (runtimeExportName(callee) === "withIdentity") return { name, identityBase: "withIdentity" };
  return undefined;
}

function isPluginBase(name: string): boolean {
  return name === PLUGIN_METADATA || TYPE_BY_BASE_CLASS.has(name);
}

/** Local chain and runtime base of a class, or undefined when it is no plugin class. */
function pluginAncestry(
  declaration: ClassDeclaration,
): { chain: ClassDeclaration[]; runtimeBase: string; identityBase: IdentityBaseKind } | undefined {
  const chain: ClassDeclaration[] = [];
  let current: ClassDeclaration | undefined = declaration;
  while (current && !chain.includes(current)) {
    chain.push(current);
    const base = resolveBase(current);
    if (!base) return undefined;
    if (base.kind === "runtime") {
      return isPluginBase(base.name) ? { chain, runtimeBase: base.name, identityBase: base.identityBase } : undefined;
    }
    current = base.declaration;
  }
  return undefined;
}

function unwrap(expression: Expression): Expression {
  let current = expression;
  while (
    Node.isAsExpression(current) ||
    Node.isSatisfiesExpression(current) ||
    Node.isParenthesizedExpression(current) ||
    Node.isTypeAssertion(current)
  ) {
    current = current.getExpression();
  }
  return current;
}

/** `PluginType.X`, `rt.PluginType.X` or `"X"`, as a PluginType. */
export function pluginTypeOfExpression(expression: Expression | undefined): PluginType | undefined {
  if (!expression) return undefined;
  const value = unwrap(expression);
  if (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) {
    const text = value.getLiteralValue();
    return isPluginType(text) ? text : undefined;
  }
  if (Node.isPropertyAccessExpression(value)) {
    const name = value.getName();
    const owner = value.getExpression();
    const ownerName = Node.isPropertyAccessExpression(owner) ? owner.getName() : owner.getText();
    const runtimeName = runtimeExportName(owner);
    if (isPluginType(name) && (runtimeName === "PluginType" || ownerName === "PluginType")) return name;
  }
  return undefined;
}

/** The type a class declares through its own `pluginType` getter or property. */
function declaredPluginType(declaration: ClassDeclaration): PluginType | undefined {
  const getter = declaration.getGetAccessor("pluginType");
  if (getter && !getter.isStatic()) {
    const returns = getter.getDescendantsOfKind(SyntaxKind.ReturnStatement);
    for (const statement of returns) {
      if (statement.getFirstAncestorByKind(SyntaxKind.GetAccessor) !== getter) continue;
      const type = pluginTypeOfExpression(statement.getExpression());
      if (type) return type;
    }
  }
  const property = declaration.getProperty("pluginType");
  if (property && !property.isStatic()) return pluginTypeOfExpression(property.getInitializer());
  return undefined;
}

export function findPluginClasses(pkg: PackageProject): ClassDeclaration[] {
  const found: ClassDeclaration[] = [];
  for (const file of pkg.sourceFiles()) {
    for (const declaration of file.getClasses()) {
      if (declaration.isAbstract()) continue;
      if (pluginAncestry(declaration)) found.push(declaration);
    }
  }
  return found;
}

function classNameOf(declaration: ClassDeclaration): string {
  return declaration.getName() ?? "default";
}

function describe(pkg: PackageProject, declaration: ClassDeclaration): string {
  return `${classNameOf(declaration)} (${path.relative(pkg.dir, declaration.getSourceFile().getFilePath())})`;
}

/**
 * The package's plugin class, or undefined when it has none. Throws when
 * several classes qualify and package.json `floe.plugin` does not pick one,
 * or when no plugin type can be determined.
 */
export function findPluginClass(pkg: PackageProject): PluginClassInfo | undefined {
  const candidates = findPluginClasses(pkg);
  if (candidates.length === 0) return undefined;
  const wanted = pkg.packageJson.floe?.plugin;
  let chosen = wanted ? candidates.find((c) => classNameOf(c) === wanted) : undefined;
  if (!chosen) {
    const exported = candidates.filter(isExportedClass);
    const pool = exported.length > 0 ? exported : candidates;
    if (pool.length > 1) {
      throw new Error(
        `${pkg.packageJson.name}: several plugin classes (${pool.map((c) => describe(pkg, c)).join(", ")}); ` +
          `name one in package.json "floe": { "plugin": "<ClassName>" }`,
      );
    }
    chosen = pool[0]!;
  }
  const ancestry = pluginAncestry(chosen)!;
  const fromBase = TYPE_BY_BASE_CLASS.get(ancestry.runtimeBase);
  const fromMember = ancestry.chain.map(declaredPluginType).find((t) => t !== undefined);
  const fromPackage = pkg.packageJson.floe?.type;
  const pluginType = fromBase ?? fromMember ?? fromPackage;
  if (!pluginType) {
    throw new Error(
      `${pkg.packageJson.name}: cannot tell the plugin type of ${describe(pkg, chosen)}: extend a per-type base ` +
        `class from @floe/runtime, return PluginType.X from a pluginType getter, or set package.json floe.type`,
    );
  }
  return {
    classDeclaration: chosen,
    sourceFile: chosen.getSourceFile(),
    className: classNameOf(chosen),
    pluginType,
    typeSource: fromBase ? "base-class" : fromMember ? "pluginType-member" : "package.json",
    localChain: ancestry.chain,
    runtimeBase: ancestry.runtimeBase,
    identityBase: ancestry.identityBase,
  };
}
