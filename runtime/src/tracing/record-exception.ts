/**
 * `recordSanitizedException`: the drop-in for `span.recordException(error)`.
 *
 * Records the standard OpenTelemetry `exception` event with every field it
 * writes sanitized (`exception.type` from the error's `code` or `name`, the
 * message, the stack trace, which in JavaScript starts with the message), and
 * sets an ERROR status with a sanitized description. With
 * `configureExceptionRecording({ mode: "log" | "both" })` the same sanitized
 * attributes go to an OpenTelemetry log record (see exception-recording.ts).
 */
import { SpanStatusCode, type Attributes, type Span, type TimeInput } from "@opentelemetry/api";
import { sanitizeErrorMessage } from "../sanitize/index.js";
import { emitExceptionLog, recordsLog, recordsSpanEvent } from "./exception-recording.js";

const ATTR_EXCEPTION_TYPE = "exception.type";
const ATTR_EXCEPTION_MESSAGE = "exception.message";
const ATTR_EXCEPTION_STACKTRACE = "exception.stacktrace";
/** An exception type is an identifier (`ECONNREFUSED`, `TypeError`); this bounds a pathological one. */
const TYPE_LIMIT = { maxLength: 256 };

/** Builds the `exception` event attributes the way the OpenTelemetry SDK does, sanitized. */
export function sanitizedExceptionAttributes(error: unknown): Attributes {
  const attributes: Attributes = {};
  try {
    if (typeof error === "string") {
      attributes[ATTR_EXCEPTION_MESSAGE] = sanitizeErrorMessage(error);
      return attributes;
    }
    if (error !== null && typeof error === "object") {
      const e = error as { code?: unknown; name?: unknown; message?: unknown; stack?: unknown };
      // `code`/`name` are error text too (`error.code = "password=..."`): sanitized like the message.
      if (e.code !== undefined && e.code !== null && e.code !== "") {
        attributes[ATTR_EXCEPTION_TYPE] = sanitizeErrorMessage(safeString(e.code), TYPE_LIMIT);
      } else if (e.name !== undefined && e.name !== null && e.name !== "") {
        attributes[ATTR_EXCEPTION_TYPE] = sanitizeErrorMessage(safeString(e.name), TYPE_LIMIT);
      }
      if (e.message !== undefined && e.message !== null) {
        attributes[ATTR_EXCEPTION_MESSAGE] = sanitizeErrorMessage(e.message);
      }
      if (typeof e.stack === "string") {
        attributes[ATTR_EXCEPTION_STACKTRACE] = sanitizeErrorMessage(e.stack, { maxLength: 4000 });
      }
      if (attributes[ATTR_EXCEPTION_MESSAGE] === undefined && attributes[ATTR_EXCEPTION_TYPE] === undefined) {
        attributes[ATTR_EXCEPTION_MESSAGE] = sanitizeErrorMessage(describe(error));
      }
      return attributes;
    }
    attributes[ATTR_EXCEPTION_MESSAGE] = sanitizeErrorMessage(describe(error));
  } catch {
    attributes[ATTR_EXCEPTION_MESSAGE] = "<unprintable exception>";
  }
  return attributes;
}

/** The sanitized status description for an error. */
export function sanitizedErrorDescription(error: unknown): string {
  try {
    if (error !== null && typeof error === "object" && "message" in error) {
      return sanitizeErrorMessage((error as { message: unknown }).message);
    }
    return sanitizeErrorMessage(describe(error));
  } catch {
    return "<unprintable exception>";
  }
}

/**
 * The errors each span has recorded, so one failure is one `exception` event: a plugin's own catch
 * that records and rethrows, then `traced` / `withSpan` seeing the same error, record it once.
 */
const recordedErrors = new WeakMap<Span, Set<unknown>>();

/** Whether `recordSanitizedException(span, error)` already ran for this error (or, with no error given, any). */
export function hasRecordedException(span: Span, error?: unknown): boolean {
  const errors = recordedErrors.get(span);
  if (errors === undefined) return false;
  return arguments.length < 2 || errors.has(error);
}

export function recordSanitizedException(span: Span | undefined | null, error: unknown, time?: TimeInput): void {
  if (!span) return;
  let errors = recordedErrors.get(span);
  if (errors?.has(error)) return;
  if (errors === undefined) recordedErrors.set(span, (errors = new Set()));
  errors.add(error);
  const attributes = sanitizedExceptionAttributes(error);
  if (recordsSpanEvent()) span.addEvent("exception", attributes, time);
  if (recordsLog()) {
    try {
      emitExceptionLog(span, attributes, time);
    } catch {
      // a failing logger must not turn the caller's error into another one
    }
  }
  span.setStatus({ code: SpanStatusCode.ERROR, message: sanitizedErrorDescription(error) });
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return "<unprintable>";
  }
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) return json;
  } catch {
    // fall through to String()
  }
  return safeString(value);
}
