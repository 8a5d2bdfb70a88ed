/**
 * `ConsoleTelemetryPlugin`: a TELEMETRY_BACKEND that prints spans to the
 * console (or any stream). Every span passes through RedactingSpanExporter
 * first. Telemetry backends are never instrumented: no tracerName.
 */
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { resourceFromAttributes, type Resource } from "@opentelemetry/resources";
import { RedactingSpanExporter, TelemetryBackendPlugin } from "@floe/runtime";
import {
  parseConsoleTelemetryConfig,
  type ConsoleTelemetryConfig,
  type ConsoleTelemetryConfigInput,
} from "./config.js";
import { StreamSpanExporter } from "./stream-span-exporter.js";

export class ConsoleTelemetryPlugin extends TelemetryBackendPlugin {
  readonly config: ConsoleTelemetryConfig;

  constructor(config: ConsoleTelemetryConfigInput = {}) {
    super();
    this.config = parseConsoleTelemetryConfig(config);
  }

  override get name(): string {
    return "telemetry-console";
  }
  override get version(): string {
    return "0.1.0";
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
    return new RedactingSpanExporter(new StreamSpanExporter(this.config.stream ?? process.stdout, this.config.format));
  }

  createSpanProcessor(): SpanProcessor {
    const exporter = this.createExporter();
    return this.config.processor === "batch" ? new BatchSpanProcessor(exporter) : new SimpleSpanProcessor(exporter);
  }

  /** A tracer provider printing every span; register it with `trace.setGlobalTracerProvider`. */
  createTracerProvider(): BasicTracerProvider {
    return new BasicTracerProvider({ resource: this.createResource(), spanProcessors: [this.createSpanProcessor()] });
  }
}
