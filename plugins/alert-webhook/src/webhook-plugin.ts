/**
 * `WebhookAlertPlugin`: delivers floe alerts as JSON to any HTTP receiver,
 * signed with HMAC-SHA256 over timestamp and body, with an idempotency key so
 * the bounded retries (exponential backoff with jitter on 5xx, 429, timeouts
 * and dropped connections) cannot double-post. Spans name the receiver's host,
 * count the attempts, and never carry the URL, the secret or header values.
 */
import { randomUUID } from "node:crypto";
import type { Span } from "@opentelemetry/api";
import { AlertChannelPlugin, type Alert, type AlertDeliveryResult, type FloeContext, type HealthStatus } from "@floe/runtime";
import {
  backoffDelay,
  checkChannelHealth,
  deliveredResult,
  parseConfig,
  recordDeliveryFailure,
  sleep,
} from "@floe/runtime/plugin-kit";
import { webhookConfigSchema, type WebhookConfig, type WebhookConfigInput } from "./config.js";
import { WebhookError } from "./errors.js";
import { attemptDelivery } from "./http.js";
import { pingDocument, toAlertDocument } from "./payload.js";
import { signWebhook } from "./signature.js";
import { ATTRIBUTES, alertSpan, tracing } from "./tracing.js";

const CHANNEL = "webhook";
const USER_AGENT = "floe-alert-webhook/0.1.0";

/** Parts of a receiver URL that may be its credential: the whole, path+query, query values, long path segments. */
function urlSecrets(raw: string): string[] {
  const url = new URL(raw);
  const parts = [raw, `${url.pathname}${url.search}`];
  for (const value of url.searchParams.values()) parts.push(value);
  for (const segment of url.pathname.split("/")) if (segment.length >= 12) parts.push(segment);
  return parts.filter((part) => part.length >= 6);
}

export class WebhookAlertPlugin extends tracing.Plugin(AlertChannelPlugin) {
  private readonly config: WebhookConfig;
  /** The receiver's `host:port`: the only part of the URL spans and errors mention. */
  readonly destination: string;
  private readonly floeContext: FloeContext | undefined;
  private readonly secrets: readonly string[];

  constructor(config: WebhookConfigInput) {
    super();
    this.config = parseConfig(this.name, webhookConfigSchema, config, { code: "invalid_config" });
    this.destination = new URL(this.config.url).host;
    this.floeContext = this.config.floe;
    this.secrets = [this.config.signingSecret, ...urlSecrets(this.config.url), ...Object.values(this.config.headers)];
  }

  async sendAlert(alert: Alert): Promise<AlertDeliveryResult> {
    return alertSpan(
      "sendAlert",
      {
        [ATTRIBUTES.CHANNEL]: CHANNEL,
        [ATTRIBUTES.DESTINATION]: this.destination,
        [ATTRIBUTES.SEVERITY]: alert.severity,
      },
      async (span) => {
        const id = alert.id ?? randomUUID();
        const body = JSON.stringify(toAlertDocument(alert, id));
        try {
          const attempts = await this.deliver(span, "alert", id, body, this.config.retry.maxAttempts);
          return deliveredResult(span, ATTRIBUTES, { destination: this.destination, attempts, id });
        } catch (error) {
          recordDeliveryFailure(span, ATTRIBUTES, error);
          throw error;
        }
      },
      { floe: this.floeContext },
    );
  }

  /** Sends one signed `floe.ping` (no retries): healthy when the receiver answers 2xx. */
  async healthCheck(): Promise<HealthStatus> {
    return alertSpan(
      "healthCheck",
      { [ATTRIBUTES.CHANNEL]: CHANNEL, [ATTRIBUTES.DESTINATION]: this.destination },
      (span) =>
        checkChannelHealth(span, { destination: this.destination, attributes: ATTRIBUTES, secrets: this.secrets }, async () => {
          const id = randomUUID();
          await this.deliver(span, "ping", id, JSON.stringify(pingDocument(id)), 1);
          return "receiver accepted a signed ping";
        }),
      { floe: this.floeContext },
    );
  }

  /** Posts `body` until a 2xx, a non-retryable answer, or `maxAttempts`; returns the attempts made. */
  private async deliver(span: Span, event: string, id: string, body: string, maxAttempts: number): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      span.setAttribute(ATTRIBUTES.ATTEMPTS, attempt);
      try {
        const status = await attemptDelivery({
          url: this.config.url,
          headers: this.headersFor(event, id, body),
          body,
          timeoutMs: this.config.timeoutMs,
          destination: this.destination,
          secrets: this.secrets,
        });
        span.setAttribute(ATTRIBUTES.HTTP_STATUS, status);
        return attempt;
      } catch (error) {
        if (!(error instanceof WebhookError)) throw error;
        error.attempts = attempt;
        if (!error.retryable || attempt >= maxAttempts) throw error;
        const { baseDelayMs, maxDelayMs } = this.config.retry;
        const delay =
          error.retryAfterMs !== undefined
            ? Math.min(error.retryAfterMs, maxDelayMs)
            : backoffDelay(attempt, { baseDelayMs, maxDelayMs });
        const retry: Record<string, string | number> = {
          "alert.attempts": attempt,
          "retry.delay_ms": delay,
          "error.type": error.code,
        };
        if (error.status !== undefined) retry["http.response.status_code"] = error.status;
        span.addEvent("webhook.retry", retry);
        await sleep(delay);
      }
    }
  }

  /** Fresh timestamp and signature per attempt; same body and idempotency key on every retry. */
  private headersFor(event: string, id: string, body: string): Record<string, string> {
    const timestamp = Math.floor(Date.now() / 1000);
    return {
      ...this.config.headers,
      "content-type": "application/json",
      "user-agent": USER_AGENT,
      "x-floe-event": event,
      [this.config.idempotencyHeader]: id,
      [this.config.timestampHeader]: String(timestamp),
      [this.config.signatureHeader]: signWebhook(this.config.signingSecret, timestamp, body),
    };
  }
}
