/**
 * What every TELEMETRY_BACKEND builds the same way, whatever its exporter:
 * the service resource (`service.name`, `service.version`,
 * `deployment.environment.name` plus extra attributes) and a span processor
 * whose exporter is behind RedactingSpanExporter, so no backend can ship an
 * unscrubbed span by forgetting the wrapper.
 */
import { resourceFromAttributes, type Resource } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type BufferConfig,
  type SpanExporter,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { RedactingSpanExporter } from "./redacting-span-exporter.js";

/** How a backend's configuration names the service its spans come from. */
export interface ServiceIdentity {
  serviceName: string;
  serviceVersion?: string;
  /** `deployment.environment.name`, e.g. `dev`, `prod`. */
  environment?: string;
  /** Extra resource attributes; the three above win over a key repeated here. */
  resourceAttributes?: Record<string, string | number | boolean>;
}

/** The resource attributes of a service: the extras, then name, version and environment. */
export function serviceResourceAttributes(service: ServiceIdentity): Record<string, string | number | boolean> {
  const attributes: Record<string, string | number | boolean> = {
    ...service.resourceAttributes,
    "service.name": service.serviceName,
  };
  if (service.serviceVersion) attributes["service.version"] = service.serviceVersion;
  if (service.environment) attributes["deployment.environment.name"] = service.environment;
  return attributes;
}

export function serviceResource(service: ServiceIdentity): Resource {
  return resourceFromAttributes(serviceResourceAttributes(service));
}

/** The exporter behind RedactingSpanExporter (unchanged when it already is one). */
export function redactingExporter(exporter: SpanExporter): RedactingSpanExporter {
  return exporter instanceof RedactingSpanExporter ? exporter : new RedactingSpanExporter(exporter);
}

export interface RedactingProcessorOptions {
  /** `simple` exports each span when it ends; `batch` (default) buffers them. */
  processor?: "simple" | "batch";
  /** Batch tuning, for `batch`. */
  batch?: BufferConfig;
}

/** A span processor exporting through RedactingSpanExporter. */
export function redactingSpanProcessor(exporter: SpanExporter, options: RedactingProcessorOptions = {}): SpanProcessor {
  const redacted = redactingExporter(exporter);
  return options.processor === "simple" ? new SimpleSpanProcessor(redacted) : new BatchSpanProcessor(redacted, options.batch);
}
