/**
 * Type-aware guard for sanitize-exceptions in TypeScript packages.
 *
 * The rewrite is syntactic: every `x.recordException(...)` becomes
 * `recordSanitizedException(x, ...)`. When `x` is a class of the plugin's own
 * that merely has a method of that name (an audit log, a metrics ledger), that
 * rewrite breaks the build and the behaviour. Before the file transforms run,
 * this module asks the type checker of each package's tsconfig which calls have
 * a receiver that is provably not an OpenTelemetry Span, and names them by file
 * and ordinal (the n-th `recordException` member call of the file, in source
 * order), which the earlier pipeline steps do not change.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { Node, Project, type CallExpression, type Type } from "ts-morph";

export interface NonSpanCall {
  /** Index among the file's `recordException` member calls, in source (pre-)order. */
  readonly ordinal: number;
  /** The receiver's type, for the note left in the code. */
  readonly typeName: string;
}

/** Absolute file path -> calls to leave alone. A plain object: it crosses to worker threads. */
export type NonSpanCalls = Record<string, NonSpanCall[]>;

/** The members every `@opentelemetry/api` Span has (as eslint-plugin-floe's type-checked mode). */
const SPAN_MEMBERS = ["spanContext", "setAttribute", "setStatus", "recordException", "end", "isRecording", "updateName"];

/** True only when the checker proves the type is not a Span (any, unknown, type parameters prove nothing). */
function provablyNotSpan(type: Type): boolean {
  if (type.isAny() || type.isUnknown() || type.isNever() || type.isTypeParameter()) return false;
  if (type.isUnion()) {
    const present = type.getUnionTypes().filter((t) => !t.isNull() && !t.isUndefined());
    return present.length > 0 && present.every(provablyNotSpan);
  }
  if (type.isIntersection()) return type.getIntersectionTypes().every(provablyNotSpan);
  if (!type.isObject()) return false;
  return !SPAN_MEMBERS.every((member) => type.getProperty(member) !== undefined);
}

/** `x.recordException(...)`, `x?.recordException(...)`, `x["recordException"](...)`: the receiver, else undefined. */
export function recordExceptionReceiver(call: CallExpression): Node | undefined {
  // Counted as sanitize-exceptions counts them (it sees through `(...)`, `!`, `as`, `satisfies`), so ordinals match.
  let callee: Node = call.getExpression();
  while (
    Node.isParenthesizedExpression(callee) ||
    Node.isNonNullExpression(callee) ||
    Node.isAsExpression(callee) ||
    Node.isSatisfiesExpression(callee) ||
    Node.isTypeAssertion(callee)
  ) {
    callee = callee.getExpression();
  }
  if (Node.isPropertyAccessExpression(callee) && callee.getName() === "recordException") return callee.getExpression();
  if (Node.isElementAccessExpression(callee)) {
    const key = callee.getArgumentExpression();
    if (key && (Node.isStringLiteral(key) || Node.isNoSubstitutionTemplateLiteral(key)) && key.getLiteralValue() === "recordException") {
      return callee.getExpression();
    }
  }
  return undefined;
}

function typeName(type: Type): string {
  const symbol = type.getSymbol() ?? type.getAliasSymbol();
  const name = symbol?.getName();
  return (name && !name.startsWith("__") ? name : type.getText()).replace(/\s+/g, " ").slice(0, 80);
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return !!rel && !rel.startsWith("..") && !path.isAbsolute(rel) && !rel.split(path.sep).includes("node_modules");
}

/** Non-span `recordException` calls of the TypeScript packages (those with a tsconfig.json) among `packageDirs`. */
export function findNonSpanRecordExceptionCalls(packageDirs: readonly string[]): NonSpanCalls {
  const found: NonSpanCalls = {};
  for (const dir of packageDirs) {
    const tsconfig = path.join(dir, "tsconfig.json");
    if (!existsSync(tsconfig)) continue;
    let project: Project;
    try {
      project = new Project({ tsConfigFilePath: tsconfig });
    } catch {
      continue; // an unreadable tsconfig: the syntactic rewrite applies, as without one
    }
    for (const sourceFile of project.getSourceFiles()) {
      const file = path.resolve(sourceFile.getFilePath());
      if (!isInside(dir, file) || sourceFile.isDeclarationFile() || !sourceFile.getFullText().includes("recordException")) continue;
      const calls: NonSpanCall[] = [];
      let ordinal = 0;
      sourceFile.forEachDescendant((node) => {
        if (!Node.isCallExpression(node)) return;
        const receiver = recordExceptionReceiver(node);
        if (!receiver) return;
        const index = ordinal++;
        if (Node.isSuperExpression(receiver)) return;
        const type = receiver.getType();
        if (provablyNotSpan(type)) calls.push({ ordinal: index, typeName: typeName(type) });
      });
      if (calls.length > 0) found[file] = calls;
    }
  }
  return found;
}
