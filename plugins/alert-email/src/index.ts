/** `@floe/plugin-alert-email`: SMTP e-mail alert channel for floe (nodemailer). */
export { EmailAlertPlugin } from "./email-plugin.js";
export { ConfigError } from "@floe/runtime/plugin-kit";
export { emailConfigSchema, type EmailConfig, type EmailConfigInput } from "./config.js";
export * from "./errors.js";
export { renderEmail, escapeHtml, type RenderedEmail } from "./message.js";
export * from "./tracing.js";
