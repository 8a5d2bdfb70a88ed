/**
 * Incoming-webhook URLs whose path IS the credential: Slack
 * (`hooks.slack.com/services/T../B../<secret>`), Discord
 * (`discord.com/api/webhooks/<id>/<secret>`) and Microsoft Teams
 * (`.../IncomingWebhook/<secret>/<guid>/V2<signature>`). The host and the non-secret ids stay.
 */
import { REDACTED } from "../marker.js";
import type { RedactionRule } from "./rule.js";

// The team (`T...`) and bot/app (`B...`/`A...`) ids stay; the rest of the path, whatever its alphabet, is the secret.
const SLACK = /(hooks\.slack\.com\/(?:services|workflows|triggers)\/(?:T[A-Z0-9]{6,12}\/(?:[AB][A-Z0-9]{6,12}\/)?)?\/*)([A-Za-z0-9+][A-Za-z0-9+\/]*={0,2})(?![A-Za-z0-9+\/=<])/g;
const DISCORD = /(discord(?:app)?\.com\/api\/webhooks\/\d+\/)([A-Za-z0-9_\-]{20,})/g;
const TEAMS = /(\/IncomingWebhook\/)([A-Za-z0-9]{16,})/g;
/** Newer Teams connector URLs end `/IncomingWebhook/<secret>/<owner guid>/V2<signature>`. */
const TEAMS_V2_SIGNATURE = /(\/IncomingWebhook\/[^\s\/]{1,64}\/[0-9A-Fa-f\-]{36}\/)(V2[A-Za-z0-9_\-]{16,})/g;

export function redactWebhookUrls(text: string): string {
  return text
    .replace(SLACK, (_whole: string, prefix: string) => `${prefix}${REDACTED}`)
    .replace(DISCORD, (_whole: string, prefix: string) => `${prefix}${REDACTED}`)
    .replace(TEAMS, (_whole: string, prefix: string) => `${prefix}${REDACTED}`)
    .replace(TEAMS_V2_SIGNATURE, (_whole: string, prefix: string) => `${prefix}${REDACTED}`);
}

export const webhookUrlRule: RedactionRule = {
  name: "webhook-urls",
  mayApply: (text) => text.includes("hooks.slack.com") || text.includes("/webhooks/") || text.includes("IncomingWebhook"),
  apply: redactWebhookUrls,
};
