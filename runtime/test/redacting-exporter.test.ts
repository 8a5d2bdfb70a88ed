// RedactingSpanExporter in a real SDK pipeline: spans recorded through the raw OpenTelemetry API
// (as third-party instrumentation does) reach the wrapped exporter scrubbed.
// This file builds its own provider instead of createTestTracing(): the exporter under test has to sit
// inside the span processor, and a second, unwrapped processor shows the live spans are not mutated.
import { SpanKind, SpanStatusCode, type Span } from "@opentelemetry/api";
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import {
  AlwaysOnSampler,
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { REDACTED, RedactingSpanExporter } from "../src/index.js";
import { leakedSecrets } from "../src/testing/index.js";

const PASSWORD = "Zr8vKq2mWx5Lp9Ty";
const TOKEN = "Bt4nHs7QeJ1cVw6Rk3Yd";
const BEARER = "mQ9wE2rT5yU8iO1pA4sD7fG0";
const DB_SECRET = "Nc5xLm8Qp2Wv7Ks4";
const LINK_TOKEN = "Hy6tRe3WqZ9uIo2Pl5Kj";
const SECRETS = [PASSWORD, TOKEN, BEARER, DB_SECRET, LINK_TOKEN];

/** A real exporter that records what reaches it and whether it was flushed or shut down. */
class RecordingExporter implements SpanExporter {
  readonly exported: ReadableSpan[] = [];
  flushed = 0;
  shutDown = 0;
  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.exported.push(...spans);
    done({ code: ExportResultCode.SUCCESS });
  }
  async forceFlush(): Promise<void> {
    this.flushed++;
  }
  async shutdown(): Promise<void> {
    this.shutDown++;
  }
}

const scrubbed = new InMemorySpanExporter();
const raw = new InMemorySpanExporter();
const provider = new BasicTracerProvider({
  sampler: new AlwaysOnSampler(),
  spanProcessors: [new SimpleSpanProcessor(new RedactingSpanExporter(scrubbed)), new SimpleSpanProcessor(raw)],
});
const tracer = provider.getTracer("third-party-instrumentation");

afterAll(() => provider.shutdown());
beforeEach(() => {
  scrubbed.reset();
  raw.reset();
});

function exportedText(spans: readonly ReadableSpan[]): string {
  return JSON.stringify(
    spans.map((s) => ({
      name: s.name,
      attributes: s.attributes,
      status: s.status,
      events: s.events.map((e) => ({ name: e.name, attributes: e.attributes })),
      links: s.links.map((l) => l.attributes),
    })),
  );
}

function recordLeakySpan(): void {
  const linked: Span = tracer.startSpan("upstream");
  linked.end();
  const span = tracer.startSpan("GET /reset", {
    kind: SpanKind.CLIENT,
    links: [{ context: linked.spanContext(), attributes: { "peer.note": `Authorization: Bearer ${LINK_TOKEN}`, "peer.service": "keycloak" } }],
  });
  span.setAttribute("db.url", `postgresql://floe:${PASSWORD}@pg.floe.svc:5432/x`);
  span.setAttribute("http.url", `https://api.floe.dev/v1/reset?token=${TOKEN}&page=2`);
  // eslint-disable-next-line floe/no-sensitive-span-attributes -- the exporter under test must scrub it
  span.setAttribute("db.password", DB_SECRET);
  // eslint-disable-next-line floe/no-sensitive-span-attributes -- the exporter under test must scrub it
  span.setAttribute("http.request.header.authorization", [`Bearer ${BEARER}`]);
  span.setAttribute("http.status_code", 401);
  span.setAttribute("server.address", "api.floe.dev");
  span.setAttribute("floe.namespace", "analytics");
  span.setAttribute("retry.hosts", ["a.floe.svc", "b.floe.svc"]);
  span.addEvent("exception", {
    "exception.type": "AuthError",
    "exception.message": `login failed: password=${PASSWORD}`,
    "exception.stacktrace": `AuthError: login failed: password=${PASSWORD}\n    at login (/app/src/auth.ts:10:5)`,
  });
  span.setStatus({ code: SpanStatusCode.ERROR, message: `upstream rejected Authorization: Bearer ${BEARER}` });
  span.end();
}

describe("RedactingSpanExporter", () => {
  it("scrubs attribute values, secret-named keys, exception events, status and link attributes", () => {
    recordLeakySpan();
    const spans = scrubbed.getFinishedSpans();
    expect(spans.map((s) => s.name)).toEqual(["upstream", "GET /reset"]);
    expect(leakedSecrets(exportedText(spans), SECRETS)).toEqual([]);

    const span = spans[1]!;
    expect(span.attributes["db.url"]).toBe(`postgresql://floe:${REDACTED}@pg.floe.svc:5432/x`);
    expect(span.attributes["http.url"]).toBe(`https://api.floe.dev/v1/reset?token=${REDACTED}&page=2`);
    expect(span.attributes["db.password"]).toBe(REDACTED);
    expect(span.attributes["http.request.header.authorization"]).toBe(REDACTED);

    const exception = span.events.find((e) => e.name === "exception")!;
    expect(exception.attributes?.["exception.type"]).toBe("AuthError");
    expect(exception.attributes?.["exception.message"]).toBe(`login failed: password=${REDACTED}`);
    expect(exception.attributes?.["exception.stacktrace"]).toContain("at login (/app/src/auth.ts:10:5)");

    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: `upstream rejected Authorization: Bearer ${REDACTED}` });
    expect(span.links[0]!.attributes).toEqual({ "peer.note": `Authorization: Bearer ${REDACTED}`, "peer.service": "keycloak" });
    expect(span.links[0]!.context.spanId).toBe(spans[0]!.spanContext().spanId);
  });

  it("leaves benign attributes, identity and timing untouched", () => {
    recordLeakySpan();
    const span = scrubbed.getFinishedSpans()[1]!;
    const original = raw.getFinishedSpans()[1]!;
    expect(span.attributes["http.status_code"]).toBe(401);
    expect(span.attributes["server.address"]).toBe("api.floe.dev");
    expect(span.attributes["floe.namespace"]).toBe("analytics");
    expect(span.attributes["retry.hosts"]).toEqual(["a.floe.svc", "b.floe.svc"]);
    expect(span.spanContext()).toEqual(original.spanContext());
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.startTime).toEqual(original.startTime);
    expect(span.endTime).toEqual(original.endTime);
    expect(span.instrumentationScope.name).toBe("third-party-instrumentation");
    expect(span.resource).toBe(original.resource);
  });

  it("copies spans: processors without the wrapper still see the original values", () => {
    recordLeakySpan();
    const original = raw.getFinishedSpans()[1]!;
    expect(original.attributes["db.password"]).toBe(DB_SECRET);
    expect(leakedSecrets(exportedText(raw.getFinishedSpans()), SECRETS).length).toBeGreaterThan(0);
  });

  it("passes the delegate's export result through", async () => {
    const delegate = new RecordingExporter();
    const exporter = new RedactingSpanExporter(delegate);
    recordLeakySpan();
    const span = raw.getFinishedSpans()[1]!;
    const result = await new Promise<ExportResult>((resolve) => exporter.export([span], resolve));
    expect(result.code).toBe(ExportResultCode.SUCCESS);
    expect(delegate.exported).toHaveLength(1);
    expect(delegate.exported[0]!.attributes["db.password"]).toBe(REDACTED);
  });

  it("delegates forceFlush and shutdown through the SDK", async () => {
    const delegate = new RecordingExporter();
    const own = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new RedactingSpanExporter(delegate))] });
    own.getTracer("t").startSpan("x").end();
    await own.forceFlush();
    expect(delegate.flushed).toBe(1);
    await own.shutdown();
    expect(delegate.shutDown).toBe(1);
    expect(delegate.exported.map((s) => s.name)).toEqual(["x"]);
  });

  it("resolves forceFlush when the delegate has none", async () => {
    const minimal: SpanExporter = {
      export: (_spans, done) => done({ code: ExportResultCode.SUCCESS }),
      shutdown: async () => undefined,
    };
    await expect(new RedactingSpanExporter(minimal).forceFlush()).resolves.toBeUndefined();
  });
});
