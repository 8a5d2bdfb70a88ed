/**
 * Where `recordSanitizedException` writes an exception: a span event (the default, what
 * `span.recordException` does), a log record through the OpenTelemetry Logs API, or both.
 *
 * OpenTelemetry is deprecating span events (OTEP 4430): exceptions become log-based events, a log
 * record with `EventName` `exception`, severity ERROR, the same `exception.*` attributes, emitted
 * in the span's context so its trace and span ids correlate. This module holds that one
 * process-wide choice and emits the log record; the attributes it is given are already sanitized.
 */
import { context, trace, type Attributes, type Span, type TimeInput } from "@opentelemetry/api";
import { logs, SeverityNumber, type LoggerProvider } from "@opentelemetry/api-logs";

export type ExceptionRecordingMode = "span-event" | "log" | "both";

export interface ExceptionRecordingOptions {
  /** `"span-event"` (default): an `exception` span event; `"log"`: a log record instead; `"both"`. */
  mode: ExceptionRecordingMode;
  /** Logger provider for the log records; defaults to the global one (`logs.getLoggerProvider()`). */
  loggerProvider?: LoggerProvider;
}

/** The instrumentation scope of the exception log records. */
export const EXCEPTION_LOGGER_NAME = "@floe/runtime";
/** The event name of an exception log record (semantic conventions). */
export const EXCEPTION_EVENT_NAME = "exception";

const MODES: readonly ExceptionRecordingMode[] = ["span-event", "log", "both"];
const DEFAULT_OPTIONS: Readonly<ExceptionRecordingOptions> = Object.freeze({ mode: "span-event" });

let current: Readonly<ExceptionRecordingOptions> = DEFAULT_OPTIONS;

/**
 * Chooses how every later `recordSanitizedException` (and so `traced`, `withSpan` and the domain
 * helpers) records an exception. Returns the previous options, so a caller can restore them;
 * `configureExceptionRecording()` with no argument restores the default (span events).
 */
export function configureExceptionRecording(options?: ExceptionRecordingOptions): ExceptionRecordingOptions {
  const previous = current;
  if (options === undefined) {
    current = DEFAULT_OPTIONS;
    return previous;
  }
  if (options === null || typeof options !== "object" || !MODES.includes(options.mode)) {
    throw new TypeError(
      `configureExceptionRecording: mode must be one of ${MODES.map((m) => `"${m}"`).join(", ")}`,
    );
  }
  current = Object.freeze({ ...options });
  return previous;
}

/** The options in force. */
export function exceptionRecordingOptions(): Readonly<ExceptionRecordingOptions> {
  return current;
}

export function recordsSpanEvent(): boolean {
  return current.mode !== "log";
}

export function recordsLog(): boolean {
  return current.mode !== "span-event";
}

/** Emits the exception log record for `span` with these (sanitized) attributes. */
export function emitExceptionLog(span: Span, attributes: Attributes, time?: TimeInput): void {
  const provider = current.loggerProvider ?? logs.getLoggerProvider();
  const logger = provider.getLogger(EXCEPTION_LOGGER_NAME);
  logger.emit({
    eventName: EXCEPTION_EVENT_NAME,
    severityNumber: SeverityNumber.ERROR,
    severityText: "ERROR",
    attributes,
    timestamp: time,
    context: trace.setSpan(context.active(), span),
  });
}
