/**
 * Ends a span when a call settles: synchronously, or when a returned
 * promise or thenable resolves or rejects. The caller always receives the
 * original return value (same object), so thenables keep their own methods.
 *
 * It cooperates with the code it wraps: an error the function already
 * recorded on the span (its own catch calling `recordSanitizedException`,
 * then rethrowing it or an error caused by it) is not recorded a second time,
 * and an ERROR status the function set (a failure it handled and returned
 * from) is not overwritten with OK.
 */
import { SpanStatusCode, type Span } from "@opentelemetry/api";
import { hasRecordedException, recordSanitizedException } from "./record-exception.js";

const MAX_CAUSE_DEPTH = 8;

/** Whether `error`, or an error in its `cause` chain, is already recorded on `span`. */
function alreadyRecorded(span: Span, error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH; depth++) {
    if (hasRecordedException(span, current)) return true;
    if (current === null || typeof current !== "object") return false;
    try {
      current = (current as { cause?: unknown }).cause;
    } catch {
      return false;
    }
    if (current === undefined) return false;
  }
  return false;
}

/** Whether the function running in `span` marked it failed (SDK spans expose their status). */
function markedFailed(span: Span): boolean {
  if (hasRecordedException(span)) return true;
  try {
    return (span as { status?: { code?: unknown } }).status?.code === SpanStatusCode.ERROR;
  } catch {
    return false;
  }
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === "object" || typeof value === "function") &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

export function endOk(span: Span): void {
  if (!markedFailed(span)) span.setStatus({ code: SpanStatusCode.OK });
  span.end();
}

export function endWithError(span: Span, error: unknown): void {
  if (!alreadyRecorded(span, error)) recordSanitizedException(span, error);
  span.end();
}

/** Runs `fn`, then ends `span` with OK or a sanitized error; returns or throws exactly what `fn` did. */
export function runAndSettle<R>(span: Span, fn: () => R): R {
  let result: R;
  try {
    result = fn();
  } catch (error) {
    endWithError(span, error);
    throw error;
  }
  return settle(span, result);
}

/** Ends `span` now for a plain value, or when a promise / thenable settles; returns `result` itself. */
export function settle<R>(span: Span, result: R): R {
  if (isThenable(result)) {
    try {
      result.then(
        () => endOk(span),
        (error: unknown) => endWithError(span, error),
      );
    } catch (error) {
      // A hostile thenable whose `then` throws: record it, hand the value back untouched.
      endWithError(span, error);
    }
    return result;
  }
  endOk(span);
  return result;
}
