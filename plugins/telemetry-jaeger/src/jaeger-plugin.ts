/**
 * `JaegerTelemetryPlugin`: a TELEMETRY_BACKEND exporting spans to Jaeger's
 * OTLP/HTTP endpoint (`/v1/traces`, JSON encoding) through a
 * BatchSpanProcessor, every span scrubbed by RedactingSpanExporter first.
 * Telemetry backends are never instrumented: no tracerName.
 */
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes, type Resource } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { RedactingSpanExporter, TelemetryBackendPlugin } from "@floe/runtime";
import { parseJaegerTelemetryConfig, type JaegerTelemetryConfig, type JaegerTelemetryConfigInput } from "./config.js";

export class JaegerTelemetryPlugin extends TelemetryBackendPlugin {
  readonly config: JaegerTelemetryConfig;

  constructor(config: JaegerTelemetryConfigInput = {}) {
    super();
    this.config = parseJaegerTelemetryConfig(config);
  }

  override get name(): string {
    return "telemetry-jaeger";
  }
  override get version(): string {
    return "0.1.0";
  }

  /** Where spans are POSTed. */
  get tracesUrl(): string {
    return new URL("v1/traces", this.config.endpoint.endsWith("/") ? this.config.endpoint : `${this.config.endpoint}/`).toString();
  }

  /** `service.name`, `service.version`, `deployment.environment.name` and the extra attributes. */
  createResource(): Resource {
    const attributes: Record<string, string | number | boolean> = {
      ...this.config.resourceAttributes,
      "service.name": this.config.serviceName,
    };
    if (this.config.serviceVersion) attributes["service.version"] = this.config.serviceVersion;
    if (this.config.environment) attributes["deployment.environment.name"] = this.config.environment;
    return resourceFromAttributes(attributes);
  }

  createExporter(): SpanExporter {
    const otlp = new OTLPTraceExporter({
      url: this.tracesUrl,
      headers: { ...this.config.headers },
      timeoutMillis: this.config.timeoutMs,
    });
    return new RedactingSpanExporter(otlp);
  }

  createSpanProcessor(): SpanProcessor {
    return new BatchSpanProcessor(this.createExporter(), { ...this.config.batch });
  }

  /** A tracer provider exporting to Jaeger; `shutdown()` flushes what is still queued. */
  createTracerProvider(): BasicTracerProvider {
    return new BasicTracerProvider({ resource: this.createResource(), spanProcessors: [this.createSpanProcessor()] });
  }
}
