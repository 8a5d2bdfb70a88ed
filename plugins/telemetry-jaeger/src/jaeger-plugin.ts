/**
 * `JaegerTelemetryPlugin`: a TELEMETRY_BACKEND exporting spans to Jaeger's
 * OTLP/HTTP endpoint (`/v1/traces`, JSON encoding) through a
 * BatchSpanProcessor, every span scrubbed by RedactingSpanExporter first.
 * Telemetry backends are never instrumented: no tracerName.
 */
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import type { Resource } from "@opentelemetry/resources";
import { BasicTracerProvider, type SpanExporter, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import {
  identityFromPackageJson,
  redactingExporter,
  redactingSpanProcessor,
  serviceResource,
  TelemetryBackendPlugin,
  withIdentity,
} from "@floe/runtime";
import { parseJaegerTelemetryConfig, type JaegerTelemetryConfig, type JaegerTelemetryConfigInput } from "./config.js";

export class JaegerTelemetryPlugin extends withIdentity(TelemetryBackendPlugin, identityFromPackageJson(import.meta.url)) {
  readonly config: JaegerTelemetryConfig;

  constructor(config: JaegerTelemetryConfigInput = {}) {
    super();
    this.config = parseJaegerTelemetryConfig(config);
  }


  /** Where spans are POSTed. */
  get tracesUrl(): string {
    return new URL("v1/traces", this.config.endpoint.endsWith("/") ? this.config.endpoint : `${this.config.endpoint}/`).toString();
  }

  /** `service.name`, `service.version`, `deployment.environment.name` and the extra attributes. */
  createResource(): Resource {
    return serviceResource(this.config);
  }

  createExporter(): SpanExporter {
    const otlp = new OTLPTraceExporter({
      url: this.tracesUrl,
      headers: { ...this.config.headers },
      timeoutMillis: this.config.timeoutMs,
    });
    return redactingExporter(otlp);
  }

  createSpanProcessor(): SpanProcessor {
    return redactingSpanProcessor(this.createExporter(), { processor: "batch", batch: { ...this.config.batch } });
  }

  /** A tracer provider exporting to Jaeger; `shutdown()` flushes what is still queued. */
  createTracerProvider(): BasicTracerProvider {
    return new BasicTracerProvider({ resource: this.createResource(), spanProcessors: [this.createSpanProcessor()] });
  }
}
