/** `@floe/plugin-telemetry-console`: telemetry backend printing (redacted) spans to the console. */
export { ConsoleTelemetryPlugin } from "./console-plugin.js";
export {
  consoleTelemetryConfigSchema,
  parseConsoleTelemetryConfig,
  type ConsoleTelemetryConfig,
  type ConsoleTelemetryConfigInput,
} from "./config.js";
export { ConfigError } from "./errors.js";
export { StreamSpanExporter, toPrintedSpan, type PrintedSpan } from "./stream-span-exporter.js";
