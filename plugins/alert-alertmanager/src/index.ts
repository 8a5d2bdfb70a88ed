/** `@floe/plugin-alert-alertmanager`: Prometheus Alertmanager alert channel for floe. */
export { AlertmanagerAlertPlugin } from "./alertmanager-plugin.js";
export { ConfigError } from "@floe/runtime/plugin-kit";
export { alertmanagerConfigSchema, type AlertmanagerConfig, type AlertmanagerConfigInput } from "./config.js";
export * from "./errors.js";
export { toPostableAlert, type PostableAlert } from "./payload.js";
export * from "./tracing.js";
