/**
 * Typed failures of the Slack channel. Slack's incoming webhooks answer errors
 * as a plain-text code (`invalid_payload`, `channel_not_found`, `no_service`...);
 * each maps to a class and a delivery status so the caller and the span know
 * why, and `destination` is the channel name (the URL is a credential).
 */
import type { AlertDeliveryStatus } from "@floe/runtime";

export interface SlackErrorDetails {
  /** Slack's error code (`channel_not_found`) or ours (`timeout`, `unreachable`, `http_500`...). */
  code: string;
  deliveryStatus: AlertDeliveryStatus;
  destination: string;
  status?: number;
  attempts?: number;
}

export class SlackError extends Error {
  override name = "SlackError";
  readonly code: string;
  readonly deliveryStatus: AlertDeliveryStatus;
  readonly destination: string;
  readonly status: number | undefined;
  /** Requests made before giving up. */
  attempts: number;

  constructor(message: string, details: SlackErrorDetails) {
    super(message);
    this.code = details.code;
    this.deliveryStatus = details.deliveryStatus;
    this.destination = details.destination;
    this.status = details.status;
    this.attempts = details.attempts ?? 1;
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

/** The typed error for a non-`ok` webhook answer. `reason` is already redacted and sanitized. */
export function slackErrorFor(status: number, body: string, reason: string, destination: string): SlackError {
  const code = body.trim();
  const known = SLACK_CODE.test(code) ? KNOWN_CODES[code] : undefined;
  const details = { destination, status };
  const where = `Slack webhook for ${destination} answered HTTP ${status}`;
  if (known) {
    const deliveryStatus: AlertDeliveryStatus =
      known === SlackRateLimitedError ? "rate_limited" : status >= 500 ? "failed" : "rejected";
    return new known(`${where}: ${code}`, { ...details, code, deliveryStatus });
  }
  const suffix = reason ? `: ${reason}` : "";
  if (status >= 500) return new SlackServerError(`${where}${suffix}`, { ...details, code: `http_${status}`, deliveryStatus: "failed" });
  if (status === 404) {
    return new SlackWebhookNotFoundError(`${where}${suffix}`, { ...details, code: "http_404", deliveryStatus: "rejected" });
  }
  if (status === 401 || status === 403) {
    return new SlackForbiddenError(`${where}${suffix}`, { ...details, code: `http_${status}`, deliveryStatus: "rejected" });
  }
  if (status >= 200 && status < 300) {
    return new SlackResponseError(`${where} but not "ok"${suffix}`, { ...details, code: "malformed_response", deliveryStatus: "failed" });
  }
  return new SlackResponseError(`${where}${suffix}`, { ...details, code: `http_${status}`, deliveryStatus: status < 500 ? "rejected" : "failed" });
}
