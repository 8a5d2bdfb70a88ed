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
import { parseSource, parserFor } from "../core/parsers.js";
import { findCalls, j, isMemberLike, memberPropertyName, outerStart, propertyKeyName, unwrapTs, uniqueName, usedNames, indentAt, type AnyNode } from "./shared/ast.js";
import { methodCallGeometry, type MethodCallGeometry } from "./shared/call-sites.js";
import { ImportPlan } from "./shared/import-plan.js";
import { isBindingTo } from "./shared/bindings.js";
import { moduleStyle } from "./shared/module-style.js";
import { TextEdits } from "./shared/text-edits.js";
import { isErrorDerived } from "./shared/error-derived.js";
import { receiverKind } from "./sanitize-exceptions/non-span-receiver.js";
import { recordExceptionGuard } from "./sanitize-exceptions/guarded-call.js";
import { prepareTypeGuard } from "./sanitize-exceptions/type-guard.js";
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

/** The lint rule whose findings a site corresponds to. */
export type SiteRule = "floe/no-raw-record-exception" | "floe/no-unsanitized-span-status";

/**
 * A place the transform recognised, at the line/column the lint rule reports it (the call for
 * `recordException`, the message value for `setStatus`): rewritten, noted (provably not a
 * span: left with an eslint-disable note), or left as it is (with the reason).
 */
export interface SanitizeSite {
  readonly rule: SiteRule;
  readonly line: number;
  readonly column: number;
  readonly action: "rewritten" | "noted" | "left";
  readonly reason?: string;
}

class FileRewrite {
  readonly edits: TextEdits;
  readonly sites: SanitizeSite[] = [];
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

  site(rule: SiteRule, node: AnyNode, action: SanitizeSite["action"], reason?: string): void {
    const loc = node.loc?.start ?? { line: 0, column: 0 };
    this.sites.push({ rule, line: loc.line, column: loc.column, action, ...(reason ? { reason } : {}) });
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

const RECORD_RULE: SiteRule = "floe/no-raw-record-exception";
const STATUS_RULE: SiteRule = "floe/no-unsanitized-span-status";

/** Rewrites one `recordException` call; returns why it was left as it is, or undefined when rewritten. */
function rewriteRecordException(rw: FileRewrite, path: any): string | undefined {
  const call = path.node as AnyNode;
  const member = call.callee as AnyNode;
  const receiver = member.object as AnyNode;
  if (receiver.type === "Super") return "super.recordException: no receiver to pass";
  const args = call.arguments as AnyNode[];
  if (args.length < 1 || args.length > 2 || args.some((a) => a.type === "SpreadElement")) return "not one or two plain arguments";
  const geo = methodCallGeometry(rw.source, call);
  if (!geo) return "callee layout not rewritable (parenthesized member)";
  const applied = (ok: boolean) => (ok ? undefined : "overlaps another rewrite");

  const parent = path.parent?.node as AnyNode | undefined;
  const asStatement = parent?.type === "ExpressionStatement" && parent.expression === call && !call.extra?.parenthesized;
  // `(e) => span?.recordException(e)`: the body becomes a block (its value stays undefined)
  const asArrowBody = parent?.type === "ArrowFunctionExpression" && parent.body === call && !call.extra?.parenthesized;
  const optional = call.type === "OptionalCallExpression";

  // `if (typeof ctx.recordException === "function") ctx.recordException(e)`: the guard becomes `if (ctx)`.
  const guard = asStatement && isReevaluable(receiver) ? recordExceptionGuard(path.parent, geo.receiverText, rw.source) : undefined;
  if (guard) {
    return applied(
      rw.edits.group((e) => {
        e.replace(outerStart(guard.test), guard.test.end, geo.receiverText);
        headEdits(e, geo, rw.runtime(RECORD));
      }),
    );
  }

  if (!optional || (!isReevaluable(receiver) && args.every(isPure))) {
    // recordSanitizedException(recv, args): receiver evaluated once, then the arguments.
    // For an optional call with side-effect-free arguments the helper's own nullish check keeps it a no-op.
    return applied(rw.edits.group((e) => headEdits(e, geo, rw.runtime(RECORD))));
  }

  if (isReevaluable(receiver)) {
    if (asStatement) {
      const stmtPath = path.parent;
      const wrap = needsBlock(stmtPath);
      return applied(rw.edits.group((e) => {
        e.insert(parent!.start, `${wrap ? "{ " : ""}if (${geo.receiverText}) `);
        headEdits(e, geo, rw.runtime(RECORD));
        if (wrap) e.insert(parent!.end, " }");
      }));
    } else if (asArrowBody) {
      return applied(rw.edits.group((e) => {
        e.insert(geo.receiverStart, `{ if (${geo.receiverText}) `);
        headEdits(e, geo, rw.runtime(RECORD));
        e.insert(call.end, "; }");
      }));
    } else {
      const parens = needsParens(call, parent);
      return applied(rw.edits.group((e) => {
        e.insert(geo.receiverStart, `${parens ? "(" : ""}${geo.receiverText} ? `);
        headEdits(e, geo, rw.runtime(RECORD));
        e.insert(call.end, ` : undefined${parens ? ")" : ""}`);
      }));
    }
  }

  // Optional call, receiver with side effects, arguments with side effects: evaluate the
  // receiver once into a temporary, then call only when it is not nullish.
  const temp = uniqueName("span", rw.names());
  if (asStatement) {
    const stmtPath = path.parent;
    const inList = STATEMENT_LISTS.has(stmtPath.parent?.node?.type);
    const indent = indentAt(rw.source, parent!.start);
    return applied(rw.edits.group((e) => {
      e.insert(parent!.start, `${inList ? "" : "{ "}const ${temp} = `);
      const fn = rw.runtime(RECORD);
      const sep = inList ? `\n${indent}` : " ";
      const head = geo.multilineIndent !== undefined ? `${fn}(${geo.multilineIndent}${temp},` : `${fn}(${temp}, `;
      e.replace(geo.receiverEnd, geo.argsOpen, `;${sep}if (${temp}) ${head}`);
      if (!inList) e.insert(parent!.end, " }");
    }));
  }
  if (asArrowBody) {
    return applied(rw.edits.group((e) => {
      e.insert(geo.receiverStart, `{ const ${temp} = `);
      e.replace(geo.receiverEnd, geo.argsOpen, `; if (${temp}) ${rw.runtime(RECORD)}(${temp}, `);
      e.insert(call.end, "; }");
    }));
  }
  if (args.some(containsAwaitOrYield)) return "await/yield in the arguments of an optional call in an expression: left for a human";
  return applied(rw.edits.group((e) => {
    const fn = rw.runtime(RECORD);
    e.replace(geo.receiverStart, geo.argsOpen, `((${temp}) => (${temp} ? ${fn}(${temp}, `);
    e.insert(call.end, ` : undefined))(${geo.receiverText})`);
  }));
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

/** `SpanStatusCode.ERROR` in any import form of `@opentelemetry/api`, or the literal `2` (as the lint rule, syntactic mode). */
function isErrorStatusCode(node: AnyNode, path: any): boolean {
  const n = unwrapTs(node);
  if (n.type === "NumericLiteral") return n.value === 2;
  if (!isMemberLike(n) || memberPropertyName(n) !== "ERROR") return false;
  return isBindingTo(n.object, path, "otel", "SpanStatusCode");
}

/** `setStatus({ code: ERROR, message: <error-derived> })` -> `message: sanitizeErrorMessage(<...>)` (shorthand too). */
function rewriteSetStatus(rw: FileRewrite, path: any): void {
  const call = path.node as AnyNode;
  const arg = call.arguments[0] ? unwrapTs(call.arguments[0]) : undefined;
  if (!arg || arg.type !== "ObjectExpression") return;
  const props = arg.properties as AnyNode[];
  const code = props.find((p) => propertyKeyName(p) === "code");
  const message = props.find((p) => propertyKeyName(p) === "message");
  if (!code || !message || message.type !== "ObjectProperty") return;
  if (!isErrorStatusCode(code.value, path)) return;
  const value = message.value as AnyNode;
  if (value.type === "AssignmentPattern" || !isErrorDerived(value, path)) return;
  const ok = rw.edits.group((e) => {
    const fn = rw.runtime(SANITIZE);
    if (message.shorthand) {
      e.replace(message.start, message.end, `${value.name}: ${fn}(${value.name})`);
      return;
    }
    const sequence = value.type === "SequenceExpression" && !value.extra?.parenthesized;
    e.insert(outerStart(value), `${fn}(${sequence ? "(" : ""}`);
    e.insert(value.extra?.parenthesized ? value.extra.parenEnd ?? value.end : value.end, `${sequence ? ")" : ""})`);
  });
  rw.site(STATUS_RULE, value, ok ? "rewritten" : "left", ok ? undefined : "overlaps another rewrite");
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
  const callee = unwrapTs(call.callee);
  return isMemberLike(callee) && memberPropertyName(callee) === "recordException";
}

function isSetStatusCall(call: AnyNode): boolean {
  const callee = unwrapTs(call.callee);
  return isMemberLike(callee) && memberPropertyName(callee) === "setStatus";
}

export interface SanitizeResult {
  /** The new source, or undefined when nothing changed. */
  readonly output: string | undefined;
  /** The new source with the edits that made it (what the runner counts changed lines from). */
  readonly result: TransformResult | undefined;
  /** Every site found, in source order. */
  readonly sites: readonly SanitizeSite[];
  /** Rewritten `recordException` calls whose receiver the syntax does not prove to be a Span (what a type checker could still settle). */
  readonly unprovenReceivers: number;
}

/**
 * The transform with its findings (what the agreement test compares with the lint rules).
 *
 * @param nonSpan ordinals (among the file's `recordException` member calls, in source order) of calls
 *   whose receiver the type checker proved is not a span, with that receiver's type name.
 */
export function analyzeSanitizeExceptions(file: FileInfo, parser?: Parser, nonSpan?: ReadonlyMap<number, string>): SanitizeResult {
  const grammar = parser ?? parserFor(file.path);
  if (!grammar) throw new Error(`no parser for ${file.path}`);
  const ast = parseSource(file.source, grammar);
  const rw = new FileRewrite(file, ast);
  const hasRecord = file.source.includes("recordException");
  const hasStatus = file.source.includes("setStatus");
  let ordinal = 0;
  let unproven = 0;
  const visit = (p: any) => {
    const node = p.node as AnyNode;
    if (hasRecord && isRecordExceptionCall(node)) {
      const checked = nonSpan?.get(ordinal++);
      const receiver = unwrapTs(node.callee).object as AnyNode;
      const syntax = checked !== undefined || receiver.type === "Super" ? undefined : receiverKind(receiver, p, file.path, ast.program);
      const notSpan = checked ?? (syntax?.span === false ? syntax.typeName : undefined);
      if (notSpan !== undefined) {
        noteNonSpanCall(rw, node, notSpan);
        rw.site(RECORD_RULE, node, "noted", `${notSpan} is not an OpenTelemetry Span`);
      } else {
        const left = rewriteRecordException(rw, p);
        rw.site(RECORD_RULE, node, left ? "left" : "rewritten", left);
        if (!left && syntax?.span !== true) unproven++;
      }
    }
    if (hasStatus && isSetStatusCall(node)) rewriteSetStatus(rw, p);
  };
  for (const call of findCalls(ast, (node) => (hasRecord && isRecordExceptionCall(node)) || (hasStatus && isSetStatusCall(node)))) visit(call);
  const result = rw.finish();
  return { output: result?.text, result, sites: rw.sites, unprovenReceivers: unproven };
}

export function sanitizeExceptionsSource(file: FileInfo, parser: Parser, nonSpan?: ReadonlyMap<number, string>): TransformResult | undefined {
  return analyzeSanitizeExceptions(file, parser, nonSpan).result;
}

function nonSpanCallsOf(filePath: string, options: TransformOptions): ReadonlyMap<number, string> | undefined {
  const all = options.nonSpanCalls as NonSpanCalls | undefined;
  const calls = all?.[path.resolve(filePath)];
  return calls ? new Map(calls.map((c) => [c.ordinal, c.typeName])) : undefined;
}

export const sanitizeExceptions: FileTransform = {
  kind: "file",
  name: "sanitize-exceptions",
  prefilter: (source) => source.includes("recordException") || source.includes("setStatus"),
  prefilterTokens: ["recordException", "setStatus"],
  transform: (file, parser, options) => {
    const nonSpan = nonSpanCallsOf(file.path, options);
    const known = analyzedInPrepare.get(file.path);
    analyzedInPrepare.delete(file.path);
    // what prepare found is the answer when the type checker added nothing for the file
    if (!nonSpan && known?.source === file.source && known.parser === parser) return known.result;
    return sanitizeExceptionsSource(file, parser, nonSpan);
  },
  // the type-checked half of the Span guard, for the files where it can change the outcome
  prepare: (context) => {
    analyzedInPrepare.clear();
    return prepareTypeGuard(context, rewritesRecordException);
  },
};

/** The syntactic analyses prepare made, kept for the transform of the same text in this thread (parsed once). */
const analyzedInPrepare = new Map<string, { source: string; parser: Parser; result: TransformResult | undefined }>();

/** Whether the syntactic pass would rewrite a `recordException` call on a receiver it cannot prove is a Span (an unparsable file: no). */
function rewritesRecordException(file: string, source: string): boolean {
  const parser = parserFor(file);
  if (!parser) return false;
  try {
    const analysis = analyzeSanitizeExceptions({ path: file, source }, parser);
    analyzedInPrepare.set(file, { source, parser, result: analysis.result });
    return analysis.unprovenReceivers > 0;
  } catch {
    return false;
  }
}
