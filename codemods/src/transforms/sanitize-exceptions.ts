/**
 * sanitize-exceptions: `span.recordException(err)` -> `recordSanitizedException(span, err)`
 * and `setStatus({ code: SpanStatusCode.ERROR, message: err.message })` ->
 * `message: sanitizeErrorMessage(err.message)`, importing both from `@floe/runtime`.
 *
 * Semantics are kept exactly: the receiver is evaluated once and before the
 * arguments; an optional call (`span?.recordException(e)`) stays a no-op on a
 * nullish span without evaluating its arguments; the value of a call used as
 * an expression stays `undefined`. Source text outside the rewritten call
 * heads is untouched (layout, comments, quotes).
 */
import path from "node:path";
import { RUNTIME_MODULE } from "@floe/runtime/conventions";
import type { FileInfo, FileTransform, Parser, TransformOptions, TransformResult } from "../core/types.js";
import type { NonSpanCalls } from "../project/non-span-calls.js";
import { parseSource } from "../core/parsers.js";
import { j, isMemberLike, memberPropertyName, propertyKeyName, unwrapTs, uniqueName, usedNames, indentAt, type AnyNode } from "./shared/ast.js";
import { methodCallGeometry, type MethodCallGeometry } from "./shared/call-sites.js";
import { ImportPlan } from "./shared/import-plan.js";
import { moduleBindings, refersToExport, type ModuleBindings } from "./shared/module-bindings.js";
import { moduleStyle } from "./shared/module-style.js";
import { TextEdits } from "./shared/text-edits.js";
import { isErrorDerived } from "./shared/error-derived.js";

const OTEL_API = "@opentelemetry/api";
const RECORD = "recordSanitizedException";
const SANITIZE = "sanitizeErrorMessage";

/** Statement lists a `const` may be added to (not a `case` clause: its scope is the whole switch). */
const STATEMENT_LISTS = new Set(["BlockStatement", "Program", "StaticBlock", "TSModuleBlock"]);

/** Parents under which a conditional expression needs no parentheses. */
const LOOSE_PARENTS = new Set([
  "VariableDeclarator",
  "ReturnStatement",
  "ArrowFunctionExpression",
  "ExpressionStatement",
  "ArrayExpression",
  "ObjectProperty",
  "TemplateLiteral",
  "ThrowStatement",
  "JSXExpressionContainer",
]);

class FileRewrite {
  readonly edits: TextEdits;
  private taken: Set<string> | undefined;
  private plan: ImportPlan | undefined;
  private readonly program: AnyNode;

  constructor(
    readonly file: FileInfo,
    readonly ast: AnyNode,
  ) {
    this.edits = new TextEdits(file.source);
    this.program = ast.program;
  }

  get source(): string {
    return this.file.source;
  }

  names(): Set<string> {
    return (this.taken ??= usedNames(this.ast));
  }

  runtime(name: string): string {
    this.plan ??= new ImportPlan(this.program, this.source, RUNTIME_MODULE, moduleStyle(this.file.path, this.program, this.source), this.names());
    return this.plan.use(name);
  }

  finish(): TransformResult | undefined {
    if (this.edits.size === 0) return undefined;
    this.plan?.commit(this.edits);
    return this.edits.result();
  }
}

function isPure(node: AnyNode): boolean {
  const n = unwrapTs(node);
  switch (n.type) {
    case "Identifier":
    case "ThisExpression":
    case "StringLiteral":
    case "NumericLiteral":
    case "BooleanLiteral":
    case "NullLiteral":
    case "BigIntLiteral":
      return true;
    case "TemplateLiteral":
      return n.expressions.length === 0;
    default:
      return false;
  }
}

/** A receiver that can be evaluated twice without observable effect (`span`, `this.span`, `ctx?.span`). */
function isReevaluable(node: AnyNode): boolean {
  const n = unwrapTs(node);
  if (n.type === "Identifier" || n.type === "ThisExpression") return true;
  if (isMemberLike(n)) {
    const prop = n.property as AnyNode;
    const simpleKey = !n.computed || prop.type === "StringLiteral" || prop.type === "NumericLiteral";
    return simpleKey && isReevaluable(n.object);
  }
  return false;
}

function containsAwaitOrYield(node: AnyNode): boolean {
  let found = false;
  j(node as any)
    .find(j.Node)
    .forEach((p: any) => {
      if (p.node.type === "AwaitExpression" || p.node.type === "YieldExpression") found = true;
    });
  return found;
}

function rewriteRecordException(rw: FileRewrite, path: any): void {
  const call = path.node as AnyNode;
  const member = call.callee as AnyNode;
  if (!isMemberLike(member) || memberPropertyName(member) !== "recordException") return;
  const receiver = member.object as AnyNode;
  if (receiver.type === "Super") return;
  const args = call.arguments as AnyNode[];
  if (args.length < 1 || args.length > 2 || args.some((a) => a.type === "SpreadElement")) return;
  const geo = methodCallGeometry(rw.source, call);
  if (!geo) return;

  const parent = path.parent?.node as AnyNode | undefined;
  const asStatement = parent?.type === "ExpressionStatement" && parent.expression === call && !call.extra?.parenthesized;
  // `(e) => span?.recordException(e)`: the body becomes a block (its value stays undefined)
  const asArrowBody = parent?.type === "ArrowFunctionExpression" && parent.body === call && !call.extra?.parenthesized;
  const optional = call.type === "OptionalCallExpression";

  if (!optional || (!isReevaluable(receiver) && args.every(isPure))) {
    // recordSanitizedException(recv, args): receiver evaluated once, then the arguments.
    // For an optional call with side-effect-free arguments the helper's own nullish check keeps it a no-op.
    rw.edits.group((e) => headEdits(e, geo, rw.runtime(RECORD)));
    return;
  }

  if (isReevaluable(receiver)) {
    if (asStatement) {
      const stmtPath = path.parent;
      const wrap = needsBlock(stmtPath);
      rw.edits.group((e) => {
        e.insert(parent!.start, `${wrap ? "{ " : ""}if (${geo.receiverText}) `);
        headEdits(e, geo, rw.runtime(RECORD));
        if (wrap) e.insert(parent!.end, " }");
      });
    } else if (asArrowBody) {
      rw.edits.group((e) => {
        e.insert(geo.receiverStart, `{ if (${geo.receiverText}) `);
        headEdits(e, geo, rw.runtime(RECORD));
        e.insert(call.end, "; }");
      });
    } else {
      const parens = needsParens(call, parent);
      rw.edits.group((e) => {
        e.insert(geo.receiverStart, `${parens ? "(" : ""}${geo.receiverText} ? `);
        headEdits(e, geo, rw.runtime(RECORD));
        e.insert(call.end, ` : undefined${parens ? ")" : ""}`);
      });
    }
    return;
  }

  // Optional call, receiver with side effects, arguments with side effects: evaluate the
  // receiver once into a temporary, then call only when it is not nullish.
  const temp = uniqueName("span", rw.names());
  if (asStatement) {
    const stmtPath = path.parent;
    const inList = STATEMENT_LISTS.has(stmtPath.parent?.node?.type);
    const indent = indentAt(rw.source, parent!.start);
    rw.edits.group((e) => {
      e.insert(parent!.start, `${inList ? "" : "{ "}const ${temp} = `);
      const fn = rw.runtime(RECORD);
      const sep = inList ? `\n${indent}` : " ";
      const head = geo.multilineIndent !== undefined ? `${fn}(${geo.multilineIndent}${temp},` : `${fn}(${temp}, `;
      e.replace(geo.receiverEnd, geo.argsOpen, `;${sep}if (${temp}) ${head}`);
      if (!inList) e.insert(parent!.end, " }");
    });
    return;
  }
  if (asArrowBody) {
    rw.edits.group((e) => {
      e.insert(geo.receiverStart, `{ const ${temp} = `);
      e.replace(geo.receiverEnd, geo.argsOpen, `; if (${temp}) ${rw.runtime(RECORD)}(${temp}, `);
      e.insert(call.end, "; }");
    });
    return;
  }
  if (args.some(containsAwaitOrYield)) return; // cannot move into a closure; left for a human
  rw.edits.group((e) => {
    const fn = rw.runtime(RECORD);
    e.replace(geo.receiverStart, geo.argsOpen, `((${temp}) => (${temp} ? ${fn}(${temp}, `);
    e.insert(call.end, ` : undefined))(${geo.receiverText})`);
  });
}

/** `recv.recordException(` -> `fn(recv, ` keeping a one-argument-per-line layout. */
function headEdits(e: TextEdits, geo: MethodCallGeometry, fn: string): void {
  e.insert(geo.receiverStart, `${fn}(${geo.multilineIndent ?? ""}`);
  e.replace(geo.receiverEnd, geo.argsOpen, geo.multilineIndent !== undefined ? "," : ", ");
}

/** An `if` without braces as the consequent of an `if ... else` would capture the else. */
function needsBlock(stmtPath: any): boolean {
  const parent = stmtPath.parent?.node as AnyNode | undefined;
  if (!parent) return false;
  if (parent.type === "IfStatement" && parent.consequent === stmtPath.node && parent.alternate) return true;
  return false;
}

function needsParens(call: AnyNode, parent: AnyNode | undefined): boolean {
  if (call.extra?.parenthesized || !parent) return false;
  if (LOOSE_PARENTS.has(parent.type)) return false;
  if (parent.type === "AssignmentExpression") return parent.right !== call;
  if ((parent.type === "CallExpression" || parent.type === "NewExpression" || parent.type === "OptionalCallExpression") && parent.callee !== call) return false;
  return true;
}

function isErrorStatusCode(node: AnyNode, path: any, otel: ModuleBindings): boolean {
  const n = unwrapTs(node);
  if (n.type === "NumericLiteral") return n.value === 2;
  if (!isMemberLike(n) || memberPropertyName(n) !== "ERROR") return false;
  return refersToExport(unwrapTs(n.object), path, otel, "SpanStatusCode");
}

function rewriteSetStatus(rw: FileRewrite, path: any, otel: ModuleBindings): void {
  const call = path.node as AnyNode;
  const member = call.callee as AnyNode;
  if (!isMemberLike(member) || memberPropertyName(member) !== "setStatus") return;
  const arg = call.arguments[0] ? unwrapTs(call.arguments[0]) : undefined;
  if (!arg || arg.type !== "ObjectExpression") return;
  const props = arg.properties as AnyNode[];
  const code = props.find((p) => propertyKeyName(p) === "code");
  const message = props.find((p) => propertyKeyName(p) === "message");
  if (!code || !message || message.shorthand) return;
  if (!isErrorStatusCode(code.value, path, otel)) return;
  const value = message.value as AnyNode;
  if (!isErrorDerived(value, path)) return;
  rw.edits.group((e) => {
    e.insert(value.start, `${rw.runtime(SANITIZE)}(`);
    e.insert(value.end, ")");
  });
}

const LINT_RULE = "floe/no-raw-record-exception";

/**
 * A call the type checker proved is not on a span stays as it is; a note for the syntactic
 * lint rule (which cannot know) goes on the line above, once.
 */
function noteNonSpanCall(rw: FileRewrite, call: AnyNode, typeName: string): void {
  const lineStart = rw.source.lastIndexOf("\n", call.start - 1) + 1;
  const previousLine = rw.source.slice(rw.source.lastIndexOf("\n", lineStart - 2) + 1, lineStart);
  if (lineStart > 0 && previousLine.includes("eslint-disable-next-line") && previousLine.includes(LINT_RULE)) return;
  const indent = indentAt(rw.source, call.start);
  rw.edits.group((e) => e.insert(lineStart, `${indent}// eslint-disable-next-line ${LINT_RULE} -- ${typeName} is not an OpenTelemetry Span\n`));
}

function isRecordExceptionCall(call: AnyNode): boolean {
  return isMemberLike(call.callee) && memberPropertyName(call.callee) === "recordException";
}

/**
 * @param nonSpan ordinals (among the file's `recordException` member calls, in source order) of calls
 *   whose receiver the type checker proved is not a span, with that receiver's type name.
 */
export function sanitizeExceptionsSource(file: FileInfo, parser: Parser, nonSpan?: ReadonlyMap<number, string>): TransformResult | undefined {
  const ast = parseSource(file.source, parser);
  const rw = new FileRewrite(file, ast);
  const hasRecord = file.source.includes("recordException");
  const hasStatus = file.source.includes("setStatus");
  const otel = hasStatus ? moduleBindings(ast.program, [OTEL_API]) : undefined;
  let ordinal = 0;
  j(ast as any)
    .find(j.CallExpression)
    .forEach((p: any) => {
      if (hasRecord && isRecordExceptionCall(p.node)) {
        const notSpan = nonSpan?.get(ordinal++);
        if (notSpan !== undefined) noteNonSpanCall(rw, p.node, notSpan);
        else rewriteRecordException(rw, p);
      }
      if (otel) rewriteSetStatus(rw, p, otel);
    });
  return rw.finish();
}

function nonSpanCallsOf(filePath: string, options: TransformOptions): ReadonlyMap<number, string> | undefined {
  const all = options.nonSpanCalls as NonSpanCalls | undefined;
  const calls = all?.[path.resolve(filePath)];
  return calls ? new Map(calls.map((c) => [c.ordinal, c.typeName])) : undefined;
}

export const sanitizeExceptions: FileTransform = {
  kind: "file",
  name: "sanitize-exceptions",
  description:
    "span.recordException(err) -> recordSanitizedException(span, err); setStatus({ code: ERROR, message: <error-derived> }) -> sanitizeErrorMessage(...); adds the @floe/runtime import.",
  prefilter: (source) => source.includes("recordException") || source.includes("setStatus"),
  prefilterTokens: ["recordException", "setStatus"],
  transform: (file, parser, options) => sanitizeExceptionsSource(file, parser, nonSpanCallsOf(file.path, options)),
};
