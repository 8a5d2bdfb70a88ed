/**
 * `StreamSpanExporter`: the console exporter, writing each finished span to
 * an injectable stream (stdout by default) instead of `console.dir`, so what
 * it prints can be piped, captured and read back. One JSON document per span
 * with the fields OpenTelemetry's ConsoleSpanExporter shows.
 */
import type { Writable } from "node:stream";
import { ExportResultCode, hrTimeToMicroseconds, type ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";

export interface PrintedSpan {
  resource: { attributes: Record<string, unknown> };
  instrumentationScope: { name: string; version?: string };
  traceId: string;
  parentSpanId: string | undefined;
  id: string;
  name: string;
  kind: number;
  /** Start, microseconds since the epoch. */
  timestamp: number;
  /** Duration in microseconds. */
  duration: number;
  attributes: Record<string, unknown>;
  status: { code: number; message?: string };
  events: Array<{ name: string; attributes?: Record<string, unknown>; time: number }>;
  links: Array<{ traceId: string; spanId: string; attributes?: Record<string, unknown> }>;
}

export function toPrintedSpan(span: ReadableSpan): PrintedSpan {
  const context = span.spanContext();
  return {
    resource: { attributes: { ...span.resource.attributes } },
    instrumentationScope: { name: span.instrumentationScope.name, version: span.instrumentationScope.version },
    traceId: context.traceId,
    parentSpanId: span.parentSpanContext?.spanId,
    id: context.spanId,
    name: span.name,
    kind: span.kind,
    timestamp: hrTimeToMicroseconds(span.startTime),
    duration: hrTimeToMicroseconds(span.duration),
    attributes: { ...span.attributes },
    status: span.status,
    events: span.events.map((e) => ({ name: e.name, attributes: e.attributes, time: hrTimeToMicroseconds(e.time) })),
    links: span.links.map((l) => ({ traceId: l.context.traceId, spanId: l.context.spanId, attributes: l.attributes })),
  };
}

export class StreamSpanExporter implements SpanExporter {
  private stopped = false;

  constructor(
    private readonly stream: Writable,
    private readonly format: "json" | "pretty" = "json",
  ) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    if (this.stopped) {
      resultCallback({ code: ExportResultCode.FAILED, error: new Error("exporter is shut down") });
      return;
    }
    try {
      const text = spans
        .map((span) => JSON.stringify(toPrintedSpan(span), null, this.format === "pretty" ? 2 : undefined))
        .join("\n");
      if (text) this.stream.write(`${text}\n`);
      resultCallback({ code: ExportResultCode.SUCCESS });
    } catch (error) {
      resultCallback({ code: ExportResultCode.FAILED, error: error as Error });
    }
  }

  async shutdown(): Promise<void> {
    this.stopped = true;
  }

  async forceFlush(): Promise<void> {}
}
