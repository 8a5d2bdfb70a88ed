import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { context, trace } from "@opentelemetry/api";
import { createTestTracing, leakedSecrets } from "../src/testing/index.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

describe("createTestTracing", () => {
  it("registers a global provider with always-on sampling and async context", async () => {
    const tracer = trace.getTracer("kit");
    await tracer.startActiveSpan("parent", async (parent) => {
      await new Promise((r) => setTimeout(r, 1));
      expect(trace.getSpan(context.active())).toBe(parent);
      tracer.startSpan("child").end();
      parent.end();
    });
    const parent = tracing.getSpan("parent");
    expect(tracing.childrenOf(parent).map((s) => s.name)).toEqual(["child"]);
    expect(tracing.findSpans(/^c/)).toHaveLength(1);
    expect(tracing.spanNames()).toEqual(["child", "parent"]);
  });

  it("reset drops finished spans; getSpan explains what it saw", () => {
    trace.getTracer("kit").startSpan("dropped").end();
    tracing.reset();
    expect(tracing.spans()).toEqual([]);
    trace.getTracer("kit").startSpan("only").end();
    expect(() => tracing.getSpan("missing")).toThrow(/saw: only/);
  });

  it("finds leaks exactly or by any 8-character window", () => {
    expect(leakedSecrets("value hunter2-long-secret", ["hunter2-long-secret"])).toEqual(["hunter2-long-secret"]);
    expect(leakedSecrets("prefix 2-long-se suffix", ["hunter2-long-secret"])).toEqual(["hunter2-long-secret"]);
    expect(leakedSecrets("nothing here", ["hunter2-long-secret"])).toEqual([]);
    trace.getTracer("kit").startSpan("leaky", { attributes: { x: "hunter2-long-secret" } }).end();
    expect(tracing.findLeaks(["hunter2-long-secret"])).toEqual(["hunter2-long-secret"]);
  });
});
