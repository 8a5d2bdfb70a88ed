/**
 * Small AST helpers shared by the rules: static names of member accesses,
 * property keys and import specifiers, unwrapping of TS-only wrappers, the
 * initializer a `const` binding stands for.
 */
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from "@typescript-eslint/utils";
import type { AnyContext } from "./create-rule.js";

/** Strips wrappers that do not change a value: `x as T`, `x!`, `x satisfies T`, `<T>x`. */
export function unwrapTsExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The string a literal or an expression-free template literal stands for. */
export function literalString(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === "string") return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** `a.b` -> "b", `a["b"]` -> "b", `a[\`b\`]` -> "b"; undefined for dynamic or private keys. */
export function staticMemberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
  }
  return literalString(node.property);
}

type Keyed =
  | TSESTree.Property
  | TSESTree.MethodDefinition
  | TSESTree.PropertyDefinition
  | TSESTree.AccessorProperty
  | TSESTree.TSAbstractMethodDefinition
  | TSESTree.TSAbstractPropertyDefinition
  | TSESTree.TSAbstractAccessorProperty;

/** Static name of an object or class member key (`a`, `"a"`, `["a"]`, `1`); undefined for private/dynamic keys. */
export function staticKeyName(node: Keyed): string | undefined {
  const key = node.key;
  if (!node.computed) {
    if (key.type === AST_NODE_TYPES.Identifier) return key.name;
    if (key.type === AST_NODE_TYPES.Literal) return String(key.value);
    return undefined;
  }
  return literalString(key);
}

/** The export a specifier names: `import { a as b }` -> "a", `import { "a-b" as c }` -> "a-b", `export { a } from "m"` -> "a". */
export function specifierExportName(spec: TSESTree.ImportSpecifier | TSESTree.ExportSpecifier): string {
  const name = spec.type === AST_NODE_TYPES.ImportSpecifier ? spec.imported : spec.local;
  return name.type === AST_NODE_TYPES.Identifier ? name.name : name.value;
}

/** The initializer of `const id = init` when `id` refers to exactly that (not a `let`, a destructuring or a redeclaration). */
export function constInitializer(context: AnyContext, id: TSESTree.Identifier): TSESTree.Expression | undefined {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(id), id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== TSESLint.Scope.DefinitionType.Variable || def.parent?.kind !== "const") return undefined;
  return def.node.id.type === AST_NODE_TYPES.Identifier ? (def.node.init ?? undefined) : undefined;
}

/** The callee of a call as a member expression (`a.b()`, `a?.b()`, `a["b"]()`), if it is one. */
export function calleeMember(call: TSESTree.CallExpression): TSESTree.MemberExpression | undefined {
  const callee = unwrapTsExpression(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee : undefined;
}

/** Finds the property of an object literal with a static key name (ignores spreads). */
export function findProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && staticKeyName(property) === name) return property;
  }
  return undefined;
}

/** Whether a file is TypeScript (decides whether a suggestion may use `override` and type annotations). */
export function isTypeScriptFile(filename: string): boolean {
  return /\.[cm]?tsx?$/i.test(filename);
}

/** Declaration files (`.d.ts`, `.d.mts`, `.d.cts`) hold only ambient declarations. */
export function isDeclarationFile(filename: string): boolean {
  return /\.d\.[cm]?ts$/i.test(filename);
}

/**
 * Whether a node only declares a shape and has no implementation to check: it is in a
 * declaration file, or inside `declare module "x" {}`, `declare global {}`, `declare namespace N {}`.
 */
export function isInAmbientContext(node: TSESTree.Node, filename: string): boolean {
  if (isDeclarationFile(filename)) return true;
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.TSModuleDeclaration && current.declare) return true;
  }
  return false;
}
