/**
 * `if (typeof ctx.recordException === "function") ctx.recordException(e)`:
 * the guard tests the method the rewrite stops calling. After the rewrite the
 * call only needs the span to be present (`recordSanitizedException` is a
 * no-op on a nullish span), so the guard becomes `if (ctx)`, the same form
 * the optional call `ctx?.recordException(e)` turns into.
 */
import type { AnyNode } from "../shared/ast.js";
import { isMemberLike, memberPropertyName, outerStart, unwrapTs } from "../shared/ast.js";

/** The test `typeof R.recordException === "function"` (either side, `==`/`===`, `R?.`) or `R && <that>`: R's text. */
function guardedReceiverText(test: AnyNode, source: string): string | undefined {
  const t = unwrapTs(test);
  if (t.type === "LogicalExpression" && t.operator === "&&") {
    const inner = guardedReceiverText(t.right, source);
    const left = source.slice(outerStart(t.left), t.left.end).trim();
    return inner !== undefined && inner === left ? inner : undefined;
  }
  if (t.type !== "BinaryExpression" || (t.operator !== "===" && t.operator !== "==")) return undefined;
  const isFunctionString = (n: AnyNode) => n.type === "StringLiteral" && n.value === "function";
  const typeofSide = isFunctionString(t.right) ? t.left : isFunctionString(t.left) ? t.right : undefined;
  if (!typeofSide || typeofSide.type !== "UnaryExpression" || typeofSide.operator !== "typeof") return undefined;
  const member = unwrapTs(typeofSide.argument);
  if (!isMemberLike(member) || memberPropertyName(member) !== "recordException") return undefined;
  const object = member.object as AnyNode;
  return source.slice(outerStart(object), object.end).trim();
}

export interface RecordExceptionGuard {
  /** The `if` test to replace. */
  readonly test: AnyNode;
}

/**
 * The `if` whose only consequent statement is the call statement at `stmtPath` and whose test
 * guards on `receiverText.recordException` being a function.
 */
export function recordExceptionGuard(stmtPath: any, receiverText: string, source: string): RecordExceptionGuard | undefined {
  let holder = stmtPath;
  const parent = holder.parent?.node as AnyNode | undefined;
  if (parent?.type === "BlockStatement") {
    if (parent.body.length !== 1) return undefined;
    holder = holder.parent;
  }
  const ifNode = holder.parent?.node as AnyNode | undefined;
  if (ifNode?.type !== "IfStatement" || ifNode.consequent !== holder.node) return undefined;
  const guarded = guardedReceiverText(ifNode.test, source);
  const normalize = (s: string) => s.replace(/\?\./g, ".").replace(/\s+/g, "");
  return guarded !== undefined && normalize(guarded) === normalize(receiverText) ? { test: ifNode.test } : undefined;
}
