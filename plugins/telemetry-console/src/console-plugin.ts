/**
 * `ConsoleTelemetryPlugin`: a TELEMETRY_BACKEND that prints spans to the
 * console (or any stream). Every span passes through RedactingSpanExporter
 * first (the runtime's redacting processor and service resource helpers). Telemetry backends are never instrumented: no tracerName.
 */
import { BasicTracerProvider, type SpanExporter, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { Resource } from "@opentelemetry/resources";
import {
  identityFromPackageJson,
  redactingExporter,
  redactingSpanProcessor,
  serviceResource,
  TelemetryBackendPlugin,
  withIdentity,
} from "@floe/runtime";
import {
  parseConsoleTelemetryConfig,
  type ConsoleTelemetryConfig,
  type ConsoleTelemetryConfigInput,
} from "./config.js";
import { StreamSpanExporter } from "./stream-span-exporter.js";

export class ConsoleTelemetryPlugin extends withIdentity(TelemetryBackendPlugin, identityFromPackageJson(import.meta.url)) {
  readonly config: ConsoleTelemetryConfig;

  constructor(config: ConsoleTelemetryConfigInput = {}) {
    super();
    this.config = parseConsoleTelemetryConfig(config);
  }


  /** `service.name`, `service.version`, `deployment.environment.name` and the extra attributes. */
  createResource(): Resource {
    return serviceResource(this.config);
  }

  createExporter(): SpanExporter {
    return redactingExporter(new StreamSpanExporter(this.config.stream ?? process.stdout, this.config.format));
  }

  createSpanProcessor(): SpanProcessor {
    return redactingSpanProcessor(this.createExporter(), { processor: this.config.processor });
  }

  /** A tracer provider printing every span; register it with `trace.setGlobalTracerProvider`. */
  createTracerProvider(): BasicTracerProvider {
    return new BasicTracerProvider({ resource: this.createResource(), spanProcessors: [this.createSpanProcessor()] });
  }
}
