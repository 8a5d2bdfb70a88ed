/** Typed errors of the jaeger telemetry backend: only configuration can fail, with the kit's ConfigError. */

/** The configuration failed validation; `issues` lists `path: expectation` (never a header's value). */
export { ConfigError } from "@floe/runtime/plugin-kit";
