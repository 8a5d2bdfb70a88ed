/**
 * Type-aware Span guard for sanitize-exceptions in TypeScript packages.
 *
 * The rewrite is syntactic: every `x.recordException(...)` becomes
 * `recordSanitizedException(x, ...)`. When `x` is a class of the project's own
 * that merely has a method of that name (an audit log, a metrics ledger), that
 * rewrite breaks the build and the behaviour. The syntactic guard
 * (sanitize-exceptions/non-span-receiver.ts) catches classes declared in the
 * file or a relative module; this module asks the type checker about the rest,
 * for the files the transform would rewrite, and names the calls it proves are
 * not on a Span by file and ordinal (the n-th `recordException` member call of
 * the file, in source order, as the transform counts them).
 *
 * One run builds as few programs as it can: the files are grouped by the
 * tsconfig.json of their package, the groups with the same compiler options
 * share one program, and every program shares one parsed-file cache (lib and
 * `@types` files are parsed once per run). Only the files asked about are
 * roots, so a package's other sources are loaded only when these import them.
 */
import path from "node:path";
import { SPAN_MEMBERS } from "@floe/runtime/conventions";
import { ts } from "ts-morph";
import { packageTsconfig } from "../core/package-tsconfig.js";

export interface NonSpanCall {
  /** Index among the file's `recordException` member calls, in source (pre-)order. */
  readonly ordinal: number;
  /** The receiver's type, for the note left in the code. */
  readonly typeName: string;
}

/** Absolute file path -> calls to leave alone. A plain object: it crosses to worker threads. */
export type NonSpanCalls = Record<string, NonSpanCall[]>;


const UNPROVABLE = ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never | ts.TypeFlags.TypeParameter;
const NULLISH = ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void;

/** True only when the checker proves the type is not a Span (any, unknown, type parameters prove nothing). */
function provablyNotSpan(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (type.flags & UNPROVABLE) return false;
  if (type.isUnion()) {
    const present = type.types.filter((t) => !(t.flags & NULLISH));
    return present.length > 0 && present.every((t) => provablyNotSpan(checker, t));
  }
  if (type.isIntersection()) return type.types.every((t) => provablyNotSpan(checker, t));
  if (!(type.flags & ts.TypeFlags.Object)) return false;
  return !SPAN_MEMBERS.every((member) => checker.getPropertyOfType(type, member) !== undefined);
}

/** `x.recordException(...)`, `x?.recordException(...)`, `x["recordException"](...)`: the receiver, else undefined. */
function recordExceptionReceiver(call: ts.CallExpression): ts.Expression | undefined {
  // Counted as sanitize-exceptions counts them (it sees through `(...)`, `!`, `as`, `satisfies`), so ordinals match.
  let callee: ts.Expression = call.expression;
  while (
    ts.isParenthesizedExpression(callee) ||
    ts.isNonNullExpression(callee) ||
    ts.isAsExpression(callee) ||
    ts.isSatisfiesExpression(callee) ||
    ts.isTypeAssertionExpression(callee)
  ) {
    callee = callee.expression;
  }
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === "recordException") return callee.expression;
  if (ts.isElementAccessExpression(callee)) {
    const key = callee.argumentExpression;
    if ((ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) && key.text === "recordException") return callee.expression;
  }
  return undefined;
}

function typeName(checker: ts.TypeChecker, type: ts.Type): string {
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  const name = symbol?.getName();
  return (name && !name.startsWith("__") ? name : checker.typeToString(type)).replace(/\s+/g, " ").slice(0, 80);
}

/** A compiler host whose parsed files are shared by every program of the run, reading `read`'s text first. */
function sharedHost(options: ts.CompilerOptions, cache: Map<string, ts.SourceFile>, read: (file: string) => string | undefined): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => read(path.resolve(file)) ?? readFile(file);
  host.getSourceFile = (file, languageVersion) => {
    const key = `${typeof languageVersion === "object" ? languageVersion.languageVersion : languageVersion}:${file}`;
    let sourceFile = cache.get(key);
    if (!sourceFile) {
      const text = host.readFile(file);
      if (text === undefined) return undefined;
      sourceFile = ts.createSourceFile(file, text, languageVersion, true);
      cache.set(key, sourceFile);
    }
    return sourceFile;
  };
  return host;
}

function callsOf(checker: ts.TypeChecker, sourceFile: ts.SourceFile): NonSpanCall[] {
  const calls: NonSpanCall[] = [];
  let ordinal = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const receiver = recordExceptionReceiver(node);
      if (receiver) {
        const index = ordinal++;
        if (receiver.kind !== ts.SyntaxKind.SuperKeyword) {
          const type = checker.getTypeAtLocation(receiver);
          if (provablyNotSpan(checker, type)) calls.push({ ordinal: index, typeName: typeName(checker, type) });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return calls;
}

/**
 * Non-span `recordException` calls of `files` (absolute paths of TypeScript files). A file is
 * checked with its package's tsconfig.json when that tsconfig includes it; other files (no
 * tsconfig, excluded, an unreadable tsconfig) keep the syntactic rewrite. `read` supplies the
 * current text of files an earlier pipeline step changed in memory.
 */
export function findNonSpanRecordExceptionCalls(files: readonly string[], read: (file: string) => string | undefined = () => undefined): NonSpanCalls {
  const groups = new Map<string, { options: ts.CompilerOptions; roots: string[] }>();
  const parsedConfigs = new Map<string, { options: ts.CompilerOptions; fileNames: Set<string> } | undefined>();
  for (const file of files) {
    const tsconfig = packageTsconfig(file);
    if (!tsconfig) continue;
    if (!parsedConfigs.has(tsconfig)) {
      let parsed: ts.ParsedCommandLine | undefined;
      try {
        parsed = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} }) ?? undefined;
      } catch {
        parsed = undefined; // an unreadable tsconfig: the syntactic rewrite applies, as without one
      }
      parsedConfigs.set(tsconfig, parsed && { options: parsed.options, fileNames: new Set(parsed.fileNames.map((f) => path.resolve(f))) });
    }
    const parsed = parsedConfigs.get(tsconfig);
    if (!parsed?.fileNames.has(file)) continue;
    const options = { ...parsed.options, noEmit: true };
    const key = JSON.stringify(options);
    const group = groups.get(key) ?? { options, roots: [] as string[] };
    group.roots.push(file);
    groups.set(key, group);
  }
  const found: NonSpanCalls = {};
  const cache = new Map<string, ts.SourceFile>();
  for (const { options, roots } of groups.values()) {
    const program = ts.createProgram({ rootNames: roots, options, host: sharedHost(options, cache, read) });
    const checker = program.getTypeChecker();
    for (const file of roots) {
      const sourceFile = program.getSourceFile(file);
      if (!sourceFile) continue;
      const calls = callsOf(checker, sourceFile);
      if (calls.length > 0) found[file] = calls;
    }
  }
  return found;
}
