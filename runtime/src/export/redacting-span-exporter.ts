/**
 * `RedactingSpanExporter`: wraps any SpanExporter and scrubs every span's
 * attribute, event, link and status values before export, so third-party
 * instrumentation that still calls the raw API cannot leak credentials.
 */
import type { Attributes, AttributeValue, Link } from "@opentelemetry/api";
import type { ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter, TimedEvent } from "@opentelemetry/sdk-trace-base";
import { isSensitiveAttributeKey } from "../conventions.js";
import { REDACTED, sanitizeErrorMessage } from "../sanitize/index.js";

/** Attribute values keep far more than error messages do; only credentials go. */
const ATTRIBUTE_MAX_LENGTH = 8192;

function redactValue(key: string, value: AttributeValue | undefined): AttributeValue | undefined {
  if (value === undefined || value === null) return value;
  if (isSensitiveAttributeKey(key)) return REDACTED;
  if (typeof value === "string") return sanitizeErrorMessage(value, { maxLength: ATTRIBUTE_MAX_LENGTH });
  if (Array.isArray(value)) {
    return value.map((item) =>
      typeof item === "string" ? sanitizeErrorMessage(item, { maxLength: ATTRIBUTE_MAX_LENGTH }) : item,
    ) as AttributeValue;
  }
  return value;
}

export function redactAttributes(attributes: Attributes | undefined): Attributes {
  const out: Attributes = {};
  if (!attributes) return out;
  for (const key of Object.keys(attributes)) out[key] = redactValue(key, attributes[key]);
  return out;
}

/** A copy of a span with every recorded value scrubbed. */
export function redactSpan(span: ReadableSpan): ReadableSpan {
  const events: TimedEvent[] = span.events.map((event) => ({ ...event, attributes: redactAttributes(event.attributes) }));
  const links: Link[] = span.links.map((link) => ({ ...link, attributes: redactAttributes(link.attributes) }));
  const status = span.status.message === undefined ? span.status : { ...span.status, message: sanitizeErrorMessage(span.status.message) };
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status,
    attributes: redactAttributes(span.attributes),
    links,
    events,
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

export class RedactingSpanExporter implements SpanExporter {
  constructor(private readonly delegate: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.delegate.export(spans.map(redactSpan), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.delegate.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.delegate.forceFlush ? this.delegate.forceFlush() : Promise.resolve();
  }
}
