/**
 * Binding resolution on the jscodeshift (Babel) AST, the codemod's port of
 * eslint-plugin-floe's `util/bindings.ts`: what an identifier or member
 * expression refers to, following aliases (`const S = SpanStatusCode`),
 * namespaces (`import * as api`, `import api = require()`, `require()`),
 * destructuring (`const { SpanStatusCode: S } = api`) and shadowing (scope
 * lookup), so the codemod matches the same code the lint rules match.
 * Re-exports through project modules are not followed (the lint rules need
 * type information or settings for those too).
 */
import { RUNTIME_MODULE } from "@floe/runtime/conventions";
import { isMemberLike, memberPropertyName, propertyKeyName, unwrapTs, type AnyNode } from "./ast.js";

export const OTEL_API_MODULE = "@opentelemetry/api";

export type ModuleKind = "runtime" | "otel";

export interface ResolvedBinding {
  readonly source: string;
  readonly kind: ModuleKind | undefined;
  /** The export name, or `"*"` for the whole module. */
  readonly name: string;
}

const MAX_DEPTH = 6;

export function moduleKind(source: string): ModuleKind | undefined {
  if (source === RUNTIME_MODULE || source.startsWith(`${RUNTIME_MODULE}/`)) return "runtime";
  if (source === OTEL_API_MODULE) return "otel";
  return undefined;
}

/** The path of the identifier that declares `name` as seen from `path`, when there is exactly one. */
export function bindingPath(path: any, name: string): any | undefined {
  const scope = path?.scope?.lookup?.(name);
  const bindings = scope?.getBindings?.()[name] as any[] | undefined;
  return bindings?.length === 1 ? bindings[0] : undefined;
}

/** Whether `name` at `path` is a global (no declaration in the file). */
export function isUnshadowedGlobal(path: any, name: string): boolean {
  return !path?.scope?.lookup?.(name);
}

/**
 * `import api = require("m")` at the top level (ast-types' scopes do not declare its name):
 * the whole module.
 */
function topLevelImportEquals(path: any, name: string): ResolvedBinding | undefined {
  let root = path;
  while (root?.parent) root = root.parent;
  const program = (root?.node?.type === "File" ? root.node.program : root?.node) as AnyNode | undefined;
  for (const stmt of (program?.body ?? []) as AnyNode[]) {
    if (stmt.type !== "TSImportEqualsDeclaration" || stmt.id?.name !== name || stmt.importKind === "type") continue;
    const ref = stmt.moduleReference as AnyNode;
    if (ref.type !== "TSExternalModuleReference") return undefined;
    const source = ref.expression.value as string;
    return { source, kind: moduleKind(source), name: "*" };
  }
  return undefined;
}

/** Names assigned anywhere in a scope's node (one walk per scope, however many lookups). */
const assignedNames = new WeakMap<object, Set<string>>();

/** Whether the binding is never assigned after its declaration. */
function isNeverReassigned(scopeNode: AnyNode, name: string): boolean {
  if (!scopeNode) return false;
  let names = assignedNames.get(scopeNode);
  if (!names) assignedNames.set(scopeNode, (names = collectAssigned(scopeNode)));
  return !names.has(name);
}

function collectAssigned(scopeNode: AnyNode): Set<string> {
  const names = new Set<string>();
  const visit = (node: any): void => {
    if (!node || typeof node.type !== "string") return;
    if (node.type === "AssignmentExpression" && node.left.type === "Identifier") names.add(node.left.name);
    if (node.type === "UpdateExpression" && node.argument.type === "Identifier") names.add(node.argument.name);
    for (const key of Object.keys(node)) {
      if (key === "loc" || key === "extra" || key === "comments" || key === "tokens") continue;
      const child = node[key];
      if (Array.isArray(child)) child.forEach(visit);
      else if (child && typeof child.type === "string") visit(child);
    }
  };
  visit(scopeNode);
  return names;
}

/** `require("m")` with the global `require`: the module name. */
function requiredModule(node: AnyNode, path: any): string | undefined {
  if (node.type !== "CallExpression" || node.callee.type !== "Identifier" || node.callee.name !== "require") return undefined;
  if (node.arguments.length !== 1 || node.arguments[0].type !== "StringLiteral") return undefined;
  if (!isUnshadowedGlobal(path, "require")) return undefined;
  return node.arguments[0].value as string;
}

/** Resolves an expression (at `path`, used for scope lookups) to the module export it denotes. */
export function resolveBinding(node: AnyNode, path: any, depth = 0): ResolvedBinding | undefined {
  if (depth > MAX_DEPTH || !node) return undefined;
  const expr = unwrapTs(node);
  if (expr.type === "Identifier") {
    const decl = bindingPath(path, expr.name);
    if (decl) return resolveDeclaration(decl, expr.name, depth);
    return isUnshadowedGlobal(path, expr.name) ? topLevelImportEquals(path, expr.name) : undefined;
  }
  if (isMemberLike(expr)) {
    const name = memberPropertyName(expr);
    if (name === undefined) return undefined;
    const object = resolveBinding(expr.object, path, depth + 1);
    return object?.name === "*" ? { ...object, name } : undefined;
  }
  if (expr.type === "CallExpression") {
    const source = requiredModule(expr, path);
    return source !== undefined ? { source, kind: moduleKind(source), name: "*" } : undefined;
  }
  return undefined;
}

/** Whether `node` resolves to export `names` of a module of `kind`. */
export function isBindingTo(node: AnyNode, path: any, kind: ModuleKind, names: ReadonlySet<string> | string): boolean {
  const resolved = resolveBinding(node, path);
  if (!resolved || resolved.kind !== kind) return false;
  return typeof names === "string" ? resolved.name === names : names.has(resolved.name);
}

function resolveDeclaration(idPath: any, name: string, depth: number): ResolvedBinding | undefined {
  const parent = idPath.parent?.node as AnyNode | undefined;
  if (!parent) return undefined;
  switch (parent.type) {
    case "ImportSpecifier":
    case "ImportDefaultSpecifier":
    case "ImportNamespaceSpecifier": {
      const decl = idPath.parent.parent?.node as AnyNode | undefined;
      if (decl?.type !== "ImportDeclaration") return undefined;
      const source = decl.source.value as string;
      const exported =
        parent.type === "ImportSpecifier"
          ? parent.imported.type === "StringLiteral"
            ? parent.imported.value
            : parent.imported.name
          : parent.type === "ImportDefaultSpecifier"
            ? "default"
            : "*";
      return { source, kind: moduleKind(source), name: exported };
    }
    case "TSImportEqualsDeclaration": {
      const ref = parent.moduleReference as AnyNode;
      if (ref.type === "TSExternalModuleReference") {
        const source = ref.expression.value as string;
        return { source, kind: moduleKind(source), name: "*" };
      }
      return resolveEntityName(ref, idPath.parent, depth + 1);
    }
    case "VariableDeclarator": {
      if (parent.id !== idPath.node || !parent.init) return undefined;
      if (!isNeverReassigned(idPath.scope?.node, name)) return undefined;
      return resolveBinding(parent.init, idPath.parent, depth + 1);
    }
    default:
      return resolveDestructured(idPath, name, depth);
  }
}

/** `const { a: x } = ns` / `const { a } = require("m")`: the top-level property `x` comes from. */
function resolveDestructured(idPath: any, name: string, depth: number): ResolvedBinding | undefined {
  let valuePath = idPath;
  if (valuePath.parent?.node.type === "AssignmentPattern" && valuePath.parent.node.left === valuePath.node) valuePath = valuePath.parent;
  const prop = valuePath.parent?.node as AnyNode | undefined;
  if (!prop || (prop.type !== "ObjectProperty" && prop.type !== "Property") || prop.value !== valuePath.node) return undefined;
  const pattern = valuePath.parent.parent?.node as AnyNode | undefined;
  const declarator = valuePath.parent.parent?.parent?.node as AnyNode | undefined;
  if (pattern?.type !== "ObjectPattern" || declarator?.type !== "VariableDeclarator" || declarator.id !== pattern || !declarator.init) return undefined;
  const key = propertyKeyName(prop);
  if (key === undefined || !isNeverReassigned(idPath.scope?.node, name)) return undefined;
  const object = resolveBinding(declarator.init, valuePath.parent.parent.parent, depth + 1);
  return object?.name === "*" ? { ...object, name: key } : undefined;
}

function resolveEntityName(ref: AnyNode, path: any, depth: number): ResolvedBinding | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (ref.type === "Identifier") return resolveBinding(ref, path, depth + 1);
  if (ref.type !== "TSQualifiedName") return undefined;
  const object = resolveEntityName(ref.left, path, depth + 1);
  return object?.name === "*" ? { ...object, name: ref.right.name } : undefined;
}
