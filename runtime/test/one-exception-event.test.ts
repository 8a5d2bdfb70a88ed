/**
 * One failure, one `exception` event: `traced`, `withSpan` and the domain helpers cooperate with a
 * plugin's own catch that records the error with `recordSanitizedException` (the span remembers what
 * it recorded), and an ERROR status the function set is not overwritten with OK.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { SpanStatusCode, trace } from "@opentelemetry/api";
import { defineTracing, PluginType, recordSanitizedException, traced, withSpan } from "../src/index.js";
import { createTestTracing } from "../src/testing/index.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const SECRET = "xoxb-1234567890-abcdefghijklmnop";
const failure = () => new Error(`upstream rejected token=${SECRET}: HTTP 401`);
const exceptionEvents = (name: string) => tracing.getSpan(name).events.filter((e) => e.name === "exception");

/** What migrated legacy code looks like: its own catch records and rethrows. */
async function recordsAndRethrows(): Promise<never> {
  try {
    throw failure();
  } catch (error) {
    recordSanitizedException(trace.getActiveSpan(), error);
    throw error;
  }
}

describe("one failure records one sanitized exception event", () => {
  it("traced decorator form (wrapper) + the plugin's own catch", async () => {
    const op = traced({ name: "alert.sendAlert" })(recordsAndRethrows);
    await expect(op()).rejects.toThrow(SECRET);
    const events = exceptionEvents("alert.sendAlert");
    expect(events).toHaveLength(1);
    expect(events[0]!.attributes?.["exception.message"]).toContain("HTTP 401");
    expect(tracing.getSpan("alert.sendAlert").status.code).toBe(SpanStatusCode.ERROR);
    expect(tracing.findLeaks([SECRET])).toEqual([]);
  });

  it("withSpan + a catch recording on the span it was given, sync", () => {
    expect(() =>
      withSpan("floe.alert.test", "alert.healthCheck", {}, (span) => {
        try {
          throw failure();
        } catch (error) {
          recordSanitizedException(span, error);
          throw error;
        }
      }),
    ).toThrow(SECRET);
    expect(exceptionEvents("alert.healthCheck")).toHaveLength(1);
  });

  it("a rethrown wrapper error caused by the recorded one is not recorded again", async () => {
    const kit = defineTracing({ tracerName: "floe.alert.test", pluginType: PluginType.ALERT_CHANNEL });
    await expect(
      kit.alertSpan("sendAlert", {}, async (span) => {
        try {
          throw failure();
        } catch (error) {
          recordSanitizedException(span, error);
          throw new Error("delivery failed", { cause: error });
        }
      }),
    ).rejects.toThrow("delivery failed");
    expect(exceptionEvents("alert.sendAlert")).toHaveLength(1);
  });

  it("a different error thrown after a recorded one is still recorded", async () => {
    const op = traced({ name: "op" })(async () => {
      recordSanitizedException(trace.getActiveSpan(), new Error("first"));
      throw new Error("second");
    });
    await expect(op()).rejects.toThrow("second");
    expect(exceptionEvents("op").map((e) => e.attributes?.["exception.message"])).toEqual(["first", "second"]);
  });

  it("recording the same error twice on one span adds one event", () => {
    const span = trace.getTracer("t").startSpan("twice");
    const error = failure();
    recordSanitizedException(span, error);
    recordSanitizedException(span, error);
    span.end();
    expect(exceptionEvents("twice")).toHaveLength(1);
  });

  it("a failure the function handled (ERROR set, value returned) keeps its ERROR status", async () => {
    const kit = defineTracing({ tracerName: "floe.alert.test", pluginType: PluginType.ALERT_CHANNEL });
    const result = await kit.alertSpan("healthCheck", {}, async (span) => {
      try {
        throw failure();
      } catch (error) {
        recordSanitizedException(span, error);
        return { healthy: false };
      }
    });
    expect(result).toEqual({ healthy: false });
    const span = tracing.getSpan("alert.healthCheck");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.events.filter((e) => e.name === "exception")).toHaveLength(1);
  });

  it("a successful call still ends OK", () => {
    expect(withSpan("floe.alert.test", "ok", {}, () => 1)).toBe(1);
    expect(tracing.getSpan("ok").status.code).toBe(SpanStatusCode.OK);
  });
});
