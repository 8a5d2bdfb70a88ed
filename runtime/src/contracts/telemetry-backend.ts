/**
 * Contract for TELEMETRY_BACKEND plugins: configure where spans go.
 * Never instrumented (a tracer tracing its own exporter loops), so no tracerName.
 */
import type { SpanExporter, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export abstract class TelemetryBackendPlugin extends PluginMetadata {
  override get pluginType(): typeof PluginType.TELEMETRY_BACKEND {
    return PluginType.TELEMETRY_BACKEND;
  }
  /** The exporter spans are sent through (wrapped in RedactingSpanExporter). */
  abstract createExporter(): SpanExporter;
  /** The span processor to register on a tracer provider. */
  abstract createSpanProcessor(): SpanProcessor;
}
