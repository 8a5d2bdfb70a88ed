import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SpanStatusCode, context, trace } from "@opentelemetry/api";
import { discoverPlugins, loadPlugin, verifyPluginInstrumentation } from "@floe/runtime";
import { leakedSecrets } from "@floe/runtime/testing";
import { ConfigError, JaegerTelemetryPlugin } from "../src/index.js";
import { startOtlpReceiver, type OtlpReceiver } from "./support/otlp-receiver.js";

const here = path.dirname(fileURLToPath(import.meta.url));

let receiver: OtlpReceiver;
beforeEach(async () => {
  receiver = await startOtlpReceiver();
});
afterEach(() => receiver.close());

describe("JaegerTelemetryPlugin", () => {
  it("exports spans as OTLP/HTTP JSON to /v1/traces with the service resource and parent links", async () => {
    const plugin = new JaegerTelemetryPlugin({
      endpoint: receiver.endpoint,
      serviceName: "orders-pipeline",
      serviceVersion: "1.2.3",
      environment: "prod",
      resourceAttributes: { "floe.namespace": "analytics" },
      headers: { "x-scope-orgid": "tenant-a" },
    });
    expect(plugin.tracesUrl).toBe(`${receiver.endpoint}/v1/traces`);
    const provider = plugin.createTracerProvider();
    const tracer = provider.getTracer("floe.orchestrator.dagster");
    const parent = tracer.startSpan("orchestrator.launchRun", { attributes: { "orchestrator.asset_key": "orders" } });
    tracer.startSpan("http.post", {}, trace.setSpan(context.active(), parent)).end();
    parent.setStatus({ code: SpanStatusCode.OK });
    parent.end();
    await provider.shutdown();

    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request!.headers["content-type"]).toContain("application/json");
    expect(request!.headers["x-scope-orgid"]).toBe("tenant-a");
    const spans = receiver.spans();
    expect(spans.map((s) => s.name).sort()).toEqual(["http.post", "orchestrator.launchRun"]);
    const launch = spans.find((s) => s.name === "orchestrator.launchRun")!;
    const child = spans.find((s) => s.name === "http.post")!;
    expect(launch.resource).toMatchObject({
      "service.name": "orders-pipeline",
      "service.version": "1.2.3",
      "deployment.environment.name": "prod",
      "floe.namespace": "analytics",
    });
    expect(launch.scope).toBe("floe.orchestrator.dagster");
    expect(launch.attributes).toEqual({ "orchestrator.asset_key": "orders" });
    expect(launch.status.code).toBe(1);
    expect(launch.spanId).toBe(parent.spanContext().spanId);
    expect(child.traceId).toBe(launch.traceId);
    expect(child.parentSpanId).toBe(launch.spanId);
  });

  it("batches spans (at most maxExportBatchSize per request) and flushes the rest on shutdown", async () => {
    const provider = new JaegerTelemetryPlugin({
      endpoint: receiver.endpoint,
      batch: { maxExportBatchSize: 2, scheduledDelayMillis: 60_000 },
    }).createTracerProvider();
    const tracer = provider.getTracer("batch-test");
    for (let i = 0; i < 5; i++) tracer.startSpan(`span-${i}`).end();
    await provider.shutdown();
    expect(receiver.spans().map((s) => s.name).sort()).toEqual(["span-0", "span-1", "span-2", "span-3", "span-4"]);
    expect(receiver.requests.every((r) => r.spans.length <= 2)).toBe(true);
    expect(receiver.requests.length).toBeGreaterThanOrEqual(3);
  });

  it("delivers a span carrying credentials scrubbed: attributes, exception event and status", async () => {
    const secret = "ghp_Zx8Qm2Lk9Rt4Vn7Bw3Yp6Hs1Jd5Fg0Ca";
    const password = "Pa55w0rd-Mq7Lx2Rv";
    const provider = new JaegerTelemetryPlugin({ endpoint: receiver.endpoint }).createTracerProvider();
    const span = provider.getTracer("third-party-http").startSpan("GET /repos");
    // eslint-disable-next-line floe/no-sensitive-span-attributes -- the exporter under test must scrub it
    span.setAttribute("http.request.header.authorization", `Bearer ${secret}`);
    span.setAttribute("url.full", `https://deploy:${password}@git.example.com/org/repo.git`);
    // eslint-disable-next-line floe/no-sensitive-span-attributes -- the exporter under test must scrub it
    span.setAttribute("db.password", password);
    span.addEvent("exception", {
      "exception.type": "HTTPError",
      "exception.message": `401 for token=${secret}`,
      "exception.stacktrace": `HTTPError: 401 for token=${secret}\n    at fetch (client.js:10:5)`,
    });
    span.setStatus({ code: SpanStatusCode.ERROR, message: `clone failed password=${password}` });
    span.end();
    await provider.shutdown();

    const [received] = receiver.spans();
    expect(received!.name).toBe("GET /repos");
    expect(received!.attributes["http.request.header.authorization"]).toBe("<REDACTED>");
    expect(received!.attributes["db.password"]).toBe("<REDACTED>");
    expect(String(received!.attributes["url.full"])).toContain("git.example.com/org/repo.git");
    expect(received!.events[0]!.name).toBe("exception");
    expect(String(received!.events[0]!.attributes["exception.message"])).toContain("401 for");
    expect(received!.status.code).toBe(2);
    expect(leakedSecrets(receiver.requests.map((r) => r.rawBody).join("\n"), [secret, password])).toEqual([]);
  });

  it("validates its config without echoing header values", () => {
    let error: unknown;
    try {
      new JaegerTelemetryPlugin({
        endpoint: "jaeger:4318",
        headers: { authorization: 12345 as never },
        batch: { maxQueueSize: 10, maxExportBatchSize: 20 },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((p) => p.split(":")[0]).sort()).toEqual([
      "batch.maxExportBatchSize",
      "endpoint",
      "headers.authorization",
    ]);
    expect((error as Error).message).not.toContain("12345");
  });
});

describe("telemetry backends are never instrumented", () => {
  it("declares no tracerName and the audit skips it", () => {
    const plugin = new JaegerTelemetryPlugin();
    expect(plugin.tracerName).toBeUndefined();
    expect(verifyPluginInstrumentation([plugin])).toEqual([]);
  });

  it("is discovered by the registry as a TELEMETRY_BACKEND without a tracer name", async () => {
    const declarations = await discoverPlugins({ cwd: path.resolve(here, "../../..") });
    const declaration = declarations.find((d) => d.packageName === "@floe/plugin-telemetry-jaeger");
    expect(declaration?.declaredType).toBe("TELEMETRY_BACKEND");
    const loaded = await loadPlugin(declaration!);
    expect(loaded.pluginType).toBe("TELEMETRY_BACKEND");
    expect(loaded.tracerName).toBeUndefined();
  });
});
