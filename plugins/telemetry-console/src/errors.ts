/** Typed errors of the console telemetry backend: only configuration can fail, with the kit's ConfigError. */

/** The configuration failed validation; `issues` lists `path: expectation`. */
export { ConfigError } from "@floe/runtime/plugin-kit";
