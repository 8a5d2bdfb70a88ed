/**
 * `@floe/runtime/plugin-kit`: what every plugin needs besides tracing, in one
 * place: typed errors with sanitized messages, configuration validation
 * (including the shared `floe` context schema), bounded HTTP exchanges and
 * retry pacing.
 */
export * from "./errors.js";
export * from "./error-family.js";
export * from "./config.js";
export * from "./floe-context-schema.js";
export * from "./issues.js";
export * from "./http.js";
export * from "./backoff.js";
export * from "./http-failures.js";
export * from "./alert-delivery.js";
export * from "./url-checks.js";
export * from "./quality-report.js";
