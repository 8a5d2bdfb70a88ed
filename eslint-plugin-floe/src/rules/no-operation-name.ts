/**
 * `floe/no-operation-name`: the legacy `traced({ operationName })` option. The
 * unified `traced` of `@floe/runtime` takes `name`; the fix renames the key (value
 * and comments untouched). The legacy `traced` import itself is
 * `floe/no-legacy-tracing-import`'s business.
 */
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { findProperty, unwrapTsExpression } from "../util/ast.js";
import { isTracedCallee } from "../util/bindings.js";
import { createRule } from "../util/create-rule.js";
import { mentionsAny } from "../util/text-prefilter.js";

export const RULE_NAME = "no-operation-name";
const LEGACY_OPTION = "operationName";

type MessageIds = "operationName" | "operationNameWithName";

export default createRule<[], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow the legacy `operationName` option of `traced()`; use `name`",
      recommended: "error",
    },
    fixable: "code",
    schema: [],
    messages: {
      operationName: "`operationName` is the legacy option of `traced`; use `name`.",
      operationNameWithName: "`operationName` is the legacy option of `traced` and is ignored next to `name`; remove it.",
    },
  },
  defaultOptions: [],
  create(context) {
    if (!mentionsAny(context, ["operationName"])) return {};
    const sourceCode = context.sourceCode;

    function checkOptions(options: TSESTree.ObjectExpression): void {
      const legacy = findProperty(options, LEGACY_OPTION);
      if (!legacy || legacy.kind !== "init" || legacy.method) return;
      if (findProperty(options, "name")) {
        context.report({ node: legacy.key, messageId: "operationNameWithName" });
        return;
      }
      context.report({
        node: legacy.key,
        messageId: "operationName",
        fix: (fixer) =>
          legacy.shorthand
            ? fixer.insertTextBefore(legacy.key, "name: ")
            : legacy.computed
              ? fixer.replaceTextRange([legacy.range[0], closingBracketEnd(legacy)], "name")
              : fixer.replaceText(legacy.key, "name"),
      });
    }

    /** End of `]` of a computed key `["operationName"]: value`. */
    function closingBracketEnd(property: TSESTree.Property): number {
      return sourceCode.getTokenAfter(property.key, (t) => t.value === "]")!.range[1];
    }

    return {
      CallExpression(node) {
        const arg = node.arguments[0] && unwrapTsExpression(node.arguments[0]);
        if (arg?.type !== AST_NODE_TYPES.ObjectExpression) return;
        if (!findProperty(arg, LEGACY_OPTION)) return;
        if (isTracedCallee(context, node.callee)) checkOptions(arg);
      },
    };
  },
});
