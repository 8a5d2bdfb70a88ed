/**
 * Configuration of the Slack channel, validated in the plugin's constructor.
 * The webhook URL is a credential (its path is the token): validation messages
 * name the field and what was expected, never the URL.
 */
import { floeContextSchema } from "@floe/runtime/plugin-kit";
import { z } from "zod";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Slack only serves https; plain http is accepted for a loopback peer (tests, a local relay). */
function isHttpsOrLoopback(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || LOOPBACK_HOSTS.has(url.hostname);
  } catch {
    return true; // z.url() reports the malformed URL itself
  }
}

export const slackConfigSchema = z
  .object({
    /** The incoming webhook URL (`https://hooks.slack.com/services/T.../B.../...`). Secret. */
    webhookUrl: z
      .url({ protocol: /^https?$/, error: "expected an http(s) URL" })
      .refine(isHttpsOrLoopback, { error: "must use https (http only for a loopback host)" }),
    /** Name of the channel the webhook posts to (e.g. `#data-alerts`): what spans record as the destination. */
    channel: z.string().min(1),
    /** Per-request timeout. */
    timeoutMs: z.number().int().positive().max(300_000).default(10_000),
    /** HTTP 429 handling: wait `Retry-After` (bounded by `maxWaitMs`) at most `maxRetries` times. */
    rateLimit: z
      .object({
        maxRetries: z.number().int().min(0).max(10).default(2),
        maxWaitMs: z.number().int().min(0).max(600_000).default(30_000),
        /** Wait used when a 429 carries no usable `Retry-After`. */
        defaultWaitMs: z.number().int().min(0).max(600_000).default(1_000),
      })
      .strict()
      .default({ maxRetries: 2, maxWaitMs: 30_000, defaultWaitMs: 1_000 }),
    /** Mention added to critical alerts, e.g. `<!here>` or `<!subteam^S0123>`. */
    mentionOnCritical: z.string().min(1).optional(),
    /** floe deployment context added to every span. */
    floe: floeContextSchema.optional(),
  })
  .strict();

export type SlackConfigInput = z.input<typeof slackConfigSchema>;
export type SlackConfig = z.output<typeof slackConfigSchema>;
