/**
 * Binding resolution: what an identifier or member expression really refers
 * to. Rules match `traced`, `SpanStatusCode`, `PluginMetadata`... by the
 * import they come from, never by their text, following
 *
 * - aliases: `import { traced as t }`, `const t = traced`
 * - namespaces: `import * as rt`, `rt.traced`, `import rt = require(...)`, `require(...)`
 * - destructuring: `const { traced } = rt`, `const { SpanStatusCode: S } = require("@opentelemetry/api")`
 * - shadowing: scope analysis, so a local `traced` parameter is not the import
 * - re-exports: declared in settings (see modules.ts) or, with type information,
 *   followed by the checker to the package that declares the symbol.
 */
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { specifierExportName, staticKeyName, staticMemberName, unwrapTsExpression } from "./ast.js";
import { moduleKind, packageKind, type ModuleKind } from "./modules.js";
import { packageNameOfFile } from "./package-json.js";
import { typeServices } from "./type-services.js";
import type { AnyContext } from "./create-rule.js";

const { DefinitionType } = TSESLint.Scope;

/** What a reference resolves to: a named export (`name`) of a module, or the whole namespace (`"*"`). */
export interface ResolvedBinding {
  readonly source: string;
  readonly kind: ModuleKind | undefined;
  readonly name: string;
}

const MAX_DEPTH = 6;

/** Resolves an expression to the module export it denotes, or undefined (locals, globals, dynamic values). */
export function resolveBinding(context: AnyContext, node: TSESTree.Node, depth = 0): ResolvedBinding | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expr = unwrapTsExpression(node);
  switch (expr.type) {
    case AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(expr), expr);
      return variable ? resolveVariable(context, variable, depth) : undefined;
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = staticMemberName(expr);
      if (name === undefined) return undefined;
      const object = resolveBinding(context, expr.object, depth + 1);
      return object?.name === "*" ? { ...object, name } : undefined;
    }
    case AST_NODE_TYPES.ChainExpression:
      return resolveBinding(context, expr.expression, depth + 1);
    case AST_NODE_TYPES.CallExpression:
      return requiredModule(context, expr);
    default:
      return undefined;
  }
}

/** Whether `node` resolves to export `name` (one of `names`) of a module of `kind`. */
export function isBindingTo(
  context: AnyContext,
  node: TSESTree.Node,
  kind: ModuleKind,
  names: ReadonlySet<string> | string,
): ResolvedBinding | undefined {
  const resolved = resolveBinding(context, node);
  if (!resolved || resolved.kind !== kind) return undefined;
  const matches = typeof names === "string" ? resolved.name === names : names.has(resolved.name);
  return matches ? resolved : undefined;
}

/** Whether a callee is `traced`, of `@floe/runtime` or of the legacy module, in any import form. */
export function isTracedCallee(context: AnyContext, callee: TSESTree.Node): boolean {
  const resolved = resolveBinding(context, callee);
  return resolved?.name === "traced" && (resolved.kind === "runtime" || resolved.kind === "legacy-traced");
}

function requiredModule(context: AnyContext, call: TSESTree.CallExpression): ResolvedBinding | undefined {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== "require" || call.arguments.length !== 1) return undefined;
  const arg = call.arguments[0]!;
  if (arg.type !== AST_NODE_TYPES.Literal || typeof arg.value !== "string") return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(call), callee);
  if (variable && variable.defs.length > 0) return undefined; // a local `require`, not CommonJS
  return { source: arg.value, kind: moduleKind(context, arg.value), name: "*" };
}

/** A variable's binding never changes within a file, and rules ask about the same few imports over and over. */
const resolvedVariables = new WeakMap<TSESLint.Scope.Variable, ResolvedBinding | null>();

function resolveVariable(context: AnyContext, variable: TSESLint.Scope.Variable, depth: number): ResolvedBinding | undefined {
  const known = resolvedVariables.get(variable);
  if (known !== undefined) return known ?? undefined;
  const resolved = resolveVariableUncached(context, variable, depth);
  if (depth === 0) resolvedVariables.set(variable, resolved ?? null);
  return resolved;
}

function resolveVariableUncached(context: AnyContext, variable: TSESLint.Scope.Variable, depth: number): ResolvedBinding | undefined {
  const def = variable.defs[0];
  if (!def || variable.defs.length !== 1) return undefined;
  if (def.type === DefinitionType.ImportBinding) return resolveImport(context, def.node, def.name, depth);
  if (def.type === DefinitionType.Variable) {
    const declarator = def.node;
    if (!declarator.init || !isNeverReassigned(variable)) return undefined;
    if (declarator.id.type === AST_NODE_TYPES.Identifier) return resolveBinding(context, declarator.init, depth + 1);
    if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
      const key = destructuredKey(declarator.id, def.name);
      if (key === undefined) return undefined;
      const object = resolveBinding(context, declarator.init, depth + 1);
      return object?.name === "*" ? { ...object, name: key } : undefined;
    }
  }
  return undefined;
}

function isNeverReassigned(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.every((ref) => !ref.isWrite() || ref.init === true);
}

/** `{ a: x }` with x -> "a"; `{ a }` -> "a"; `{ a = 1 }` -> "a". Top level of the pattern only. */
function destructuredKey(pattern: TSESTree.ObjectPattern, target: TSESTree.Identifier): string | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value === target) return staticKeyName(property);
  }
  return undefined;
}

/** `import A = ns.SpanStatusCode` (an entity name): the export of the namespace `ns` resolves to. */
function resolveEntityName(context: AnyContext, name: TSESTree.EntityName, depth: number): ResolvedBinding | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (name.type === AST_NODE_TYPES.Identifier) return resolveBinding(context, name, depth + 1);
  if (name.type !== AST_NODE_TYPES.TSQualifiedName) return undefined;
  const object = resolveEntityName(context, name.left, depth + 1);
  return object?.name === "*" ? { ...object, name: name.right.name } : undefined;
}

function resolveImport(
  context: AnyContext,
  node: TSESTree.Node,
  local: TSESTree.Identifier,
  depth: number,
): ResolvedBinding | undefined {
  if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const ref = node.moduleReference;
    if (ref.type === AST_NODE_TYPES.TSExternalModuleReference && ref.expression.type === AST_NODE_TYPES.Literal) {
      const source = String(ref.expression.value);
      return { source, kind: moduleKind(context, source), name: "*" };
    }
    return ref.type === AST_NODE_TYPES.TSExternalModuleReference ? undefined : resolveEntityName(context, ref, depth + 1);
  }
  const declaration = node.parent;
  if (!declaration || declaration.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
  const source = declaration.source.value;
  let name: string;
  if (node.type === AST_NODE_TYPES.ImportSpecifier) {
    name = specifierExportName(node);
  } else if (node.type === AST_NODE_TYPES.ImportDefaultSpecifier) {
    name = "default";
  } else if (node.type === AST_NODE_TYPES.ImportNamespaceSpecifier) {
    name = "*";
  } else {
    return undefined;
  }
  const kind = moduleKind(context, source);
  if (kind !== undefined || name === "*") return { source, kind, name };
  return resolveThroughTypes(context, local, source) ?? { source, kind, name };
}

/**
 * For an import from a module the rules do not know (a project module that re-exports
 * `@floe/runtime` or `@opentelemetry/api`), asks the type checker where the symbol is declared.
 */
function resolveThroughTypes(context: AnyContext, local: TSESTree.Identifier, source: string): ResolvedBinding | undefined {
  const services = typeServices(context);
  if (!services) return undefined;
  const checker = services.program.getTypeChecker();
  const tsNode = services.esTreeNodeToTSNodeMap.get(local);
  const importSymbol = checker.getSymbolAtLocation(tsNode);
  if (!importSymbol) return undefined;
  // `local` is an import binding (named or default), whose symbol is always an alias: no
  // `SymbolFlags` test needed (its numbers are TypeScript-version specific).
  const symbol = checker.getAliasedSymbol(importSymbol);
  const declaration = symbol.declarations?.[0];
  if (!declaration) return undefined;
  const kind = packageKind(packageNameOfFile(declaration.getSourceFile().fileName));
  return kind ? { source, kind, name: symbol.getName() } : undefined;
}
