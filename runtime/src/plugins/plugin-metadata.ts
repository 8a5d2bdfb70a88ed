/**
 * `PluginMetadata`: what every floe plugin declares about itself. The
 * instrumentation audit, the registry and the lint rules all read it.
 */
import type { PluginType } from "../conventions.js";

/** Version of the plugin API this runtime implements. */
export const FLOE_API_VERSION = "1.0";

export abstract class PluginMetadata {
  /** Plugin name, e.g. `alert-slack`. */
  abstract get name(): string;
  /** Plugin version (semver). */
  abstract get version(): string;
  /** The plugin API version this plugin was built against. */
  get floeApiVersion(): string {
    return FLOE_API_VERSION;
  }
  abstract get pluginType(): PluginType;
  /**
   * OpenTelemetry tracer name, `floe.{category}.{implementation}`.
   * Undefined by default; every instrumented plugin overrides it.
   */
  get tracerName(): string | undefined {
    return undefined;
  }
}
