// The telemetry-backend building blocks: the service resource, and span processors whose exporter
// sits behind RedactingSpanExporter. Spans go through a real BasicTracerProvider into an
// InMemorySpanExporter; this file builds its own provider because the processor is what is tested.
import { BasicTracerProvider, InMemorySpanExporter } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import {
  REDACTED,
  RedactingSpanExporter,
  redactingExporter,
  redactingSpanProcessor,
  serviceResource,
  serviceResourceAttributes,
} from "../src/index.js";

const PASSWORD = "Zr8vKq2mWx5Lp9Ty";

async function exportOneSpan(processor: "simple" | "batch") {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: serviceResource({ serviceName: "orders", environment: "test" }),
    spanProcessors: [redactingSpanProcessor(memory, { processor, batch: { scheduledDelayMillis: 60_000 } })],
  });
  const span = provider.getTracer("t").startSpan("load");
  // eslint-disable-next-line floe/no-sensitive-span-attributes -- the redacting exporter under test must scrub it
  span.setAttribute("db.password", PASSWORD);
  span.setAttribute("db.statement", `connect postgres://app:${PASSWORD}@db:5432/orders`);
  span.end();
  const beforeFlush = memory.getFinishedSpans().length;
  await provider.forceFlush();
  const spans = memory.getFinishedSpans();
  await provider.shutdown();
  return { beforeFlush, spans };
}

describe("service resource", () => {
  it("puts name, version and environment over the extra attributes", () => {
    const attributes = serviceResourceAttributes({
      serviceName: "orders",
      serviceVersion: "1.2.0",
      environment: "prod",
      resourceAttributes: { "service.name": "ignored", "team.name": "data" },
    });
    expect(attributes).toEqual({
      "service.name": "orders",
      "service.version": "1.2.0",
      "deployment.environment.name": "prod",
      "team.name": "data",
    });
    expect(serviceResourceAttributes({ serviceName: "floe" })).toEqual({ "service.name": "floe" });
    expect(serviceResource({ serviceName: "floe", environment: "dev" }).attributes).toEqual({
      "service.name": "floe",
      "deployment.environment.name": "dev",
    });
  });
});

describe("redacting span processors", () => {
  it("simple: exports each span when it ends, scrubbed, with the service resource", async () => {
    const { beforeFlush, spans } = await exportOneSpan("simple");
    expect(beforeFlush).toBe(1);
    expect(spans[0]!.attributes["db.password"]).toBe(REDACTED);
    expect(spans[0]!.attributes["db.statement"]).toBe("connect postgres://app:<REDACTED>@db:5432/orders");
    expect(spans[0]!.resource.attributes["service.name"]).toBe("orders");
  });

  it("batch (the default): holds spans until flushed, then exports them scrubbed", async () => {
    const { beforeFlush, spans } = await exportOneSpan("batch");
    expect(beforeFlush).toBe(0);
    expect(spans).toHaveLength(1);
    expect(spans[0]!.attributes["db.password"]).toBe(REDACTED);
    expect(spans[0]!.attributes["db.statement"]).toBe("connect postgres://app:<REDACTED>@db:5432/orders");
  });

  it("wraps an exporter once", () => {
    const wrapped = redactingExporter(new InMemorySpanExporter());
    expect(wrapped).toBeInstanceOf(RedactingSpanExporter);
    expect(redactingExporter(wrapped)).toBe(wrapped);
  });
});
