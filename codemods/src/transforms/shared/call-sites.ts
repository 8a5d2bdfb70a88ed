/**
 * Geometry of a method call `recv.method(args)` in the source text: where the
 * receiver ends, where `.method(` / `?.method(` sits, and whether the
 * arguments are laid out one per line. Rewrites splice around these offsets so
 * the receiver and argument text (with their comments) are never re-printed.
 */
import { outerStart, type AnyNode } from "./ast.js";

export interface MethodCallGeometry {
  /** Start of the receiver, including its parentheses. */
  readonly receiverStart: number;
  /** Receiver text as written (with parentheses). */
  readonly receiverText: string;
  /** Offset just after the receiver text (before any line break preceding `.method`). */
  readonly receiverEnd: number;
  /** Offset of the `.` / `?.` / `[` that starts the member access. */
  readonly accessStart: number;
  /** Offset just after the call's opening parenthesis. */
  readonly argsOpen: number;
  /** Whitespace between `(` and the first argument when it starts a new line, else undefined. */
  readonly multilineIndent: string | undefined;
}

export function methodCallGeometry(source: string, call: AnyNode): MethodCallGeometry | undefined {
  const member = call.callee as AnyNode;
  if (member.extra?.parenthesized) return undefined;
  const receiver = member.object as AnyNode;
  const property = member.property as AnyNode;
  const firstArg = call.arguments[0] as AnyNode | undefined;
  if (!firstArg) return undefined;
  const gap = source.slice(receiver.end, property.start);
  let idx: number;
  if (member.computed) {
    idx = gap.lastIndexOf("[");
    if (idx >= 2 && gap.slice(idx - 2, idx) === "?.") idx -= 2;
  } else {
    idx = gap.lastIndexOf(".");
    if (idx >= 1 && gap[idx - 1] === "?") idx -= 1;
  }
  if (idx < 0) return undefined;
  const accessStart = receiver.end + idx;
  const receiverStart = outerStart(receiver);
  const afterProperty = source.slice(member.end, firstArg.start);
  const paren = afterProperty.indexOf("(");
  if (paren < 0) return undefined;
  const argsOpen = member.end + paren + 1;
  const lead = /^\s*/.exec(source.slice(argsOpen, firstArg.start))![0];
  const receiverText = source.slice(receiverStart, accessStart).trimEnd();
  return {
    receiverStart,
    receiverText,
    receiverEnd: receiverStart + receiverText.length,
    accessStart,
    argsOpen,
    multilineIndent: lead.includes("\n") ? lead : undefined,
  };
}
