/**
 * Which local names a file binds to a module's exports: named imports with
 * aliases, namespace and default imports, `require` destructuring and
 * `const ns = require(...)`. Transforms match bindings, never raw text, so
 * `import { SpanStatusCode as S }` and `otel.SpanStatusCode` are recognised
 * and a local function that merely shares a name is not.
 */
import type { AnyNode } from "./ast.js";

export interface ModuleBindings {
  /** export name -> local names bound to it */
  readonly named: Map<string, Set<string>>;
  /** locals bound to the whole module (`import * as ns`, default import, `const ns = require()`) */
  readonly namespaces: Set<string>;
}

/** `require("m")` (possibly `await import`-free, plain require only). */
export function requiredModule(node: AnyNode | undefined | null): string | undefined {
  if (!node || node.type !== "CallExpression") return undefined;
  if (node.callee.type !== "Identifier" || node.callee.name !== "require") return undefined;
  const arg = node.arguments[0] as AnyNode | undefined;
  return arg && arg.type === "StringLiteral" ? arg.value : undefined;
}

function addNamed(bindings: ModuleBindings, exported: string, local: string): void {
  let set = bindings.named.get(exported);
  if (!set) bindings.named.set(exported, (set = new Set()));
  set.add(local);
}

/** Value bindings (type-only imports excluded) of any of `modules` in a program. */
export function moduleBindings(program: AnyNode, modules: readonly string[]): ModuleBindings {
  const bindings: ModuleBindings = { named: new Map(), namespaces: new Set() };
  for (const stmt of program.body as AnyNode[]) {
    if (stmt.type === "ImportDeclaration" && modules.includes(stmt.source.value) && stmt.importKind !== "type") {
      for (const spec of stmt.specifiers as AnyNode[]) {
        if (spec.type === "ImportSpecifier" && spec.importKind !== "type") {
          const imported = spec.imported.type === "StringLiteral" ? spec.imported.value : spec.imported.name;
          addNamed(bindings, imported, spec.local.name);
        } else if (spec.type === "ImportNamespaceSpecifier" || spec.type === "ImportDefaultSpecifier") {
          bindings.namespaces.add(spec.local.name);
        }
      }
    } else if (stmt.type === "TSImportEqualsDeclaration" && stmt.importKind !== "type" && stmt.moduleReference.type === "TSExternalModuleReference") {
      if (modules.includes(stmt.moduleReference.expression.value)) bindings.namespaces.add(stmt.id.name);
    } else if (stmt.type === "VariableDeclaration") {
      for (const decl of stmt.declarations as AnyNode[]) {
        const mod = requiredModule(unwrapAwait(decl.init));
        if (!mod || !modules.includes(mod)) continue;
        if (decl.id.type === "Identifier") bindings.namespaces.add(decl.id.name);
        if (decl.id.type === "ObjectPattern") {
          for (const prop of decl.id.properties as AnyNode[]) {
            if ((prop.type === "ObjectProperty" || prop.type === "Property") && prop.key.type === "Identifier" && prop.value.type === "Identifier") {
              addNamed(bindings, prop.key.name, prop.value.name);
            }
          }
        }
      }
    }
  }
  return bindings;
}

function unwrapAwait(node: AnyNode | null | undefined): AnyNode | undefined {
  return node ?? undefined;
}

/** Whether the identifier at `path` refers to the module-level binding (not a shadowing local). */
export function isModuleLevelReference(path: any, name: string): boolean {
  const scope = path.scope?.lookup?.(name);
  return !scope || scope.isGlobal === true;
}

/**
 * Whether `node` (at `path`) refers to `exportName` of the module:
 * `local` for a named import, or `ns.exportName` for a namespace binding.
 */
export function refersToExport(node: AnyNode, path: any, bindings: ModuleBindings, exportName: string): boolean {
  if (node.type === "Identifier") {
    return !!bindings.named.get(exportName)?.has(node.name) && isModuleLevelReference(path, node.name);
  }
  if ((node.type === "MemberExpression" || node.type === "OptionalMemberExpression") && !node.computed) {
    const obj = node.object as AnyNode;
    return (
      obj.type === "Identifier" &&
      node.property.type === "Identifier" &&
      node.property.name === exportName &&
      bindings.namespaces.has(obj.name) &&
      isModuleLevelReference(path, obj.name)
    );
  }
  return false;
}
