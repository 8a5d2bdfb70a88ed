import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { SpanStatusCode } from "@opentelemetry/api";
import { defineTracing, PluginType, traced } from "../src/index.js";
import { createTestTracing } from "../src/testing/index.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

describe("runtime smoke", () => {
  it("domain helper opens a span with category attributes", async () => {
    const kit = defineTracing({ tracerName: "floe.alert.slack", pluginType: PluginType.ALERT_CHANNEL });
    const result = await kit.alertSpan("sendAlert", { [kit.ATTRIBUTES.CHANNEL]: "slack" }, async () => 42, {
      floe: { namespace: "ns" },
    });
    expect(result).toBe(42);
    const span = tracing.getSpan("alert.sendAlert");
    expect(span.attributes["alert.channel"]).toBe("slack");
    expect(span.attributes["floe.namespace"]).toBe("ns");
    expect(span.status.code).toBe(SpanStatusCode.OK);
  });

  it("TC39 decorator names spans Class.method and records errors sanitized", async () => {
    class Thing {
      @traced()
      async fail(): Promise<void> {
        throw new Error("connect postgresql://u:hunter2secret@db:5432 failed");
      }
    }
    await expect(new Thing().fail()).rejects.toThrow("hunter2secret");
    const span = tracing.getSpan("Thing.fail");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(tracing.findLeaks(["hunter2secret"])).toEqual([]);
  });

  it("rejects the legacy operationName option", () => {
    expect(() => traced({ operationName: "x" } as never)).toThrow(/rename-operation-name/);
  });
});
