/**
 * `floe/no-sensitive-span-attributes`: span attributes are exported verbatim
 * to every tracing backend. A key that names a secret (`db.password`,
 * `clientSecret`; per `isSensitiveAttributeKey` of the conventions) or a
 * literal value the sanitizer would redact is a leak waiting to happen.
 *
 * Checked: `span.setAttribute(k, v)`, `span.setAttributes({...})`, the
 * `attributes` of span options (`tracer.startSpan(name, opts)`,
 * `startActiveSpan(name, opts, fn)`) and of `traced({ attributes })`.
 */
import { isSensitiveAttributeKey } from "@floe/runtime/conventions";
// the sanitizer alone: the package root would load the OpenTelemetry SDK into ESLint
import { sanitizeErrorMessage } from "@floe/runtime/sanitize";
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/utils";
import { calleeMember, findProperty, literalString, staticKeyName, staticMemberName, unwrapTsExpression } from "../util/ast.js";
import { isTracedCallee } from "../util/bindings.js";
import { createRule } from "../util/create-rule.js";
import { mentionsAny } from "../util/text-prefilter.js";
import { receiverCountsAsSpan, SPAN_TYPE_OPTIONS_SCHEMA, type SpanTypeOptions } from "../util/span-type.js";
import { staticString } from "../util/static-string.js";

export const RULE_NAME = "no-sensitive-span-attributes";

const SPAN_STARTERS: ReadonlySet<string> = new Set(["startSpan", "startActiveSpan"]);

/** Shorter literals cannot hold a credential any sanitizer rule recognises; skip the work. */
const MIN_CREDENTIAL_LENGTH = 8;
/** Literal values repeat across a code base too (`"POST"`, operation names): remember the verdicts (bounded). */
const valueVerdicts = new Map<string, boolean>();
/** Whether the sanitizer would redact part of a literal value (length limits aside). */
function looksLikeCredential(value: string): boolean {
  if (value.length < MIN_CREDENTIAL_LENGTH) return false;
  let verdict = valueVerdicts.get(value);
  if (verdict === undefined) {
    verdict = sanitizeErrorMessage(value, { maxLength: value.length + 1 }) !== value;
    if (valueVerdicts.size > 10_000) valueVerdicts.clear();
    valueVerdicts.set(value, verdict);
  }
  return verdict;
}

/** Attribute keys repeat across a code base: remember the verdicts (bounded). */
const keyVerdicts = new Map<string, boolean>();
function isSensitiveKey(key: string): boolean {
  let verdict = keyVerdicts.get(key);
  if (verdict === undefined) {
    verdict = isSensitiveAttributeKey(key);
    if (keyVerdicts.size > 10_000) keyVerdicts.clear();
    keyVerdicts.set(key, verdict);
  }
  return verdict;
}

export default createRule<[SpanTypeOptions], "sensitiveKey" | "sensitiveValue">({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Disallow span attributes whose key names a secret or whose literal value looks like a credential",
      recommended: "warn",
      usesTypeInformation: true,
    },
    schema: SPAN_TYPE_OPTIONS_SCHEMA,
    messages: {
      sensitiveKey: 'Span attribute "{{key}}" names a secret; its value would be exported to every tracing backend.',
      sensitiveValue: "This span attribute value looks like a credential; it would be exported to every tracing backend.",
    },
    defaultOptions: [{ requireSpanType: false }],
  },
  defaultOptions: [{ requireSpanType: false }],
  create(context, [options]) {
    if (!mentionsAny(context, ["ttribute"])) return {};
    const requireSpanType = options.requireSpanType ?? false;

    function checkPair(keyNode: TSESTree.Node, key: string | undefined, valueNode: TSESTree.Node | undefined): void {
      if (key !== undefined && isSensitiveKey(key)) {
        context.report({ node: keyNode, messageId: "sensitiveKey", data: { key } });
        return;
      }
      const value = valueNode && literalString(unwrapTsExpression(valueNode));
      if (value !== undefined && looksLikeCredential(value)) {
        context.report({ node: valueNode!, messageId: "sensitiveValue" });
      }
    }

    function checkAttributesObject(node: TSESTree.Node | undefined): void {
      const object = node && unwrapTsExpression(node);
      if (object?.type !== AST_NODE_TYPES.ObjectExpression) return;
      for (const property of object.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = property.computed ? staticString(context, property.key) : staticKeyName(property);
        checkPair(property.key, key, property.value);
      }
    }

    function checkSpanOptions(node: TSESTree.Node | undefined): void {
      const options = node && unwrapTsExpression(node);
      if (options?.type !== AST_NODE_TYPES.ObjectExpression) return;
      checkAttributesObject(findProperty(options, "attributes")?.value);
    }

    return {
      CallExpression(node) {
        const member = calleeMember(node);
        const method = member ? staticMemberName(member) : undefined;
        if (member && method === "setAttribute") {
          const [keyArg, valueArg] = node.arguments;
          if (!keyArg || !receiverCountsAsSpan(context, member.object, requireSpanType)) return;
          checkPair(keyArg, staticString(context, keyArg), valueArg);
        } else if (member && method === "setAttributes") {
          if (!receiverCountsAsSpan(context, member.object, requireSpanType)) return;
          checkAttributesObject(node.arguments[0]);
        } else if (member && method !== undefined && SPAN_STARTERS.has(method)) {
          checkSpanOptions(node.arguments[1]);
        } else if (node.arguments[0]?.type === AST_NODE_TYPES.ObjectExpression && findProperty(node.arguments[0], "attributes")) {
          if (isTracedCallee(context, node.callee)) checkSpanOptions(node.arguments[0]);
        }
      },
    };
  },
});
