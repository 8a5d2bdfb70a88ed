/**
 * An OTLP/HTTP trace receiver on loopback, as Jaeger runs on port 4318:
 * accepts `POST /v1/traces` with `application/json`, decodes the
 * ExportTraceServiceRequest (resourceSpans -> scopeSpans -> spans, attribute
 * lists of typed AnyValues), and answers `{ "partialSuccess": {} }`. The
 * kit's loopback server does the HTTP plumbing.
 */
import type { IncomingMessage } from "node:http";
import { sendJson, startLoopbackServer } from "@floe/runtime/testing";

interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: number | string;
  doubleValue?: number;
  arrayValue?: { values?: OtlpAnyValue[] };
}
interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}

export interface ReceivedSpan {
  service: string;
  resource: Record<string, unknown>;
  scope: string;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  attributes: Record<string, unknown>;
  events: Array<{ name: string; attributes: Record<string, unknown> }>;
  status: { code?: number; message?: string };
}

export interface ReceivedRequest {
  headers: IncomingMessage["headers"];
  rawBody: string;
  spans: ReceivedSpan[];
}

function decodeValue(value: OtlpAnyValue): unknown {
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(decodeValue);
  return undefined;
}

function decodeAttributes(list: OtlpKeyValue[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map((kv) => [kv.key, decodeValue(kv.value)]));
}

export function decodeExportRequest(body: any): ReceivedSpan[] {
  const spans: ReceivedSpan[] = [];
  for (const resourceSpans of body.resourceSpans ?? []) {
    const resource = decodeAttributes(resourceSpans.resource?.attributes);
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      for (const span of scopeSpans.spans ?? []) {
        spans.push({
          service: String(resource["service.name"]),
          resource,
          scope: scopeSpans.scope?.name,
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId || undefined,
          name: span.name,
          attributes: decodeAttributes(span.attributes),
          events: (span.events ?? []).map((e: any) => ({ name: e.name, attributes: decodeAttributes(e.attributes) })),
          status: span.status ?? {},
        });
      }
    }
  }
  return spans;
}

export interface OtlpReceiver {
  endpoint: string;
  requests: ReceivedRequest[];
  spans(): ReceivedSpan[];
  close(): Promise<void>;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const requests: ReceivedRequest[] = [];
  const server = await startLoopbackServer((request, res) => {
    if (request.method !== "POST" || request.path !== "/v1/traces" || Object.keys(request.query).length > 0) {
      res.writeHead(404).end();
      return;
    }
    if (!String(request.headers["content-type"]).startsWith("application/json")) {
      sendJson(res, 415, { code: 3, message: "expected JSON" });
      return;
    }
    try {
      requests.push({ headers: request.headers, rawBody: request.body, spans: decodeExportRequest(JSON.parse(request.body)) });
    } catch (error) {
      sendJson(res, 400, { code: 3, message: String(error) });
      return;
    }
    sendJson(res, 200, { partialSuccess: {} });
  });
  return {
    endpoint: server.url,
    requests,
    spans: () => requests.flatMap((r) => r.spans),
    close: () => server.close(),
  };
}
