/**
 * Exceptions as log records (OTEP 4430): `configureExceptionRecording({ mode })` sends the sanitized
 * `exception` to a span event (default), an OpenTelemetry log record, or both. Each mode is checked on
 * a failing `traced` operation whose error carries a credential, with real SDK spans and log records.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { SpanStatusCode, trace } from "@opentelemetry/api";
import { logs, SeverityNumber } from "@opentelemetry/api-logs";
import {
  InMemoryLogRecordExporter,
  LoggerProvider,
  SimpleLogRecordProcessor,
  type ReadableLogRecord,
} from "@opentelemetry/sdk-logs";
import {
  configureExceptionRecording,
  EXCEPTION_LOGGER_NAME,
  recordSanitizedException,
  REDACTED,
  traced,
  withSpan,
  type ExceptionRecordingMode,
} from "../src/index.js";
import { createTestTracing, leakedSecrets } from "../src/testing/index.js";

const tracing = createTestTracing();
const logExporter = new InMemoryLogRecordExporter();
const loggerProvider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor(logExporter)] });

afterAll(async () => {
  await loggerProvider.shutdown();
  await tracing.shutdown();
});
beforeEach(() => {
  tracing.reset();
  logExporter.reset();
});
afterEach(() => {
  configureExceptionRecording();
});

const SECRET = "xoxb-1234567890-abcdefghijklmnop";
const failure = () => new Error(`upstream rejected token=${SECRET}: HTTP 401`);
const SANITIZED_MESSAGE = `upstream rejected token=${REDACTED}: HTTP 401`;
const SANITIZED_STACK_START = `Error: ${SANITIZED_MESSAGE}\n`;

const exceptionEvents = (name: string) => tracing.getSpan(name).events.filter((e) => e.name === "exception");
const logRecords = (): ReadableLogRecord[] => logExporter.getFinishedLogRecords();
const logText = () =>
  JSON.stringify(
    logRecords().map((r) => ({ body: r.body, attributes: r.attributes, eventName: r.eventName, text: r.severityText })),
  );

const EXPECTED: Record<ExceptionRecordingMode, { events: number; logs: number }> = {
  "span-event": { events: 1, logs: 0 },
  log: { events: 0, logs: 1 },
  both: { events: 1, logs: 1 },
};

describe("configureExceptionRecording", () => {
  for (const mode of Object.keys(EXPECTED) as ExceptionRecordingMode[]) {
    it(`mode "${mode}": a failing traced operation is recorded once, sanitized, with status set`, async () => {
      configureExceptionRecording({ mode, loggerProvider });
      const op = traced({ name: "alert.sendAlert" })(async () => {
        throw failure();
      });
      await expect(op()).rejects.toThrow(SECRET);

      const span = tracing.getSpan("alert.sendAlert");
      const events = exceptionEvents("alert.sendAlert");
      expect(events).toHaveLength(EXPECTED[mode].events);
      expect(logRecords()).toHaveLength(EXPECTED[mode].logs);

      for (const event of events) {
        expect(event.attributes?.["exception.type"]).toBe("Error");
        expect(event.attributes?.["exception.message"]).toBe(SANITIZED_MESSAGE);
        expect(String(event.attributes?.["exception.stacktrace"]).startsWith(SANITIZED_STACK_START)).toBe(true);
      }
      for (const record of logRecords()) {
        expect(record.eventName).toBe("exception");
        expect(record.severityNumber).toBe(SeverityNumber.ERROR);
        expect(record.severityText).toBe("ERROR");
        expect(record.instrumentationScope.name).toBe(EXCEPTION_LOGGER_NAME);
        expect(record.attributes["exception.type"]).toBe("Error");
        expect(record.attributes["exception.message"]).toBe(SANITIZED_MESSAGE);
        expect(String(record.attributes["exception.stacktrace"]).startsWith(SANITIZED_STACK_START)).toBe(true);
        expect(Object.keys(record.attributes).sort()).toEqual(["exception.message", "exception.stacktrace", "exception.type"]);
        // correlated with the span it failed in
        expect(record.spanContext?.traceId).toBe(span.spanContext().traceId);
        expect(record.spanContext?.spanId).toBe(span.spanContext().spanId);
      }
      if (mode === "both") expect(logRecords()[0]!.attributes).toEqual(events[0]!.attributes);

      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.status.message).toBe(SANITIZED_MESSAGE);
      expect(tracing.findLeaks([SECRET])).toEqual([]);
      expect(leakedSecrets(logText(), [SECRET])).toEqual([]);
    });

    it(`mode "${mode}": a plugin's own catch that records and rethrows is not recorded twice`, async () => {
      configureExceptionRecording({ mode, loggerProvider });
      const op = traced({ name: "alert.retry" })(async () => {
        try {
          throw failure();
        } catch (error) {
          recordSanitizedException(trace.getActiveSpan(), error);
          throw error;
        }
      });
      await expect(op()).rejects.toThrow(SECRET);
      expect(exceptionEvents("alert.retry")).toHaveLength(EXPECTED[mode].events);
      expect(logRecords()).toHaveLength(EXPECTED[mode].logs);
    });
  }

  it("without a loggerProvider option, log records go to the global logger provider", () => {
    logs.setGlobalLoggerProvider(loggerProvider);
    try {
      configureExceptionRecording({ mode: "log" });
      expect(() =>
        withSpan("floe.alert.test", "alert.healthCheck", {}, () => {
          throw failure();
        }),
      ).toThrow(SECRET);
      const span = tracing.getSpan("alert.healthCheck");
      expect(exceptionEvents("alert.healthCheck")).toEqual([]);
      expect(logRecords()).toHaveLength(1);
      expect(logRecords()[0]!.spanContext?.spanId).toBe(span.spanContext().spanId);
      expect(logRecords()[0]!.attributes["exception.message"]).toBe(SANITIZED_MESSAGE);
    } finally {
      logs.disable();
    }
  });

  it("a span that is not the active one: the record has its ids and the time given", () => {
    configureExceptionRecording({ mode: "log", loggerProvider });
    const span = tracing.tracer().startSpan("manual");
    recordSanitizedException(span, failure(), [1_700_000_000, 5]);
    span.end();
    expect(logRecords()[0]!.hrTime).toEqual([1_700_000_000, 5]);
    // the span was never made active: the record still carries its ids
    expect(logRecords()[0]!.spanContext?.spanId).toBe(span.spanContext().spanId);
  });

  it("returns the previous options, restores the default with no argument, and rejects unknown modes", () => {
    expect(configureExceptionRecording({ mode: "both", loggerProvider })).toEqual({ mode: "span-event" });
    expect(configureExceptionRecording()).toEqual({ mode: "both", loggerProvider });
    expect(() => configureExceptionRecording({ mode: "events" as ExceptionRecordingMode })).toThrow(
      /mode must be one of "span-event", "log", "both"/,
    );
    expect(configureExceptionRecording()).toEqual({ mode: "span-event" });
  });
});
