// Every field recordSanitizedException and traced write goes through the sanitizer: one test per field,
// each with a freshly generated credential planted in exactly that field, checked on the exported span
// and, with configureExceptionRecording({ mode: "log" }), on the exported log record.
import { SpanStatusCode } from "@opentelemetry/api";
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { ATTRIBUTES_FN_ERROR_EVENT, configureExceptionRecording, REDACTED, recordSanitizedException, traced, withSpan } from "../src/index.js";
import { createTestTracing, leakedSecrets } from "../src/testing/index.js";
import { ALNUM, randomMixed } from "./support/secret-contexts.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

function recorded(error: unknown) {
  const span = tracing.tracer().startSpan("op");
  recordSanitizedException(span, error);
  span.end();
  const exported = tracing.getSpan("op");
  return { span: exported, event: exported.events.find((e) => e.name === "exception")! };
}

/** An error whose message and stack are clean, so only the planted field can carry the secret. */
function cleanError(): Error {
  const error = new Error("request rejected");
  error.stack = "Error: request rejected\n    at handler (/app/src/handler.ts:3:9)";
  return error;
}

describe("recordSanitizedException sanitizes every field it writes", () => {
  it("exception.message", () => {
    const secret = randomMixed(ALNUM, 24);
    const error = cleanError();
    error.message = `login failed: password=${secret}`;
    const { event } = recorded(error);
    expect(event.attributes!["exception.message"]).toBe(`login failed: password=${REDACTED}`);
    expect(tracing.findLeaks([secret])).toEqual([]);
  });

  it("exception.stacktrace", () => {
    const secret = `ghp_${randomMixed(ALNUM, 36)}`;
    const error = cleanError();
    error.stack = `Error: request rejected\n    at clone (https://${secret}@github.com/floe/app.git)\n    at main (/app/src/main.ts:1:1)`;
    const { event } = recorded(error);
    expect(String(event.attributes!["exception.stacktrace"])).toContain("at main (/app/src/main.ts:1:1)");
    expect(tracing.findLeaks([secret])).toEqual([]);
  });

  it("exception.type built from the error's code", () => {
    const secret = randomMixed(ALNUM, 24);
    const error = Object.assign(cleanError(), { code: `password=${secret}` });
    const { event } = recorded(error);
    expect(event.attributes!["exception.type"]).toBe(`password=${REDACTED}`);
    expect(tracing.findLeaks([secret])).toEqual([]);
  });

  it("exception.type built from the error's name", () => {
    const secret = `xoxb-1234567890-1234567890123-${randomMixed(ALNUM, 24)}`;
    const error = cleanError();
    error.name = `SlackError(${secret})`;
    const { event } = recorded(error);
    expect(event.attributes!["exception.type"]).toBe(`SlackError(${REDACTED})`);
    expect(tracing.findLeaks([secret])).toEqual([]);
  });

  it("exception.type stays as is for ordinary codes and names", () => {
    expect(recorded(Object.assign(cleanError(), { code: "ECONNREFUSED" })).event.attributes!["exception.type"]).toBe("ECONNREFUSED");
    tracing.reset();
    expect(recorded(new TypeError("x")).event.attributes!["exception.type"]).toBe("TypeError");
  });

  it("the status message", () => {
    const secret = randomMixed(ALNUM, 24);
    const error = cleanError();
    error.message = `upstream said: {"api_key": "${secret}"}`;
    const { span } = recorded(error);
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: `upstream said: {"api_key": "${REDACTED}"}` });
    expect(tracing.findLeaks([secret])).toEqual([]);
  });

  it("the description of a non-Error throwable (object without a message)", () => {
    const secret = randomMixed(ALNUM, 24);
    const { event, span } = recorded({ status: 401, client_secret: secret });
    expect(String(event.attributes!["exception.message"])).toContain("401");
    expect(String(span.status.message)).toContain(REDACTED);
    expect(tracing.findLeaks([secret])).toEqual([]);
  });

  it("a thrown string", () => {
    const secret = randomMixed(ALNUM, 24);
    const { event, span } = recorded(`token=${secret} refused`);
    expect(event.attributes!["exception.message"]).toBe(`token=${REDACTED} refused`);
    expect(span.status.message).toBe(`token=${REDACTED} refused`);
    expect(tracing.findLeaks([secret])).toEqual([]);
  });
});

describe("traced sanitizes every field it writes", () => {
  it("the exception event, type and status of a failing function", async () => {
    const secret = randomMixed(ALNUM, 24);
    const fail = traced({ name: "fail" }, async () => {
      throw Object.assign(new Error(`db login failed for postgresql://floe:${secret}@db:5432/x`), { code: `E_AUTH secret=${secret}` });
    });
    await expect(fail()).rejects.toThrow();
    const span = tracing.getSpan("fail");
    const event = span.events.find((e) => e.name === "exception")!;
    expect(event.attributes!["exception.type"]).toBe(`E_AUTH secret=${REDACTED}`);
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain("@db:5432");
    expect(tracing.findLeaks([secret])).toEqual([]);
  });

  it("the error event of a failing attributes function", () => {
    const secret = randomMixed(ALNUM, 24);
    const fn = traced(
      {
        name: "attrs",
        attributesFn: () => {
          throw new Error(`cannot read apiKey=${secret}`);
        },
      },
      () => 1,
    );
    expect(fn()).toBe(1);
    const event = tracing.getSpan("attrs").events.find((e) => e.name === ATTRIBUTES_FN_ERROR_EVENT)!;
    expect(event.attributes!["exception.message"]).toBe(`cannot read apiKey=${REDACTED}`);
    expect(tracing.findLeaks([secret])).toEqual([]);
  });
});

describe("withSpan sanitizes every field it writes", () => {
  it("message, stack trace, type and status of a failing callback", async () => {
    const secret = randomMixed(ALNUM, 24);
    const error = Object.assign(new Error(`vault login failed: X-Vault-Token: hvs.${secret}`), { code: `E_VAULT api_key=${secret}` });
    error.stack = `Error: vault login failed\n    at login (https://vault.floe.dev/v1/auth?token=${secret})`;
    await expect(
      withSpan(tracing.tracer(), "secrets.getSecret", {}, async () => {
        throw error;
      }),
    ).rejects.toBe(error);
    const span = tracing.getSpan("secrets.getSecret");
    const event = span.events.find((e) => e.name === "exception")!;
    expect(event.attributes!["exception.type"]).toBe(`E_VAULT api_key=${REDACTED}`);
    expect(String(event.attributes!["exception.stacktrace"])).toContain("vault.floe.dev");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain("vault login failed");
    expect(tracing.findLeaks([secret])).toEqual([]);
  });
});

describe("the log-record path (configureExceptionRecording) sanitizes every field it writes", () => {
  const logExporter = new InMemoryLogRecordExporter();
  const loggerProvider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor(logExporter)] });
  afterAll(() => loggerProvider.shutdown());
  beforeEach(() => {
    logExporter.reset();
    configureExceptionRecording({ mode: "log", loggerProvider });
  });
  afterEach(() => {
    configureExceptionRecording();
  });

  /** Records `error` in log mode and returns the one log record's attributes and the exported span. */
  function logged(error: unknown) {
    recorded(error);
    const records = logExporter.getFinishedLogRecords();
    expect(records).toHaveLength(1);
    return { attributes: records[0]!.attributes, text: JSON.stringify(records.map((r) => ({ body: r.body, attributes: r.attributes }))) };
  }

  it("exception.message", () => {
    const secret = randomMixed(ALNUM, 24);
    const error = cleanError();
    error.message = `login failed: password=${secret}`;
    const { attributes, text } = logged(error);
    expect(attributes["exception.message"]).toBe(`login failed: password=${REDACTED}`);
    expect(leakedSecrets(text, [secret])).toEqual([]);
  });

  it("exception.stacktrace", () => {
    const secret = `glpat-${randomMixed(ALNUM, 20)}`;
    const error = cleanError();
    error.stack = `Error: request rejected\n    at fetch (https://oauth2:${secret}@gitlab.com/floe/app.git)\n    at main (/app/src/main.ts:1:1)`;
    const { attributes, text } = logged(error);
    expect(String(attributes["exception.stacktrace"])).toContain("at main (/app/src/main.ts:1:1)");
    expect(leakedSecrets(text, [secret])).toEqual([]);
  });

  it("exception.type built from the error's code", () => {
    const secret = randomMixed(ALNUM, 24);
    const { attributes, text } = logged(Object.assign(cleanError(), { code: `token=${secret}` }));
    expect(attributes["exception.type"]).toBe(`token=${REDACTED}`);
    expect(leakedSecrets(text, [secret])).toEqual([]);
  });

  it("exception.type built from the error's name", () => {
    const secret = `sk_live_${randomMixed(ALNUM, 24)}`;
    const error = cleanError();
    error.name = `StripeError[${secret}]`;
    const { attributes, text } = logged(error);
    expect(attributes["exception.type"]).toBe(`StripeError[${REDACTED}]`);
    expect(leakedSecrets(text, [secret])).toEqual([]);
  });

  it("the span status set alongside the log record", () => {
    const secret = randomMixed(ALNUM, 24);
    const error = cleanError();
    error.message = `upstream said: client_secret=${secret}`;
    const { span } = recorded(error);
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: `upstream said: client_secret=${REDACTED}` });
    expect(span.events.filter((e) => e.name === "exception")).toHaveLength(0);
    expect(tracing.findLeaks([secret])).toEqual([]);
    expect(leakedSecrets(JSON.stringify(logExporter.getFinishedLogRecords().map((r) => r.attributes)), [secret])).toEqual([]);
  });
});
