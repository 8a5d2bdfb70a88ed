/**
 * `floe/no-raw-record-exception`: `span.recordException(err)` copies the
 * error's message and stack (credentials included) into the trace.
 * `recordSanitizedException(span, err)` records the same event, sanitized.
 */
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { calleeMember, staticMemberName } from "../util/ast.js";
import { createRule } from "../util/create-rule.js";
import { mentionsAny } from "../util/text-prefilter.js";
import { argumentText, isDuplicableReceiver, isSideEffectFree, withImport } from "../util/fix-helpers.js";
import { runtimeHelperReference, type HelperReference } from "../util/runtime-import.js";
import { receiverCountsAsSpan, SPAN_TYPE_OPTIONS_SCHEMA, type SpanTypeOptions } from "../util/span-type.js";

export const RULE_NAME = "no-raw-record-exception";
const HELPER = "recordSanitizedException";

type MessageIds = "rawRecordException" | "useSanitizedHelperEager";

/** The whole optional chain a call belongs to, when it is the chain's outermost link. */
function enclosingChain(call: TSESTree.CallExpression): { chain?: TSESTree.ChainExpression; isOutermost: boolean } {
  let child: TSESTree.Node = call;
  let parent = call.parent;
  while (
    (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === child) ||
    (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === child) ||
    (parent?.type === AST_NODE_TYPES.TSNonNullExpression)
  ) {
    child = parent;
    parent = parent.parent;
  }
  if (parent?.type === AST_NODE_TYPES.ChainExpression) return { chain: parent, isOutermost: child === call };
  return { isOutermost: true };
}

/** Statement lists a `const` may be added to (not a `case` clause: its scope is the whole switch). */
const STATEMENT_LISTS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.TSModuleBlock,
]);

/** Whether evaluating `node` may suspend (`await`, `yield`) outside a nested function: it cannot move into a closure. */
function containsAwaitOrYield(node: TSESTree.Node): boolean {
  let found = false;
  const visit = (current: TSESTree.Node): void => {
    if (found) return;
    if (current.type === AST_NODE_TYPES.AwaitExpression || current.type === AST_NODE_TYPES.YieldExpression) {
      found = true;
      return;
    }
    if (
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionDeclaration
    ) {
      return;
    }
    for (const [key, value] of Object.entries(current)) {
      if (key === "parent") continue;
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof child.type === "string") visit(child as TSESTree.Node);
      } else if (value && typeof value === "object" && typeof (value as TSESTree.Node).type === "string") {
        visit(value as TSESTree.Node);
      }
    }
  };
  visit(node);
  return found;
}

/**
 * Whether an `if` put in place of `statement` would take an `else` that belongs to an
 * enclosing `if`: `if (a) span?.recordException(e); else b();`, also through loop or label
 * bodies (`if (a) for (;;) ...; else b();`).
 */
function elseWouldAttach(statement: TSESTree.Statement): boolean {
  let child: TSESTree.Node = statement;
  let parent = statement.parent;
  while (parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
        if (parent.consequent === child && parent.alternate) return true;
        break;
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.WithStatement:
      case AST_NODE_TYPES.LabeledStatement:
        break;
      default:
        return false;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/** Whether a conditional expression may replace `node` without parentheses. */
function acceptsConditional(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.JSXExpressionContainer:
    case AST_NODE_TYPES.SpreadElement:
      return true;
    case AST_NODE_TYPES.Property:
      return parent.value === node;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === node;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee !== node;
    default:
      return false;
  }
}

export default createRule<[SpanTypeOptions], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `span.recordException()`; use `recordSanitizedException()` from `@floe/runtime`",
      recommended: "error",
      usesTypeInformation: true,
    },
    fixable: "code",
    hasSuggestions: true,
    schema: SPAN_TYPE_OPTIONS_SCHEMA,
    messages: {
      rawRecordException:
        "`recordException` writes the raw error message and stack into the trace; use `recordSanitizedException(span, error)` from @floe/runtime.",
      useSanitizedHelperEager:
        "Replace with `recordSanitizedException(span, error)` (the arguments are then evaluated even when the span is absent).",
    },
    defaultOptions: [{ requireSpanType: false }],
  },
  defaultOptions: [{ requireSpanType: false }],
  create(context, [options]) {
    if (!mentionsAny(context, ["recordException"])) return {};
    const sourceCode = context.sourceCode;

    function replacementCall(call: TSESTree.CallExpression, receiver: string, callee: string): string | undefined {
      const openParen = sourceCode.getTokenAfter(call.typeArguments ?? call.callee, ASTUtils.isOpeningParenToken);
      const closeParen = sourceCode.getLastToken(call);
      if (!openParen || !closeParen || !ASTUtils.isClosingParenToken(closeParen)) return undefined;
      const args = sourceCode.text.slice(openParen.range[1], closeParen.range[0]).replace(/^\s+/, "");
      return `${callee}(${receiver}, ${args})`;
    }

    /**
     * Names for receivers evaluated once into a temporary: `span`, `span2`, ... in file order,
     * never a name that occurs in the file (so fixes applied in the same pass cannot collide).
     * The codemod names its temporaries the same way.
     */
    let namesInFile: Set<string> | undefined;
    let temporaries = 0;
    function temporaryName(): string {
      namesInFile ??= new Set(sourceCode.ast.tokens.filter((t) => t.type === "Identifier").map((t) => t.value));
      let skip = temporaries++;
      for (let i = 1; ; i++) {
        const candidate = i === 1 ? "span" : `span${i}`;
        if (!namesInFile.has(candidate) && skip-- === 0) return candidate;
      }
    }

    /**
     * `getSpan()?.recordException(wrap(e))`: the receiver has effects and so do the arguments.
     * Evaluate the receiver once into a temporary, then call only when it is present:
     * `const span = getSpan();\nif (span) recordSanitizedException(span, wrap(e));` in a statement
     * list, in braces elsewhere, a block as an arrow body, an arrow function called with the
     * receiver where the value is used (not when the arguments `await` or `yield`).
     */
    function temporaryFix(
      call: TSESTree.CallExpression,
      chain: TSESTree.ChainExpression,
      receiver: TSESTree.Expression,
      reference: HelperReference,
    ): TSESLint.ReportFixFunction | undefined {
      const parent = chain.parent;
      const parenthesized = ASTUtils.isParenthesized(chain, sourceCode);
      const asStatement = parent.type === AST_NODE_TYPES.ExpressionStatement && !parenthesized;
      const asArrowBody = parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === chain && !parenthesized;
      if (!asStatement && !asArrowBody && call.arguments.some(containsAwaitOrYield)) return undefined;
      const name = temporaryName();
      const guarded = replacementCall(call, name, reference.text);
      if (guarded === undefined) return undefined;
      const receiverText = sourceCode.getText(receiver);
      if (asStatement) {
        const statement = parent as TSESTree.ExpressionStatement;
        const tail = sourceCode.text.slice(chain.range[1], statement.range[1]);
        const inList = STATEMENT_LISTS.has(statement.parent.type);
        const line = sourceCode.lines[statement.loc.start.line - 1] ?? "";
        const indent = /^\s*/.exec(line)![0];
        const text = inList
          ? `const ${name} = ${receiverText};\n${indent}if (${name}) ${guarded}${tail}`
          : `{ const ${name} = ${receiverText}; if (${name}) ${guarded}${tail} }`;
        return withImport(reference, (fixer) => fixer.replaceText(statement, text));
      }
      if (asArrowBody) {
        return withImport(reference, (fixer) => fixer.replaceText(chain, `{ const ${name} = ${receiverText}; if (${name}) ${guarded}; }`));
      }
      const text = `((${name}) => (${name} ? ${guarded} : undefined))(${receiverText})`;
      return withImport(reference, (fixer) => fixer.replaceText(chain, text));
    }

    /** The receiver as the helper's first argument, with its own parentheses if it has them (as the codemod keeps them). */
    function receiverArgument(receiver: TSESTree.Expression): string {
      if (!ASTUtils.isParenthesized(receiver, sourceCode)) return argumentText(sourceCode, receiver);
      const open = sourceCode.getTokenBefore(receiver)!;
      const close = sourceCode.getTokenAfter(receiver)!;
      return sourceCode.text.slice(open.range[0], close.range[1]);
    }

    /** Comments between the receiver and `(`, e.g. `span /* x *\/ .recordException(e)`, would be lost. */
    function hasCommentsInCallee(member: TSESTree.MemberExpression): boolean {
      return sourceCode
        .getCommentsInside(member)
        .some((c) => c.range[0] >= member.object.range[1] || c.range[1] <= member.object.range[0]);
    }

    /**
     * `span?.recordException(e)` with a receiver that may be read twice, keeping the short circuit:
     * `if (span) recordSanitizedException(span, e);` as a statement (in braces where an `else`
     * would otherwise attach to it), `{ if (span) ...; }` as an arrow body, and
     * `span ? recordSanitizedException(span, e) : undefined` where the value is used.
     */
    function guardedFix(chain: TSESTree.ChainExpression, receiver: string, call: string, reference: HelperReference): TSESLint.ReportFixFunction {
      const parent = chain.parent;
      const parenthesized = ASTUtils.isParenthesized(chain, sourceCode);
      if (parent.type === AST_NODE_TYPES.ExpressionStatement && !parenthesized) {
        // One edit over the statement (ESLint rejects touching edits in one fix); its `;` is kept.
        const statement = `if (${receiver}) ${call}${sourceCode.text.slice(chain.range[1], parent.range[1])}`;
        const replacement = elseWouldAttach(parent) ? `{ ${statement} }` : statement;
        return withImport(reference, (fixer) => fixer.replaceText(parent, replacement));
      }
      if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === chain && !parenthesized) {
        return withImport(reference, (fixer) => fixer.replaceText(chain, `{ if (${receiver}) ${call}; }`));
      }
      const conditional = `${receiver} ? ${call} : undefined`;
      const wrap = !parenthesized && !acceptsConditional(chain);
      return withImport(reference, (fixer) => fixer.replaceText(chain, wrap ? `(${conditional})` : conditional));
    }

    return {
      CallExpression(node) {
        const member = calleeMember(node);
        if (!member || staticMemberName(member) !== "recordException") return;
        if (member.object.type === AST_NODE_TYPES.Super) {
          context.report({ node, messageId: "rawRecordException" });
          return;
        }
        if (!receiverCountsAsSpan(context, member.object, options.requireSpanType ?? false)) return;

        const receiver = member.object;
        const { chain, isOutermost } = enclosingChain(node);
        const fixable =
          isOutermost &&
          node.arguments.length >= 1 &&
          node.arguments.length <= 2 &&
          !node.arguments.some((a) => a.type === AST_NODE_TYPES.SpreadElement) &&
          !node.typeArguments &&
          !hasCommentsInCallee(member);
        const reference = fixable ? runtimeHelperReference(context, node, HELPER) : undefined;
        const text = reference && replacementCall(node, receiverArgument(receiver), reference.text);
        if (!reference || text === undefined) {
          context.report({ node, messageId: "rawRecordException" });
          return;
        }
        const target = chain ?? node;
        const replaceWith = (replacement: string) => withImport(reference, (fixer) => fixer.replaceText(target, replacement));

        if (!chain) {
          // `recordException` and `recordSanitizedException` both return undefined: safe in any context.
          context.report({ node, messageId: "rawRecordException", fix: replaceWith(text) });
          return;
        }
        // Only `span?.recordException(...)` short-circuits on the receiver alone; `span.recordException?.()`
        // (method may be absent) or `a?.b.recordException()` (throws when `a.b` is nullish) do not.
        const onlyReceiverOptional = member.optional && !node.optional;
        if (onlyReceiverOptional && isDuplicableReceiver(receiver)) {
          // The forms floe-codemod sanitize-exceptions writes for the same input.
          context.report({ node, messageId: "rawRecordException", fix: guardedFix(chain, sourceCode.getText(receiver), text, reference) });
          return;
        }
        if (onlyReceiverOptional && node.arguments.every(isSideEffectFree)) {
          // recordSanitizedException(undefined, e) is a no-op and the arguments cannot observe the difference.
          context.report({ node, messageId: "rawRecordException", fix: replaceWith(text) });
          return;
        }
        const withTemporary = onlyReceiverOptional ? temporaryFix(node, chain, receiver, reference) : undefined;
        if (withTemporary) {
          context.report({ node, messageId: "rawRecordException", fix: withTemporary });
          return;
        }
        context.report({
          node,
          messageId: "rawRecordException",
          suggest: [{ messageId: "useSanitizedHelperEager", fix: replaceWith(text) }],
        });
      },
    } satisfies TSESLint.RuleListener;
  },
});
