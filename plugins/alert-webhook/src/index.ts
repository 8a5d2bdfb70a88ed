/** `@floe/plugin-alert-webhook`: HMAC-signed JSON webhook alert channel for floe. */
export { WebhookAlertPlugin } from "./webhook-plugin.js";
export { ConfigError } from "@floe/runtime/plugin-kit";
export { webhookConfigSchema, type WebhookConfig, type WebhookConfigInput } from "./config.js";
export * from "./errors.js";
export { signWebhook, verifyWebhookSignature, SIGNATURE_PREFIX, type VerifyOptions } from "./signature.js";
export { toAlertDocument, type WebhookAlertDocument } from "./payload.js";
export * from "./tracing.js";
