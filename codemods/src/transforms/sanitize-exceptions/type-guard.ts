/**
 * The type-checked half of sanitize-exceptions' Span guard, as the transform's
 * `prepare` step: it runs whenever the transform runs (standalone, `migrate`,
 * `check`), so the transform means the same thing everywhere.
 *
 * The type checker is the expensive part of a run, so it is asked only about
 * files it can change the outcome of: TypeScript files of a package with a
 * tsconfig.json where the syntactic pass would rewrite a `recordException`
 * call. A run with no such file never loads TypeScript.
 */
import path from "node:path";
import type { FilePreparation, TransformOptions } from "../../core/types.js";
import { parserFor } from "../../core/parsers.js";
import { packageTsconfig } from "../../core/package-tsconfig.js";

function isTypeScriptSource(file: string): boolean {
  return parserFor(file) !== "babel" && parserFor(file) !== undefined && !/\.d\.[cm]?ts$/.test(file);
}

/** Files worth a type check: TypeScript, in a package with a tsconfig.json, with a call the syntactic pass rewrites. */
function filesToCheck(context: FilePreparation, rewritesRecordException: (file: string, source: string) => boolean): string[] {
  const candidates = context.files.filter((file) => isTypeScriptSource(file) && context.read(file)?.includes("recordException"));
  return candidates.filter((file) => packageTsconfig(file) !== undefined && rewritesRecordException(file, context.read(file)!));
}

export async function prepareTypeGuard(
  context: FilePreparation,
  rewritesRecordException: (file: string, source: string) => boolean,
): Promise<TransformOptions | undefined> {
  const files = filesToCheck(context, rewritesRecordException);
  if (files.length === 0) return undefined;
  const { findNonSpanRecordExceptionCalls } = await import("../../project/non-span-calls.js");
  return { nonSpanCalls: findNonSpanRecordExceptionCalls(files.map((f) => path.resolve(f)), context.read) };
}
