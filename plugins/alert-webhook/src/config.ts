/**
 * Configuration of the signed-webhook channel, validated in the plugin's
 * constructor. The URL may carry a token (path or query), the signing secret
 * and extra header values are credentials: messages name the field, never them.
 */
import { floeContextSchema, urlHasNoUserinfo } from "@floe/runtime/plugin-kit";
import { z } from "zod";

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

export const webhookConfigSchema = z
  .object({
    /** Receiver URL. Treated as a credential (it may embed a token); spans record its host only. */
    url: z
      .url({ protocol: /^https?$/, error: "expected an http(s) URL" })
      .refine(urlHasNoUserinfo, { error: "must not embed credentials; use `headers`" }),
    /** HMAC-SHA256 key shared with the receiver. */
    signingSecret: z.string().min(16, { error: "expected at least 16 characters" }),
    signatureHeader: z.string().regex(HEADER_NAME).default("X-Floe-Signature"),
    timestampHeader: z.string().regex(HEADER_NAME).default("X-Floe-Timestamp"),
    idempotencyHeader: z.string().regex(HEADER_NAME).default("Idempotency-Key"),
    /** Extra request headers (e.g. `Authorization`); their values are treated as secrets. */
    headers: z.record(z.string().regex(HEADER_NAME), z.string()).default({}),
    /** Per-attempt timeout. */
    timeoutMs: z.number().int().positive().max(300_000).default(10_000),
    /** Retries on 5xx, 408, 429, timeouts and dropped connections: exponential backoff with full jitter. */
    retry: z
      .object({
        maxAttempts: z.number().int().min(1).max(10).default(4),
        baseDelayMs: z.number().int().min(0).max(60_000).default(500),
        maxDelayMs: z.number().int().min(0).max(600_000).default(10_000),
      })
      .strict()
      .default({ maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 10_000 }),
    /** floe deployment context added to every span. */
    floe: floeContextSchema.optional(),
  })
  .strict();

export type WebhookConfigInput = z.input<typeof webhookConfigSchema>;
export type WebhookConfig = z.output<typeof webhookConfigSchema>;
