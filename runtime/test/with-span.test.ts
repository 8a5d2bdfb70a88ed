import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { SpanStatusCode, trace } from "@opentelemetry/api";
import { withSpan } from "../src/index.js";
import { createTestTracing } from "../src/testing/index.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

describe("withSpan", () => {
  it("runs fn inside an active span and sets OK", () => {
    const out = withSpan("floe.test.unit", "unit.op", { attributes: { a: 1 } }, (span) => {
      expect(trace.getActiveSpan()).toBe(span);
      return "value";
    });
    expect(out).toBe("value");
    const span = tracing.getSpan("unit.op");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes.a).toBe(1);
    expect(span.ended).toBe(true);
  });

  it("records the sanitized error, ends the span and rethrows", async () => {
    const error = new Error("redis://:p4ssw0rd-SECRET@cache:6379 refused");
    await expect(
      withSpan(tracing.tracer("t"), "unit.fail", undefined, async () => {
        throw error;
      }),
    ).rejects.toBe(error);
    await new Promise((r) => setImmediate(r));
    const span = tracing.getSpan("unit.fail");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain("cache:6379");
    expect(tracing.findLeaks(["p4ssw0rd-SECRET"])).toEqual([]);
  });

  it("always ends the span on synchronous throws", () => {
    expect(() =>
      withSpan("t", "unit.sync-throw", {}, () => {
        throw new TypeError("bad");
      }),
    ).toThrow(TypeError);
    expect(tracing.getSpan("unit.sync-throw").ended).toBe(true);
  });
});
