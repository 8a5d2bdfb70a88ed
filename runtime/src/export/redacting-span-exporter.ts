/**
 * `RedactingSpanExporter`: wraps any SpanExporter and scrubs every span's
 * name, attribute values, event names and attributes (the raw `exception`
 * event included), link attributes and status message before export, so
 * third-party instrumentation that still calls the raw OpenTelemetry API
 * cannot leak credentials either. Attributes whose key names a secret lose
 * their value whatever its type; string values go through the same rules as
 * error messages. Spans are copied, never mutated: other processors see the
 * originals.
 */
import type { Attributes, AttributeValue, Link, SpanStatus } from "@opentelemetry/api";
import type { ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter, TimedEvent } from "@opentelemetry/sdk-trace-base";
import { isSensitiveAttributeKey } from "../conventions.js";
import { REDACTED, sanitizeErrorMessage } from "../sanitize/index.js";

/** Attribute values keep far more than error messages do (SQL, stack traces); only credentials go. */
export const ATTRIBUTE_MAX_LENGTH = 8192;
/** Span and event names are short identifiers; this only bounds a pathological one. */
const NAME_MAX_LENGTH = 1024;

function scrubString(value: string, maxLength: number): string {
  return sanitizeErrorMessage(value, { maxLength });
}

function redactValue(key: string, value: AttributeValue | undefined): AttributeValue | undefined {
  if (value === undefined || value === null) return value;
  if (isSensitiveAttributeKey(key)) return REDACTED;
  if (typeof value === "string") return scrubString(value, ATTRIBUTE_MAX_LENGTH);
  if (Array.isArray(value)) {
    return value.map((item: unknown) =>
      typeof item === "string" ? scrubString(item, ATTRIBUTE_MAX_LENGTH) : item,
    ) as AttributeValue;
  }
  return value;
}

/** A copy of the attributes with credential values replaced. */
export function redactAttributes(attributes: Attributes | undefined): Attributes {
  const out: Attributes = {};
  if (!attributes) return out;
  for (const key of Object.keys(attributes)) out[key] = redactValue(key, attributes[key]);
  return out;
}

function redactEvent(event: TimedEvent): TimedEvent {
  const redacted: TimedEvent = { ...event, name: scrubString(event.name, NAME_MAX_LENGTH) };
  if (event.attributes !== undefined) redacted.attributes = redactAttributes(event.attributes);
  return redacted;
}

function redactLink(link: Link): Link {
  return link.attributes === undefined ? link : { ...link, attributes: redactAttributes(link.attributes) };
}

function redactStatus(status: SpanStatus): SpanStatus {
  return status.message === undefined ? status : { ...status, message: sanitizeErrorMessage(status.message) };
}

/** A copy of a span with every recorded value scrubbed. */
export function redactSpan(span: ReadableSpan): ReadableSpan {
  return {
    name: scrubString(span.name, NAME_MAX_LENGTH),
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: redactStatus(span.status),
    attributes: redactAttributes(span.attributes),
    links: span.links.map(redactLink),
    events: span.events.map(redactEvent),
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
