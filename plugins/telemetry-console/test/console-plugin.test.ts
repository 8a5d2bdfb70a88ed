import path from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SpanStatusCode, context, trace } from "@opentelemetry/api";
import { discoverPlugins, loadPlugin, verifyPluginInstrumentation } from "@floe/runtime";
import { leakedSecrets } from "@floe/runtime/testing";
import { ConfigError, ConsoleTelemetryPlugin, type PrintedSpan } from "../src/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));

function capture() {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
  });
  return { stream, text: () => text, spans: () => text.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as PrintedSpan) };
}

describe("ConsoleTelemetryPlugin", () => {
  it("prints each finished span as a JSON line with resource, scope, parent and attributes", async () => {
    const out = capture();
    const plugin = new ConsoleTelemetryPlugin({
      stream: out.stream,
      serviceName: "orders-pipeline",
      serviceVersion: "1.2.3",
      environment: "staging",
      resourceAttributes: { "floe.namespace": "prod" },
    });
    const provider = plugin.createTracerProvider();
    const tracer = provider.getTracer("floe.catalog.polaris", "0.1.0");
    const parent = tracer.startSpan("catalog.loadTable");
    parent.setAttribute("catalog.table", "orders");
    tracer.startSpan("http.request", {}, trace.setSpan(context.active(), parent)).end();
    parent.setStatus({ code: SpanStatusCode.OK });
    parent.end();
    await provider.shutdown();

    const spans = out.spans();
    expect(spans.map((s) => s.name)).toEqual(["http.request", "catalog.loadTable"]);
    const [child, printedParent] = spans as [PrintedSpan, PrintedSpan];
    expect(printedParent.resource.attributes).toMatchObject({
      "service.name": "orders-pipeline",
      "service.version": "1.2.3",
      "deployment.environment.name": "staging",
      "floe.namespace": "prod",
    });
    expect(printedParent.instrumentationScope).toEqual({ name: "floe.catalog.polaris", version: "0.1.0" });
    expect(printedParent.attributes).toEqual({ "catalog.table": "orders" });
    expect(printedParent.status.code).toBe(SpanStatusCode.OK);
    expect(child.traceId).toBe(printedParent.traceId);
    expect(child.parentSpanId).toBe(printedParent.id);
    expect(printedParent.id).toBe(parent.spanContext().spanId);
  });

  it("scrubs credentials in attributes, exception events and status before printing", async () => {
    const out = capture();
    const provider = new ConsoleTelemetryPlugin({ stream: out.stream }).createTracerProvider();
    const secret = "hunter2-Xq8vLm3Rz";
    const span = provider.getTracer("third-party").startSpan("db.connect");
    // eslint-disable-next-line floe/no-sensitive-span-attributes -- the exporter under test must scrub it
    span.setAttribute("db.password", secret);
    span.setAttribute("db.connection", `postgres://app:${secret}@db:5432/shop`);
    span.addEvent("exception", {
      "exception.type": "ConnectionError",
      "exception.message": `auth failed password=${secret}`,
      "exception.stacktrace": `ConnectionError: auth failed password=${secret}\n    at connect (db.js:1:1)`,
    });
    span.setStatus({ code: SpanStatusCode.ERROR, message: `login failed token=${secret}` });
    span.end();
    await provider.shutdown();

    expect(leakedSecrets(out.text(), [secret])).toEqual([]);
    const [printed] = out.spans();
    expect(printed!.attributes["db.password"]).toBe("<REDACTED>");
    expect(String(printed!.attributes["db.connection"])).toContain("db:5432/shop");
    expect(printed!.events[0]!.attributes!["exception.type"]).toBe("ConnectionError");
    expect(printed!.status.message).toContain("login failed");
  });

  it("buffers with the batch processor and flushes everything on shutdown", async () => {
    const out = capture();
    const provider = new ConsoleTelemetryPlugin({ stream: out.stream, processor: "batch", format: "pretty" }).createTracerProvider();
    const tracer = provider.getTracer("t");
    for (const name of ["a", "b", "c"]) tracer.startSpan(name).end();
    await provider.shutdown();
    const text = out.text();
    expect(text).toContain('\n  "name": "a"');
    expect([...text.matchAll(/^ {2}"name": "(\w)"/gm)].map((m) => m[1])).toEqual(["a", "b", "c"]);
  });

  it("validates its config", () => {
    expect(() => new ConsoleTelemetryPlugin({ format: "xml" as never, stream: {} as never })).toThrow(ConfigError);
    try {
      new ConsoleTelemetryPlugin({ format: "xml" as never, stream: {} as never });
    } catch (error) {
      expect((error as ConfigError).issues.map((p) => p.split(":")[0]).sort()).toEqual(["format", "stream"]);
    }
  });
});

describe("telemetry backends are never instrumented", () => {
  it("declares no tracerName and the audit skips it", () => {
    const plugin = new ConsoleTelemetryPlugin();
    expect(plugin.tracerName).toBeUndefined();
    expect(plugin.pluginType).toBe("TELEMETRY_BACKEND");
    expect(verifyPluginInstrumentation([plugin])).toEqual([]);
  });

  it("is discovered by the registry as a TELEMETRY_BACKEND without a tracer name", async () => {
    const declarations = await discoverPlugins({ cwd: path.resolve(here, "../../..") });
    const declaration = declarations.find((d) => d.packageName === "@floe/plugin-telemetry-console");
    expect(declaration?.declaredType).toBe("TELEMETRY_BACKEND");
    const loaded = await loadPlugin(declaration!);
    expect(loaded.pluginType).toBe("TELEMETRY_BACKEND");
    expect(loaded.tracerName).toBeUndefined();
  });
});
