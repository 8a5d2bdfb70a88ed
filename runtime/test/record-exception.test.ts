import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { SpanStatusCode } from "@opentelemetry/api";
import { recordSanitizedException } from "../src/index.js";
import { createTestTracing } from "../src/testing/index.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const SECRET = "s3cr3tPassw0rd!xyz";

function recordIn(error: unknown, time?: number) {
  const span = tracing.tracer().startSpan("op");
  recordSanitizedException(span, error, time);
  span.end();
  return tracing.getSpan("op");
}

describe("recordSanitizedException", () => {
  it("records the standard exception event with sanitized message and stack", () => {
    const error = new Error(`login failed: postgresql://floe:${SECRET}@db.internal:5432/x`);
    const span = recordIn(error);
    const event = span.events.find((e) => e.name === "exception")!;
    expect(event).toBeDefined();
    expect(event.attributes!["exception.type"]).toBe("Error");
    expect(String(event.attributes!["exception.message"])).toContain("db.internal");
    expect(String(event.attributes!["exception.stacktrace"])).toContain("record-exception.test.ts");
    expect(tracing.findLeaks([SECRET])).toEqual([]);
  });

  it("sets a sanitized ERROR status", () => {
    const span = recordIn(new Error(`password=${SECRET} rejected`));
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain("rejected");
    expect(span.status.message).not.toContain(SECRET);
  });

  it("uses the error's code as exception.type when present, like the OpenTelemetry SDK", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const span = recordIn(error);
    expect(span.events[0]!.attributes!["exception.type"]).toBe("ECONNREFUSED");
  });

  it("uses the error's name for subclasses", () => {
    class VaultError extends Error {
      override name = "VaultError";
    }
    const span = recordIn(new VaultError("sealed"));
    expect(span.events[0]!.attributes!["exception.type"]).toBe("VaultError");
  });

  it("accepts a string throwable", () => {
    const span = recordIn(`token=${SECRET}`);
    expect(span.events[0]!.attributes!["exception.message"]).toBe("token=<REDACTED>");
    expect(span.events[0]!.attributes!["exception.type"]).toBeUndefined();
    expect(tracing.findLeaks([SECRET])).toEqual([]);
  });

  it("accepts non-Error throwables: objects, numbers, null, undefined", () => {
    for (const thrown of [{ reason: "nope", password: SECRET }, 42, null, undefined, Symbol("x")]) {
      tracing.reset();
      const span = recordIn(thrown);
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.events).toHaveLength(1);
    }
    expect(tracing.findLeaks([SECRET])).toEqual([]);
  });

  it("survives an error whose message getter throws", () => {
    const hostile = {
      get message(): string {
        throw new Error("boom");
      },
    };
    const span = recordIn(hostile);
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
  });

  it("passes the event time through", () => {
    const span = recordIn(new Error("x"), 1_700_000_000_000);
    expect(span.events[0]!.time[0]).toBe(1_700_000_000);
  });

  it("is a no-op for an undefined span", () => {
    expect(() => recordSanitizedException(undefined, new Error("x"))).not.toThrow();
    expect(tracing.spans()).toHaveLength(0);
  });
});

describe("redactKnownSecrets", () => {
  it("removes secrets a plugin knows by value, then sanitizes the rest", async () => {
    const { redactKnownSecrets } = await import("../src/index.js");
    const out = redactKnownSecrets("upstream said: key R0ut1ng-k3y rejected; password=hunter2hunter2", ["R0ut1ng-k3y", undefined, "ab"]);
    expect(out).toBe("upstream said: key <REDACTED> rejected; password=<REDACTED>");
  });
});
