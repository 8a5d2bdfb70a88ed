/**
 * `floe/no-unsanitized-span-status`: `span.setStatus({ code: ERROR, message: err.message })`
 * exports the raw error text (connection strings, tokens) as the status
 * description. Wrapping it in `sanitizeErrorMessage(...)` keeps what helps
 * debugging and redacts the rest.
 */
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { calleeMember, findProperty, staticMemberName, unwrapTsExpression } from "../util/ast.js";
import { isBindingTo } from "../util/bindings.js";
import { createRule } from "../util/create-rule.js";
import { mentionsAny } from "../util/text-prefilter.js";
import { isErrorDerived } from "../util/error-derived.js";
import { argumentText, withImport } from "../util/fix-helpers.js";
import { runtimeHelperReference } from "../util/runtime-import.js";
import { receiverCountsAsSpan, SPAN_TYPE_OPTIONS_SCHEMA, type SpanTypeOptions } from "../util/span-type.js";
import { typeServices } from "../util/type-services.js";
import type { AnyContext } from "../util/create-rule.js";

export const RULE_NAME = "no-unsanitized-span-status";
const HELPER = "sanitizeErrorMessage";
/** `SpanStatusCode.ERROR` in `@opentelemetry/api`. */
const SPAN_STATUS_ERROR = 2;

/** `SpanStatusCode.ERROR` (any import form), `2`, or with type information anything typed as that literal. */
function isErrorStatusCode(context: AnyContext, node: TSESTree.Node): boolean {
  const expr = unwrapTsExpression(node);
  if (expr.type === AST_NODE_TYPES.Literal) return expr.value === SPAN_STATUS_ERROR;
  if (expr.type === AST_NODE_TYPES.MemberExpression && staticMemberName(expr) === "ERROR") {
    if (isBindingTo(context, expr.object, "otel", "SpanStatusCode")) return true;
  }
  const services = typeServices(context);
  if (!services) return false;
  const type = services.getTypeAtLocation(expr);
  return type.isNumberLiteral() && type.value === SPAN_STATUS_ERROR;
}

export default createRule<[SpanTypeOptions], "unsanitizedStatus">({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Require error-derived span status messages to go through `sanitizeErrorMessage()`",
      recommended: "error",
      usesTypeInformation: true,
    },
    fixable: "code",
    schema: SPAN_TYPE_OPTIONS_SCHEMA,
    messages: {
      unsanitizedStatus:
        "This span status message is taken from an error and may contain credentials; wrap it in `sanitizeErrorMessage(...)` from @floe/runtime.",
    },
    defaultOptions: [{ requireSpanType: false }],
  },
  defaultOptions: [{ requireSpanType: false }],
  create(context, [options]) {
    if (!mentionsAny(context, ["setStatus"])) return {};
    const sourceCode = context.sourceCode;
    return {
      CallExpression(node) {
        const member = calleeMember(node);
        if (!member || staticMemberName(member) !== "setStatus") return;
        const arg = node.arguments[0] && unwrapTsExpression(node.arguments[0]);
        if (arg?.type !== AST_NODE_TYPES.ObjectExpression) return;
        const code = findProperty(arg, "code");
        const message = findProperty(arg, "message");
        if (!code || !message || message.kind !== "init" || message.method) return;
        if (!isErrorStatusCode(context, code.value)) return;
        const value = message.value;
        if (value.type === AST_NODE_TYPES.AssignmentPattern || value.type === AST_NODE_TYPES.TSEmptyBodyFunctionExpression) return;
        if (!isErrorDerived(context, value)) return;
        if (member.object.type !== AST_NODE_TYPES.Super && !receiverCountsAsSpan(context, member.object, options.requireSpanType ?? false)) {
          return;
        }
        const reference = runtimeHelperReference(context, value, HELPER);
        if (!reference) {
          context.report({ node: value, messageId: "unsanitizedStatus" });
          return;
        }
        const wrapped = `${reference.text}(${argumentText(sourceCode, value)})`;
        context.report({
          node: value,
          messageId: "unsanitizedStatus",
          fix: withImport(reference, (fixer) =>
            message.shorthand ? fixer.replaceText(message, `${sourceCode.getText(message.key)}: ${wrapped}`) : fixer.replaceText(value, wrapped),
          ),
        });
      },
    };
  },
});
