/**
 * `SlackAlertPlugin`: posts floe alerts to a Slack incoming webhook as Block
 * Kit messages, honours 429 `Retry-After` within bounds, and maps Slack's
 * error codes to typed errors. Spans name the channel, never the webhook URL
 * (which is the credential).
 */
import {
  AlertChannelPlugin,
  type Alert,
  type AlertDeliveryResult,
  type FloeContext,
  type HealthStatus,
} from "@floe/runtime";
import {
  alertTransportErrors,
  checkChannelHealth,
  deliveredResult,
  httpRequestAs,
  parseConfig,
  recordDeliveryFailure,
  retryAfterMs,
  sleep,
  type HttpResponse,
} from "@floe/runtime/plugin-kit";
import { buildSlackMessage } from "./blocks.js";
import { slackConfigSchema, type SlackConfig, type SlackConfigInput } from "./config.js";
import { SlackError, SlackRateLimitedError, SlackTimeoutError, SlackUnreachableError, slackErrorFor } from "./errors.js";
import { ATTRIBUTES, alertSpan, tracing } from "./tracing.js";

const CHANNEL = "slack";
/** Answers a live webhook gives to an empty payload: it exists, it just has nothing to post. */
const ALIVE_ANSWERS = new Set(["no_text", "invalid_payload", "missing_text_or_fallback_or_attachments"]);

export class SlackAlertPlugin extends tracing.Plugin(AlertChannelPlugin) {
  private readonly config: SlackConfig;
  /** The channel name: the only destination spans and errors mention. */
  readonly destination: string;
  private readonly floeContext: FloeContext | undefined;
  /** The webhook URL and its token-bearing path: never allowed in a message. */
  private readonly secrets: readonly string[];

  constructor(config: SlackConfigInput) {
    super();
    this.config = parseConfig(this.name, slackConfigSchema, config, { code: "invalid_config" });
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
            const answer = await this.post(message);
            span.setAttribute(ATTRIBUTES.HTTP_STATUS, answer.status);
            if (answer.status === 200 && answer.text.trim() === "ok") {
              return deliveredResult(span, ATTRIBUTES, { destination: this.destination, attempts, id: alert.id });
            }
            if (answer.status === 429) {
              const wait = retryAfterMs(answer.headers.get("retry-after")) ?? defaultWaitMs;
              if (attempts > maxRetries || wait > maxWaitMs) throw this.rateLimited(attempts, wait, maxWaitMs);
              span.addEvent("slack.rate_limited", { "retry_after_ms": wait, "alert.attempts": attempts });
              await sleep(wait);
              continue;
            }
            throw this.errorFor(answer);
          }
        } catch (error) {
          if (error instanceof SlackError) error.attempts = attempts;
          recordDeliveryFailure(span, ATTRIBUTES, error);
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
      (span) =>
        checkChannelHealth(span, { destination: this.destination, attributes: ATTRIBUTES, secrets: this.secrets }, async () => {
          const answer = await this.post({});
          span.setAttribute(ATTRIBUTES.HTTP_STATUS, answer.status);
          const code = answer.text.trim();
          if ((answer.status === 400 && ALIVE_ANSWERS.has(code)) || (answer.status === 200 && code === "ok")) {
            return `webhook answered ${code} to an empty payload`;
          }
          throw this.errorFor(answer);
        }),
      { floe: this.floeContext },
    );
  }

  /** One POST to the webhook; a timeout or an unreachable host surfaces as this channel's typed error, without the URL. */
  private post(payload: unknown): Promise<HttpResponse> {
    return httpRequestAs(
      {
        method: "POST",
        url: this.config.webhookUrl,
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify(payload),
        timeoutMs: this.config.timeoutMs,
        peer: `Slack webhook for ${this.destination}`,
      },
      alertTransportErrors({ timeout: SlackTimeoutError, unreachable: SlackUnreachableError }, this.destination, this.secrets),
    );
  }

  private errorFor(answer: HttpResponse): SlackError {
    return slackErrorFor(answer.status, answer.text, this.destination, this.secrets);
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
