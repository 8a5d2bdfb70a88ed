// RedactingSpanExporter beyond span attributes: status messages, link attributes, resource and scope
// attributes, the redaction.* audit count, and spans shared with other processors left untouched.
import { SpanStatusCode } from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { REDACTED, RedactingSpanExporter } from "../src/index.js";
import { REDACTION_MASKED_COUNT, REDACTION_MASKED_KEYS, redactSpan } from "../src/export/redacting-span-exporter.js";
import { leakedSecrets } from "../src/testing/index.js";
import { ALNUM, randomMixed } from "./support/secret-contexts.js";

const RESOURCE_SECRET = randomMixed(ALNUM, 20);
const resource = resourceFromAttributes({
  "service.name": "floe-worker",
  "deployment.config_url": `postgresql://floe:${RESOURCE_SECRET}@pg.floe.svc:5432/meta`,
  "host.name": "worker-1",
});

const scrubbed = new InMemorySpanExporter();
const debug = new InMemorySpanExporter();
const raw = new InMemorySpanExporter();
const provider = new BasicTracerProvider({
  resource,
  spanProcessors: [
    new SimpleSpanProcessor(new RedactingSpanExporter(scrubbed)),
    new SimpleSpanProcessor(new RedactingSpanExporter(debug, { summary: "debug" })),
    new SimpleSpanProcessor(raw),
  ],
});
afterAll(() => provider.shutdown());
beforeEach(() => {
  scrubbed.reset();
  debug.reset();
  raw.reset();
});

function deepText(span: ReadableSpan): string {
  return JSON.stringify({
    name: span.name,
    attributes: span.attributes,
    status: span.status,
    events: span.events,
    links: span.links.map((l) => l.attributes),
    resource: span.resource.attributes,
    scope: span.instrumentationScope,
  });
}

describe("RedactingSpanExporter coverage", () => {
  it("scrubs the status message, link attributes and resource attributes, and counts what it masked", () => {
    const statusSecret = `ghp_${randomMixed(ALNUM, 36)}`;
    const linkSecret = randomMixed(ALNUM, 24);
    const attributeSecret = randomMixed(ALNUM, 24);
    const tracer = provider.getTracer("third-party");
    const upstream = tracer.startSpan("upstream");
    upstream.end();
    const span = tracer.startSpan("sync", {
      links: [{ context: upstream.spanContext(), attributes: { "peer.note": `api_key=${linkSecret}`, "peer.service": "polaris" } }],
    });
    span.setAttribute("http.url", `https://api.floe.dev/x?token=${attributeSecret}`);
    // eslint-disable-next-line floe/no-sensitive-span-attributes -- the exporter under test must drop it
    span.setAttribute("db.password", attributeSecret);
    span.setAttribute("http.status_code", 502);
    span.setStatus({ code: SpanStatusCode.ERROR, message: `clone failed: https://${statusSecret}@github.com/floe/app.git` });
    span.end();

    const exported = scrubbed.getFinishedSpans().find((s) => s.name === "sync")!;
    expect(leakedSecrets(deepText(exported), [statusSecret, linkSecret, attributeSecret, RESOURCE_SECRET])).toEqual([]);
    expect(exported.status).toEqual({ code: SpanStatusCode.ERROR, message: `clone failed: https://${REDACTED}@github.com/floe/app.git` });
    expect(exported.links[0]!.attributes).toEqual({ "peer.note": `api_key=${REDACTED}`, "peer.service": "polaris" });
    expect(exported.resource.attributes).toEqual({
      "service.name": "floe-worker",
      "deployment.config_url": `postgresql://floe:${REDACTED}@pg.floe.svc:5432/meta`,
      "host.name": "worker-1",
    });
    // http.url, db.password, the status, the link note and the resource URL.
    expect(exported.attributes[REDACTION_MASKED_COUNT]).toBe(5);
    expect(exported.attributes[REDACTION_MASKED_KEYS]).toBeUndefined();
    expect(exported.attributes["http.status_code"]).toBe(502);

    const detailed = debug.getFinishedSpans().find((s) => s.name === "sync")!;
    expect(detailed.attributes[REDACTION_MASKED_KEYS]).toBe("db.password,http.url");

    const upstreamExported = scrubbed.getFinishedSpans().find((s) => s.name === "upstream")!;
    expect(upstreamExported.attributes[REDACTION_MASKED_COUNT]).toBe(1); // only its resource
  });

  it("leaves every span another processor sees exactly as recorded", () => {
    const secret = randomMixed(ALNUM, 24);
    const span = provider.getTracer("t").startSpan("raw-check", { links: [] });
    span.setAttribute("note", `password=${secret}`);
    span.addEvent("exception", { "exception.message": `token=${secret}` });
    span.setStatus({ code: SpanStatusCode.ERROR, message: `secret=${secret}` });
    span.end();
    const original = raw.getFinishedSpans().find((s) => s.name === "raw-check")!;
    expect(original.attributes).toEqual({ note: `password=${secret}` });
    expect(original.events[0]!.attributes).toEqual({ "exception.message": `token=${secret}` });
    expect(original.status.message).toBe(`secret=${secret}`);
    expect(original.resource.attributes["deployment.config_url"]).toContain(RESOURCE_SECRET);
    expect(original.attributes[REDACTION_MASKED_COUNT]).toBeUndefined();
  });

  it("scrubs a frozen span without touching it, and reuses clean resources and scopes as they are", () => {
    const clean = resourceFromAttributes({ "service.name": "floe-api" });
    const secret = randomMixed(ALNUM, 24);
    const span = {
      name: "frozen",
      kind: 0,
      spanContext: () => ({ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", traceFlags: 1 }),
      parentSpanContext: undefined,
      startTime: [1, 0],
      endTime: [2, 0],
      status: { code: SpanStatusCode.ERROR, message: `password=${secret}` },
      attributes: Object.freeze({ ok: "yes" }),
      links: Object.freeze([]),
      events: Object.freeze([Object.freeze({ name: "e", time: [1, 5], attributes: Object.freeze({ m: `token=${secret}` }) })]),
      duration: [1, 0],
      ended: true,
      resource: clean,
      instrumentationScope: Object.freeze({ name: "scope", version: "1.0.0" }),
      droppedAttributesCount: 0,
      droppedEventsCount: 0,
      droppedLinksCount: 0,
    } as unknown as ReadableSpan;
    Object.freeze(span);
    const copy = redactSpan(span);
    expect(copy.status.message).toBe(`password=${REDACTED}`);
    expect(copy.events[0]!.attributes).toEqual({ m: `token=${REDACTED}` });
    expect(copy.attributes).toEqual({ ok: "yes", [REDACTION_MASKED_COUNT]: 2 });
    expect(copy.resource).toBe(clean);
    expect(copy.instrumentationScope).toBe(span.instrumentationScope);
    expect(span.status.message).toBe(`password=${secret}`);
  });

  it("scrubs instrumentation-scope attributes where the SDK records them", () => {
    const secret = randomMixed(ALNUM, 24);
    const scope = { name: "floe.catalog.polaris", version: "1.2.0", attributes: { "scope.endpoint": `https://svc:${secret}@polaris.floe.svc` } };
    provider.getTracer("t").startSpan("seed").end();
    const seed = raw.getFinishedSpans().find((s) => s.name === "seed")!;
    const copy = redactSpan({ ...seed, spanContext: () => seed.spanContext(), instrumentationScope: scope } as ReadableSpan, { summary: "silent" });
    expect((copy.instrumentationScope as typeof scope).attributes["scope.endpoint"]).toBe(`https://svc:${REDACTED}@polaris.floe.svc`);
    expect(copy.instrumentationScope.name).toBe("floe.catalog.polaris");
    expect(copy.attributes[REDACTION_MASKED_COUNT]).toBeUndefined();
    expect(scope.attributes["scope.endpoint"]).toContain(secret);
  });
});
