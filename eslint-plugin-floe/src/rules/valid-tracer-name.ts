/**
 * `floe/valid-tracer-name`: a plugin's declared tracer name follows
 * `floe.{category}.{implementation}` and its category is the one the
 * conventions assign to the plugin's type (`RBAC` -> `security`, ...).
 * Telemetry backends must not declare one. The same holds where a generated
 * tracing module declares it, `defineTracing({ tracerName, pluginType })`
 * (the declaration `tracing.Plugin(...)` classes take theirs from). Values
 * that cannot be known statically are not reported.
 */
import {
  CONVENTIONS,
  deriveTracerName,
  isInstrumentedType,
  parseTracerName,
  tracerNameProblems,
  typesForCategory,
  type PluginType,
} from "@floe/runtime/conventions";
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { literalString, unwrapTsExpression } from "../util/ast.js";
import { createRule } from "../util/create-rule.js";
import { mentionsAny } from "../util/text-prefilter.js";
import { packageNameOfFile } from "../util/package-json.js";
import { isBindingTo } from "../util/bindings.js";
import { analyzePluginClass, memberValue, pluginTypeFromExpression } from "../util/plugin-class.js";
import { staticString } from "../util/static-string.js";

export const RULE_NAME = "valid-tracer-name";

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
type MessageIds = "invalidFormat" | "unknownCategory" | "wrongCategory" | "notInstrumented" | "useConventionalName";

export default createRule<[], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Require `tracerName` to match `floe.{category}.{implementation}` with the category of the plugin type",
      recommended: "error",
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      invalidFormat: 'Tracer name "{{value}}" does not match `floe.{category}.{implementation}` (lowercase, e.g. "floe.alert.slack").',
      unknownCategory: 'Tracer name "{{value}}" uses the unknown category "{{category}}".',
      wrongCategory: 'Tracer name "{{value}}" has category "{{category}}" but {{type}} plugins use "{{expected}}".',
      notInstrumented: "{{type}} plugins are never instrumented and must not declare a tracerName.",
      useConventionalName: 'Use the conventional name "{{tracerName}}".',
    },
  },
  defaultOptions: [],
  create(context) {
    if (!mentionsAny(context, ["extends", "defineTracing"])) return {};
    function check(node: ClassNode): void {
      const info = analyzePluginClass(context, node);
      if (!info?.tracerMember) return;
      const valueNode = memberValue(info.tracerMember);
      const type = info.pluginType;
      if (type && !isInstrumentedType(type)) {
        context.report({ node: "key" in info.tracerMember ? info.tracerMember.key : info.tracerMember, messageId: "notInstrumented", data: { type } });
        return;
      }
      if (!valueNode) return;
      const value = staticString(context, valueNode);
      if (value === undefined) return;
      const parsed = parseTracerName(value);
      if (!parsed) {
        context.report({ node: valueNode, messageId: "invalidFormat", data: { value }, suggest: suggestion(valueNode, type) });
        return;
      }
      if (type) {
        if (tracerNameProblems(type, value).length === 0) return;
        context.report({
          node: valueNode,
          messageId: "wrongCategory",
          data: { value, category: parsed.category, type, expected: CONVENTIONS[type].category },
          suggest: suggestion(valueNode, type),
        });
        return;
      }
      if (typesForCategory(parsed.category).length === 0) {
        context.report({ node: valueNode, messageId: "unknownCategory", data: { value, category: parsed.category } });
      }
    }

    /** Offers the derived name when the value is a literal written right here (not a shared constant). */
    function suggestion(valueNode: TSESTree.Expression, type: PluginType | undefined) {
      const literal = unwrapTsExpression(valueNode);
      const packageName = packageNameOfFile(context.filename);
      if (!type || !packageName || literalString(literal) === undefined) return [];
      if (literal.type !== AST_NODE_TYPES.Literal && literal.type !== AST_NODE_TYPES.TemplateLiteral) return [];
      const tracerName = deriveTracerName(type, packageName);
      return [
        {
          messageId: "useConventionalName" as const,
          data: { tracerName },
          fix: (fixer: TSESLint.RuleFixer) =>
            fixer.replaceText(literal, JSON.stringify(tracerName)),
        },
      ];
    }

    /** `defineTracing({ tracerName, pluginType, ... })` from @floe/runtime: the kit's declared name. */
    function checkDefineTracing(node: TSESTree.CallExpression): void {
      if (!isBindingTo(context, node.callee, "runtime", "defineTracing")) return;
      const spec = node.arguments[0];
      if (spec?.type !== AST_NODE_TYPES.ObjectExpression) return;
      const property = (key: string) =>
        spec.properties.find(
          (p): p is TSESTree.Property =>
            p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === key,
        );
      const nameNode = property("tracerName")?.value;
      const typeNode = property("pluginType")?.value;
      if (!nameNode || nameNode.type === AST_NODE_TYPES.AssignmentPattern || !typeNode) return;
      const value = staticString(context, nameNode);
      const type = typeNode.type === AST_NODE_TYPES.AssignmentPattern ? undefined : pluginTypeFromExpression(context, typeNode);
      if (value === undefined || type === undefined || !isInstrumentedType(type)) return;
      const parsed = parseTracerName(value);
      if (!parsed) {
        context.report({ node: nameNode, messageId: "invalidFormat", data: { value } });
      } else if (tracerNameProblems(type, value).length > 0) {
        context.report({
          node: nameNode,
          messageId: "wrongCategory",
          data: { value, category: parsed.category, type, expected: CONVENTIONS[type].category },
        });
      }
    }

    return { ClassDeclaration: check, ClassExpression: check, CallExpression: checkDefineTracing };
  },
});
