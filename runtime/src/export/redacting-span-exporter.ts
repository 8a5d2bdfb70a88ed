/**
 * `RedactingSpanExporter`: wraps any SpanExporter and scrubs every span's
 * name, attribute values, event names and attributes (the raw `exception`
 * event included), link attributes, status message, and the resource and
 * instrumentation-scope attributes before export, so third-party
 * instrumentation that still calls the raw OpenTelemetry API cannot leak
 * credentials either. (The Collector's redaction processor covers neither
 * status messages nor links.) Attributes whose key names a secret lose their
 * value whatever its type; string values go through the same rules as error
 * messages. Spans are copied, never mutated: other processors see the
 * originals, and a span, resource or scope with nothing to scrub is passed
 * on as the same object.
 *
 * Like the Collector's `redaction.*` audit attributes, a span in which
 * something was scrubbed carries `redaction.masked.count` (how many values
 * changed, zero is not emitted) and, with `summary: "debug"`, the sorted
 * `redaction.masked.keys` of its own attributes; `summary: "silent"` adds nothing.
 */
import type { Attributes, AttributeValue, Link, SpanStatus } from "@opentelemetry/api";
import type { ExportResult, InstrumentationScope } from "@opentelemetry/core";
import { resourceFromAttributes, type Resource } from "@opentelemetry/resources";
import type { ReadableSpan, SpanExporter, TimedEvent } from "@opentelemetry/sdk-trace-base";
import { isSensitiveAttributeKey } from "../conventions.js";
import { REDACTED, sanitizeErrorMessage } from "../sanitize/index.js";

/** Attribute values keep far more than error messages do (SQL, stack traces); only credentials go. */
export const ATTRIBUTE_MAX_LENGTH = 8192;
/** Span and event names are short identifiers; this only bounds a pathological one. */
const NAME_MAX_LENGTH = 1024;

export const REDACTION_MASKED_COUNT = "redaction.masked.count";
export const REDACTION_MASKED_KEYS = "redaction.masked.keys";

export interface RedactingSpanExporterOptions {
  /** `info` (default): add `redaction.masked.count`; `debug`: also `redaction.masked.keys`; `silent`: add nothing. */
  summary?: "silent" | "info" | "debug";
}

/** Counts what one span's scrubbing changed. */
class Tally {
  count = 0;
  readonly keys: string[] = [];
}

function scrubString(value: string, maxLength: number): string {
  return sanitizeErrorMessage(value, { maxLength });
}

function redactValue(key: string, value: AttributeValue | undefined): AttributeValue | undefined {
  if (value === undefined || value === null) return value;
  if (isSensitiveAttributeKey(key)) return REDACTED;
  if (typeof value === "string") return scrubString(value, ATTRIBUTE_MAX_LENGTH);
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item: unknown) => {
      if (typeof item !== "string") return item;
      const scrubbed = scrubString(item, ATTRIBUTE_MAX_LENGTH);
      if (scrubbed !== item) changed = true;
      return scrubbed;
    });
    return changed ? (items as AttributeValue) : value;
  }
  return value;
}

function sameValue(a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  return a === b;
}

/** The attributes with credential values replaced; the same object when nothing changed. */
function scrubAttributes(attributes: Attributes, tally?: Tally, ownKeys?: boolean): Attributes {
  let out: Attributes | undefined;
  for (const key of Object.keys(attributes)) {
    const value = attributes[key];
    const redacted = redactValue(key, value);
    if (sameValue(redacted, value)) continue;
    out ??= { ...attributes };
    out[key] = redacted;
    if (tally) {
      tally.count++;
      if (ownKeys) tally.keys.push(key);
    }
  }
  return out ?? attributes;
}

/** A copy of the attributes with credential values replaced. */
export function redactAttributes(attributes: Attributes | undefined): Attributes {
  if (!attributes) return {};
  const scrubbed = scrubAttributes(attributes);
  return scrubbed === attributes ? { ...attributes } : scrubbed;
}

function redactEvent(event: TimedEvent, tally: Tally): TimedEvent {
  const name = scrubString(event.name, NAME_MAX_LENGTH);
  const attributes = event.attributes === undefined ? undefined : scrubAttributes(event.attributes, tally);
  if (name === event.name && attributes === event.attributes) return event;
  if (name !== event.name) tally.count++;
  const redacted: TimedEvent = { ...event, name };
  if (attributes !== undefined) redacted.attributes = attributes;
  return redacted;
}

function redactLink(link: Link, tally: Tally): Link {
  if (link.attributes === undefined) return link;
  const attributes = scrubAttributes(link.attributes, tally);
  return attributes === link.attributes ? link : { ...link, attributes };
}

function redactStatus(status: SpanStatus, tally: Tally): SpanStatus {
  if (status.message === undefined) return status;
  const message = sanitizeErrorMessage(status.message);
  if (message === status.message) return status;
  tally.count++;
  return { ...status, message };
}

/** Resources and scopes are shared by every span of a provider or tracer: scrub each one once. */
const resourceCache = new WeakMap<Resource, { resource: Resource; masked: number }>();
const scopeCache = new WeakMap<InstrumentationScope, { scope: InstrumentationScope; masked: number }>();

function redactResource(resource: Resource): { resource: Resource; masked: number } {
  // Attributes still being detected are read later by the exporter itself; there is nothing settled to scrub yet.
  if (resource.asyncAttributesPending) return { resource, masked: 0 };
  const known = resourceCache.get(resource);
  if (known) return known;
  const tally = new Tally();
  const attributes = scrubAttributes(resource.attributes, tally);
  const result =
    attributes === resource.attributes
      ? { resource, masked: 0 }
      : { resource: resourceFromAttributes(attributes, resource.schemaUrl === undefined ? undefined : { schemaUrl: resource.schemaUrl }), masked: tally.count };
  resourceCache.set(resource, result);
  return result;
}

/** Scope attributes, where the SDK records them (`getTracer(name, version, { attributes })` in newer SDKs). */
type ScopeWithAttributes = InstrumentationScope & { readonly attributes?: Attributes };

function redactScope(scope: InstrumentationScope): { scope: InstrumentationScope; masked: number } {
  const known = scopeCache.get(scope);
  if (known) return known;
  const withAttributes = scope as ScopeWithAttributes;
  const tally = new Tally();
  const attributes = withAttributes.attributes === undefined ? undefined : scrubAttributes(withAttributes.attributes, tally);
  const name = scrubString(scope.name, NAME_MAX_LENGTH);
  if (name !== scope.name) tally.count++;
  const result =
    tally.count === 0 ? { scope, masked: 0 } : { scope: { ...withAttributes, name, ...(attributes ? { attributes } : {}) }, masked: tally.count };
  scopeCache.set(scope, result);
  return result;
}

/** A copy of a span with every recorded value scrubbed, and the redaction summary attributes. */
export function redactSpan(span: ReadableSpan, options: RedactingSpanExporterOptions = {}): ReadableSpan {
  const tally = new Tally();
  const name = scrubString(span.name, NAME_MAX_LENGTH);
  if (name !== span.name) tally.count++;
  let attributes = scrubAttributes(span.attributes, tally, true);
  const status = redactStatus(span.status, tally);
  const links = span.links.map((link) => redactLink(link, tally));
  const events = span.events.map((event) => redactEvent(event, tally));
  const resource = redactResource(span.resource);
  const scope = redactScope(span.instrumentationScope);
  tally.count += resource.masked + scope.masked;
  const summary = options.summary ?? "info";
  if (tally.count > 0 && summary !== "silent") {
    attributes = { ...attributes, [REDACTION_MASKED_COUNT]: tally.count };
    if (summary === "debug" && tally.keys.length > 0) attributes[REDACTION_MASKED_KEYS] = [...tally.keys].sort().join(",");
  } else if (attributes === span.attributes) {
    attributes = { ...attributes };
  }
  return {
    name,
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status,
    attributes,
    links,
    events,
    duration: span.duration,
    ended: span.ended,
    resource: resource.resource,
    instrumentationScope: scope.scope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

export class RedactingSpanExporter implements SpanExporter {
  private readonly options: RedactingSpanExporterOptions;

  constructor(
    private readonly delegate: SpanExporter,
    options: RedactingSpanExporterOptions = {},
  ) {
    this.options = { ...options };
  }

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.delegate.export(
      spans.map((span) => redactSpan(span, this.options)),
      resultCallback,
    );
  }

  shutdown(): Promise<void> {
    return this.delegate.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.delegate.forceFlush ? this.delegate.forceFlush() : Promise.resolve();
  }
}
