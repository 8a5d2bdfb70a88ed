export { PagerDutyAlertPlugin, type PagerDutyConfig } from "./plugin.js";
export { withRetry } from "./retry.js";
