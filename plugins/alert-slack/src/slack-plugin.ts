/**
 * `SlackAlertPlugin`: posts floe alerts to a Slack incoming webhook as Block
 * Kit messages, honours 429 `Retry-After` within bounds, and maps Slack's
 * error codes to typed errors. Spans name the channel, never the webhook URL
 * (which is the credential).
 */
import type { Span } from "@opentelemetry/api";
import {
  AlertChannelPlugin,
  type Alert,
  type AlertDeliveryResult,
  type FloeContext,
  type HealthStatus,
  redactKnownSecrets,
} from "@floe/runtime";
import { buildSlackMessage } from "./blocks.js";
import { parseConfig, type SlackConfig, type SlackConfigInput } from "./config.js";
import { SlackError, SlackRateLimitedError, slackErrorFor } from "./errors.js";
import { postToWebhook } from "./http.js";

import { retryAfterMs, sleep } from "./retry-after.js";
import { ATTRIBUTES, TRACER_NAME, alertSpan } from "./tracing.js";

const CHANNEL = "slack";
/** Answers a live webhook gives to an empty payload: it exists, it just has nothing to post. */
const ALIVE_ANSWERS = new Set(["no_text", "invalid_payload", "missing_text_or_fallback_or_attachments"]);

export class SlackAlertPlugin extends AlertChannelPlugin {
  override get name(): string {
    return "alert-slack";
  }
  override get version(): string {
    return "0.1.0";
  }
  override get tracerName(): string {
    return TRACER_NAME;
  }

  private readonly config: SlackConfig;
  /** The channel name: the only destination spans and errors mention. */
  readonly destination: string;
  private readonly floeContext: FloeContext | undefined;
  /** The webhook URL and its token-bearing path: never allowed in a message. */
  private readonly secrets: readonly string[];

  constructor(config: SlackConfigInput) {
    super();
    this.config = parseConfig(config);
    this.destination = this.config.channel;
    this.floeContext = this.config.floe;
    const url = new URL(this.config.webhookUrl);
    const lastSegment = url.pathname.split("/").filter(Boolean).pop() ?? "";
    this.secrets = [this.config.webhookUrl, url.pathname, lastSegment].filter((s) => s.length >= 6);
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
        let attempts = 0;
        try {
          const message = buildSlackMessage(alert, { mentionOnCritical: this.config.mentionOnCritical });
          const { maxRetries, maxWaitMs, defaultWaitMs } = this.config.rateLimit;
          for (;;) {
            attempts++;
            span.setAttribute(ATTRIBUTES.ATTEMPTS, attempts);
            const answer = await postToWebhook(this.config.webhookUrl, message, this.config.timeoutMs, this.destination);
            span.setAttribute(ATTRIBUTES.HTTP_STATUS, answer.status);
            if (answer.status === 200 && answer.body.trim() === "ok") {
              span.setAttribute(ATTRIBUTES.DELIVERY_STATUS, "delivered");
              return { delivered: true, status: "delivered", destination: this.destination, attempts, id: alert.id };
            }
            if (answer.status === 429) {
              const wait = retryAfterMs(answer.retryAfter) ?? defaultWaitMs;
              if (attempts > maxRetries || wait > maxWaitMs) throw this.rateLimited(attempts, wait, maxWaitMs);
              span.addEvent("slack.rate_limited", { "retry_after_ms": wait, "alert.attempts": attempts });
              await sleep(wait);
              continue;
            }
            throw slackErrorFor(answer.status, answer.body, this.reason(answer.body), this.destination);
          }
        } catch (error) {
          if (error instanceof SlackError) error.attempts = attempts;
          recordFailure(span, error);
          throw error;
        }
      },
      { floe: this.floeContext },
    );
  }

  /**
   * Posts an empty payload: a live webhook refuses it with `no_text` without
   * posting anything; a revoked one answers `no_service` / 404 / 403.
   */
  async healthCheck(): Promise<HealthStatus> {
    return alertSpan(
      "healthCheck",
      { [ATTRIBUTES.CHANNEL]: CHANNEL, [ATTRIBUTES.DESTINATION]: this.destination },
      async (span) => {
        let status: HealthStatus;
        try {
          const answer = await postToWebhook(this.config.webhookUrl, {}, this.config.timeoutMs, this.destination);
          span.setAttribute(ATTRIBUTES.HTTP_STATUS, answer.status);
          const code = answer.body.trim();
          if ((answer.status === 400 && ALIVE_ANSWERS.has(code)) || (answer.status === 200 && code === "ok")) {
            status = { healthy: true, destination: this.destination, detail: `webhook answered ${code} to an empty payload` };
          } else {
            throw slackErrorFor(answer.status, answer.body, this.reason(answer.body), this.destination);
          }
        } catch (error) {
          if (!(error instanceof SlackError)) throw error;
          span.setAttribute(ATTRIBUTES.ERROR_TYPE, error.code);
          status = { healthy: false, destination: this.destination, detail: redactKnownSecrets(error.message, this.secrets) };
        }
        span.setAttribute(ATTRIBUTES.HEALTHY, status.healthy);
        return status;
      },
      { floe: this.floeContext },
    );
  }

  private reason(body: string): string {
    return redactKnownSecrets(body.trim(), this.secrets, { maxLength: 200 });
  }

  private rateLimited(attempts: number, wait: number, maxWaitMs: number): SlackRateLimitedError {
    const why =
      wait > maxWaitMs
        ? `asked to wait ${wait} ms, more than the ${maxWaitMs} ms allowed`
        : `still rate limited after ${attempts} attempts`;
    return new SlackRateLimitedError(`Slack webhook for ${this.destination} answered HTTP 429: ${why}`, {
      code: "rate_limited",
      deliveryStatus: "rate_limited",
      destination: this.destination,
      status: 429,
      attempts,
    });
  }
}

/** Where and why, on the span, before the (sanitized) error itself is recorded by the span helper. */
function recordFailure(span: Span, error: unknown): void {
  if (error instanceof SlackError) {
    span.setAttribute(ATTRIBUTES.DELIVERY_STATUS, error.deliveryStatus);
    span.setAttribute(ATTRIBUTES.ERROR_TYPE, error.code);
    if (error.status !== undefined) span.setAttribute(ATTRIBUTES.HTTP_STATUS, error.status);
  } else {
    span.setAttribute(ATTRIBUTES.DELIVERY_STATUS, "failed");
    span.setAttribute(ATTRIBUTES.ERROR_TYPE, error instanceof Error ? error.name : "unknown");
  }
}
