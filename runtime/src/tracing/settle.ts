/**
 * Ends a span when a call settles: synchronously, or when a returned
 * promise or thenable resolves or rejects. The caller always receives the
 * original return value (same object), so thenables keep their own methods.
 */
import { SpanStatusCode, type Span } from "@opentelemetry/api";
import { recordSanitizedException } from "./record-exception.js";

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === "object" || typeof value === "function") &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

export function endOk(span: Span): void {
  span.setStatus({ code: SpanStatusCode.OK });
  span.end();
}

export function endWithError(span: Span, error: unknown): void {
  recordSanitizedException(span, error);
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
