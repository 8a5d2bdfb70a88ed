/**
 * Typed failures of the Slack channel. Slack's incoming webhooks answer errors
 * as a plain-text code (`invalid_payload`, `channel_not_found`, `no_service`...);
 * each maps to a class and a delivery status so the caller and the span know
 * why, and `destination` is the channel name (the URL is a credential).
 * Messages are sanitized and stripped of the webhook URL by the kit's
 * AlertChannelError at construction.
 */
import type { AlertDeliveryStatus } from "@floe/runtime";
import { AlertChannelError, deliveryStatusFor, httpFailureKind, type AlertChannelErrorOptions } from "@floe/runtime/plugin-kit";

export interface SlackErrorDetails extends AlertChannelErrorOptions {
  /** Slack's error code (`channel_not_found`) or ours (`timeout`, `unreachable`, `http_500`...). */
  code: string;
}

export class SlackError extends AlertChannelError {
  override name = "SlackError";

  constructor(message: string, details: SlackErrorDetails) {
    super(message, details);
  }
}

/** The payload was refused: `invalid_payload`, `invalid_blocks`, `no_text`, `too_many_attachments`. */
export class SlackInvalidPayloadError extends SlackError {
  override name = "SlackInvalidPayloadError";
}

/** The channel (or user) the webhook posts to is gone or archived. */
export class SlackChannelNotFoundError extends SlackError {
  override name = "SlackChannelNotFoundError";
}

/** The webhook itself does not exist any more (`no_service`, `no_team`, revoked) or answers 404. */
export class SlackWebhookNotFoundError extends SlackError {
  override name = "SlackWebhookNotFoundError";
}

/** Slack refuses to post (`action_prohibited`, `posting_to_general_channel_denied`, `invalid_token`...). */
export class SlackForbiddenError extends SlackError {
  override name = "SlackForbiddenError";
}

/** Still rate limited after the bounded `Retry-After` waits, or asked to wait longer than allowed. */
export class SlackRateLimitedError extends SlackError {
  override name = "SlackRateLimitedError";
}

/** HTTP 5xx from Slack. */
export class SlackServerError extends SlackError {
  override name = "SlackServerError";
}

/** Success status with a body other than Slack's `ok`, or an unexpected status. */
export class SlackResponseError extends SlackError {
  override name = "SlackResponseError";
}

export class SlackTimeoutError extends SlackError {
  override name = "SlackTimeoutError";
}

export class SlackUnreachableError extends SlackError {
  override name = "SlackUnreachableError";
}

type SlackErrorClass = new (message: string, details: SlackErrorDetails) => SlackError;

/** Slack's documented incoming-webhook error codes. */
const KNOWN_CODES: Record<string, SlackErrorClass> = {
  invalid_payload: SlackInvalidPayloadError,
  invalid_blocks: SlackInvalidPayloadError,
  invalid_blocks_format: SlackInvalidPayloadError,
  no_text: SlackInvalidPayloadError,
  too_many_attachments: SlackInvalidPayloadError,
  channel_not_found: SlackChannelNotFoundError,
  channel_is_archived: SlackChannelNotFoundError,
  user_not_found: SlackChannelNotFoundError,
  no_service: SlackWebhookNotFoundError,
  no_service_id: SlackWebhookNotFoundError,
  no_team: SlackWebhookNotFoundError,
  no_active_hooks: SlackWebhookNotFoundError,
  action_prohibited: SlackForbiddenError,
  posting_to_general_channel_denied: SlackForbiddenError,
  team_disabled: SlackForbiddenError,
  invalid_token: SlackForbiddenError,
  invalid_auth: SlackForbiddenError,
  rate_limited: SlackRateLimitedError,
};

/** A Slack error code is a short snake_case word; anything else is a body we do not recognise. */
const SLACK_CODE = /^[a-z][a-z0-9_]{1,60}$/;

/** Our class for a status whose body is not a Slack code, by the kind of HTTP failure it is. */
const CLASS_FOR_KIND = {
  server_error: SlackServerError,
  not_found: SlackWebhookNotFoundError,
  unauthorized: SlackForbiddenError,
  redirect: SlackResponseError,
  rate_limited: SlackResponseError,
  rejected: SlackResponseError,
} as const;

/**
 * The typed error for a non-`ok` webhook answer, quoting the (trimmed) body;
 * the kit's error base strips `secrets` (the webhook URL) and sanitizes it.
 */
export function slackErrorFor(
  status: number,
  body: string,
  destination: string,
  secrets: readonly string[] = [],
): SlackError {
  const code = body.trim();
  const known = SLACK_CODE.test(code) ? KNOWN_CODES[code] : undefined;
  const details = { destination, status, secrets };
  const where = `Slack webhook for ${destination} answered HTTP ${status}`;
  if (known) {
    const deliveryStatus: AlertDeliveryStatus =
      known === SlackRateLimitedError ? "rate_limited" : status >= 500 ? "failed" : "rejected";
    return new known(`${where}: ${code}`, { ...details, code, deliveryStatus });
  }
  const suffix = code ? `: ${code}` : "";
  if (status >= 200 && status < 300) {
    return new SlackResponseError(`${where} but not "ok"${suffix}`, { ...details, code: "malformed_response", deliveryStatus: "failed" });
  }
  const kind = httpFailureKind(status);
  return new CLASS_FOR_KIND[kind](`${where}${suffix}`, { ...details, code: `http_${status}`, deliveryStatus: deliveryStatusFor(kind) });
}
