/** `@floe/plugin-alert-slack`: Slack incoming-webhook alert channel for floe. */
export { SlackAlertPlugin } from "./slack-plugin.js";
export { ConfigError } from "@floe/runtime/plugin-kit";
export { slackConfigSchema, type SlackConfig, type SlackConfigInput } from "./config.js";
export * from "./errors.js";
export { buildSlackMessage, escapeMrkdwn, type SlackBlock, type SlackMessage } from "./blocks.js";
export * from "./tracing.js";
