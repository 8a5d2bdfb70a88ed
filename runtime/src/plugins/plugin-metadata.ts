/**
 * `PluginMetadata`: what every floe plugin declares about itself. The
 * instrumentation audit, the registry and the lint rules all read it.
 *
 * `floeApiVersion` and `tracerName` have defaults, and plugins declare them
 * both ways: `override get tracerName() { return TRACER_NAME; }` or
 * `readonly tracerName = "floe.alert.slack"`. TypeScript refuses a property
 * overriding a base accessor (TS2610) and an accessor overriding a base
 * property (TS2611), except when the base member is declared in an
 * interface. So the two members are declared in the interface merged with
 * the class, and their defaults are accessors installed on the prototype.
 */
import type { PluginType } from "../conventions.js";

/** Version of the plugin API this runtime implements. */
export const FLOE_API_VERSION = "1.0";

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the header: members subclasses may override as accessor or property
export interface PluginMetadata {
  /** The plugin API version this plugin was built against (default FLOE_API_VERSION). */
  readonly floeApiVersion: string;
  /**
   * OpenTelemetry tracer name, `floe.{category}.{implementation}`.
   * Undefined by default; every instrumented plugin overrides it.
   */
  readonly tracerName: string | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the header
export abstract class PluginMetadata {
  /** Plugin name, e.g. `alert-slack`. */
  abstract get name(): string;
  /** Plugin version (semver). */
  abstract get version(): string;
  abstract get pluginType(): PluginType;
}

/**
 * A default read from the prototype. Its setter turns an assignment into an own property, so a
 * subclass field initialised by assignment (`useDefineForClassFields: false`) still works.
 */
export function defaultMember(key: string, value: string | undefined): PropertyDescriptor {
  return {
    configurable: true,
    enumerable: false,
    get: () => value,
    set(this: object, next: unknown) {
      Object.defineProperty(this, key, { value: next, writable: true, configurable: true, enumerable: true });
    },
  };
}

Object.defineProperties(PluginMetadata.prototype, {
  floeApiVersion: defaultMember("floeApiVersion", FLOE_API_VERSION),
  tracerName: defaultMember("tracerName", undefined),
});
