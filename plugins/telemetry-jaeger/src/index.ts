/** `@floe/plugin-telemetry-jaeger`: telemetry backend exporting (redacted) spans to Jaeger over OTLP/HTTP. */
export { JaegerTelemetryPlugin } from "./jaeger-plugin.js";
export {
  jaegerTelemetryConfigSchema,
  parseJaegerTelemetryConfig,
  type JaegerTelemetryConfig,
  type JaegerTelemetryConfigInput,
} from "./config.js";
export { ConfigError } from "./errors.js";
