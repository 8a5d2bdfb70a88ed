/**
 * Recognises floe plugin classes and what they declare: a class is a plugin
 * when it extends `PluginMetadata` or one of the per-type contracts
 * (`CONVENTIONS[t].baseClass`) imported from `@floe/runtime`, directly, through
 * an alias or namespace, or through other classes of the same file. A class
 * extending `tracing.Plugin(<contract>)` (the base a generated tracing module's
 * `defineTracing` kit builds) or `withIdentity(<contract>, identity)` is one
 * too, and its identity (tracer name included, for the kit) is declared there.
 * Its plugin type comes from its own `pluginType` member, else from the nearest base.
 */
import { CONVENTIONS, PLUGIN_TYPES, isPluginType, type PluginType } from "@floe/runtime/conventions";
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { constInitializer, literalString, staticKeyName, staticMemberName, unwrapTsExpression } from "./ast.js";
import { isBindingTo, resolveBinding } from "./bindings.js";
import { staticString } from "./static-string.js";
import type { AnyContext } from "./create-rule.js";

const { DefinitionType } = TSESLint.Scope;

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
type ClassMember = TSESTree.ClassElement;

const BASE_CLASS_TYPES: ReadonlyMap<string, PluginType> = new Map(PLUGIN_TYPES.map((t) => [CONVENTIONS[t].baseClass, t]));
const PLUGIN_BASES: ReadonlySet<string> = new Set(["PluginMetadata", ...BASE_CLASS_TYPES.keys()]);

export interface PluginClassInfo {
  /** The plugin type, when it can be determined. */
  readonly pluginType: PluginType | undefined;
  /** The class's own `tracerName` member, if declared. */
  readonly tracerMember: ClassMember | undefined;
  /** Whether a base already declares `tracerName` (a same-file class, or the tracing kit's `Plugin(...)`). */
  readonly inheritsTracerName: boolean;
}

/** The runtime contract an identity base wraps, and whether that base declares the tracer name. */
interface IdentityBase {
  readonly contract: string;
  readonly declaresTracerName: boolean;
}

/**
 * `kit.Plugin(Contract)` (the kit being any binding: the import of `./tracing.js`, or a local
 * `defineTracing(...)` result; defineTracing requires a tracer name) or `withIdentity(Contract, {...})`
 * from @floe/runtime (declares one when its object literal has a `tracerName` property).
 */
function identityBase(context: AnyContext, superClass: TSESTree.Node): IdentityBase | undefined {
  const expr = unwrapTsExpression(superClass);
  if (expr.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const [first, second] = expr.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const contract = resolveBinding(context, first);
  if (contract?.kind !== "runtime" || !PLUGIN_BASES.has(contract.name)) return undefined;
  const callee = unwrapTsExpression(expr.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && staticMemberName(callee) === "Plugin") {
    const kit = unwrapTsExpression(callee.object);
    if (kit.type !== AST_NODE_TYPES.Identifier) return undefined;
    return ASTUtils.findVariable(context.sourceCode.getScope(kit), kit) ? { contract: contract.name, declaresTracerName: true } : undefined;
  }
  if (isBindingTo(context, callee, "runtime", "withIdentity")) {
    const declaresTracerName =
      second?.type === AST_NODE_TYPES.ObjectExpression &&
      second.properties.some((p) => p.type === AST_NODE_TYPES.Property && staticKeyName(p) === "tracerName");
    return { contract: contract.name, declaresTracerName };
  }
  return undefined;
}

/** The class's own non-static member with a given name (getter, method, property, accessor). */
export function findOwnMember(node: ClassNode, name: string): ClassMember | undefined {
  for (const member of node.body.body) {
    if (
      (member.type === AST_NODE_TYPES.MethodDefinition ||
        member.type === AST_NODE_TYPES.PropertyDefinition ||
        member.type === AST_NODE_TYPES.AccessorProperty ||
        member.type === AST_NODE_TYPES.TSAbstractMethodDefinition ||
        member.type === AST_NODE_TYPES.TSAbstractPropertyDefinition ||
        member.type === AST_NODE_TYPES.TSAbstractAccessorProperty) &&
      !member.static &&
      (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== "set") &&
      staticKeyName(member) === name
    ) {
      return member;
    }
  }
  return undefined;
}

/** The expression a member yields: a property's initializer or a getter's (first top-level) return value. */
export function memberValue(member: ClassMember): TSESTree.Expression | undefined {
  if (
    member.type === AST_NODE_TYPES.PropertyDefinition ||
    member.type === AST_NODE_TYPES.AccessorProperty
  ) {
    return member.value ?? undefined;
  }
  if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === "get" && member.value.body) {
    for (const statement of member.value.body.body) {
      if (statement.type === AST_NODE_TYPES.ReturnStatement) return statement.argument ?? undefined;
    }
  }
  return undefined;
}

export function pluginTypeFromExpression(context: AnyContext, node: TSESTree.Node, depth = 0): PluginType | undefined {
  const expr = unwrapTsExpression(node);
  const literal = literalString(expr);
  if (literal !== undefined) return isPluginType(literal) ? literal : undefined;
  if (expr.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticMemberName(expr);
    if (name !== undefined && isPluginType(name) && isBindingTo(context, expr.object, "runtime", "PluginType")) return name;
  }
  // `const TYPE = PluginType.TELEMETRY_BACKEND` (or "TELEMETRY_BACKEND") used as the value
  const init = expr.type === AST_NODE_TYPES.Identifier && depth < 4 ? constInitializer(context, expr) : undefined;
  if (init) return pluginTypeFromExpression(context, init, depth + 1);
  // With type information, anything typed as a PluginType literal (`typeof PluginType.SECRETS`)
  const fromTypes = staticString(context, expr);
  return fromTypes !== undefined && isPluginType(fromTypes) ? fromTypes : undefined;
}

/** The type declared by the class's own `pluginType` member, if any. */
function ownPluginType(context: AnyContext, node: ClassNode): PluginType | undefined {
  const member = findOwnMember(node, "pluginType");
  const value = member && memberValue(member);
  return value ? pluginTypeFromExpression(context, value) : undefined;
}

/** A class declared in this file that `superClass` refers to. */
function localClass(context: AnyContext, superClass: TSESTree.Node): ClassNode | undefined {
  const expr = unwrapTsExpression(superClass);
  if (expr.type === AST_NODE_TYPES.ClassExpression) return expr;
  if (expr.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(expr), expr);
  const def = variable?.defs[0];
  if (!def) return undefined;
  if (def.type === DefinitionType.ClassName) return def.node;
  if (def.type === DefinitionType.Variable && def.node.init?.type === AST_NODE_TYPES.ClassExpression) return def.node.init;
  return undefined;
}

/**
 * Analyses per class node, shared by require-tracer-name and valid-tracer-name
 * (both ask about every class of a file; the answer depends only on the file).
 */
const analyses = new WeakMap<ClassNode, PluginClassInfo | null>();

/** Analyzes a class; undefined when it is not a floe plugin class. */
export function analyzePluginClass(context: AnyContext, node: ClassNode): PluginClassInfo | undefined {
  const known = analyses.get(node);
  if (known !== undefined) return known ?? undefined;
  const info = analyzeClass(context, node, new Set<ClassNode>());
  analyses.set(node, info ?? null);
  return info;
}

function analyzeClass(context: AnyContext, node: ClassNode, seen: Set<ClassNode>): PluginClassInfo | undefined {
  if (!node.superClass || seen.has(node) || seen.size > 8) return undefined;
  seen.add(node);
  const tracerMember = findOwnMember(node, "tracerName");

  const identified = identityBase(context, node.superClass);
  if (identified) {
    const pluginType = BASE_CLASS_TYPES.get(identified.contract) ?? ownPluginType(context, node);
    return { pluginType, tracerMember, inheritsTracerName: identified.declaresTracerName };
  }
  const imported = resolveBinding(context, node.superClass);
  if (imported?.kind === "runtime" && PLUGIN_BASES.has(imported.name)) {
    // A per-type base fixes the type (TypeScript rejects a conflicting override); only PluginMetadata needs the class's own.
    const pluginType = BASE_CLASS_TYPES.get(imported.name) ?? ownPluginType(context, node);
    return { pluginType, tracerMember, inheritsTracerName: false };
  }
  const base = localClass(context, node.superClass);
  if (!base) return undefined;
  const baseInfo = analyzeClass(context, base, seen);
  if (!baseInfo) return undefined;
  return {
    pluginType: ownPluginType(context, node) ?? baseInfo.pluginType,
    tracerMember,
    inheritsTracerName: baseInfo.inheritsTracerName || baseInfo.tracerMember !== undefined,
  };
}

/** The node a class-level report points at: its name, else its `extends` clause. */
export function classReportNode(node: ClassNode): TSESTree.Node {
  return node.id ?? node.superClass ?? node;
}
