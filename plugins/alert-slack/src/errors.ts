/**
 * Typed failures of the Slack channel. Slack's incoming webhooks answer errors
 * as a plain-text code (`invalid_payload`, `channel_not_found`, `no_service`...);
 * each maps to a class and a delivery status so the caller and the span know
 * why, and `destination` is the channel name (the URL is a credential).
 * Messages are sanitized and stripped of the webhook URL by the kit's
 * AlertChannelError at construction.
 */
import type { AlertDeliveryStatus } from "@floe/runtime";
import { AlertChannelError, deliveryStatusFor, httpFailureKind, type AlertChannelErrorOptions, defineErrorFamily } from "@floe/runtime/plugin-kit";

export interface SlackErrorDetails extends AlertChannelErrorOptions {
  /** Slack's error code (`channel_not_found`) or ours (`timeout`, `unreachable`, `http_500`...). */
  code: string;
}

const family = defineErrorFamily(
  "SlackError",
  {
    /** The payload was refused: `invalid_payload`, `invalid_blocks`, `no_text`, `too_many_attachments`. */
    SlackInvalidPayloadError: {},
    /** The channel (or user) the webhook posts to is gone or archived. */
    SlackChannelNotFoundError: {},
    /** The webhook itself does not exist any more (`no_service`, `no_team`, revoked) or answers 404. */
    SlackWebhookNotFoundError: {},
    /** Slack refuses to post (`action_prohibited`, `posting_to_general_channel_denied`, `invalid_token`...). */
    SlackForbiddenError: {},
    /** Still rate limited after the bounded `Retry-After` waits, or asked to wait longer than allowed. */
    SlackRateLimitedError: {},
    /** HTTP 5xx from Slack. */
    SlackServerError: {},
    /** Success status with a body other than Slack's `ok`, or an unexpected status. */
    SlackResponseError: {},
    SlackTimeoutError: {},
    SlackUnreachableError: {},
  },
  { parent: AlertChannelError },
);
export const { SlackError, SlackInvalidPayloadError, SlackChannelNotFoundError, SlackWebhookNotFoundError, SlackForbiddenError, SlackRateLimitedError, SlackServerError, SlackResponseError, SlackTimeoutError, SlackUnreachableError } = family;
export type SlackError = InstanceType<typeof SlackError>;
export type SlackInvalidPayloadError = InstanceType<typeof SlackInvalidPayloadError>;
export type SlackChannelNotFoundError = InstanceType<typeof SlackChannelNotFoundError>;
export type SlackWebhookNotFoundError = InstanceType<typeof SlackWebhookNotFoundError>;
export type SlackForbiddenError = InstanceType<typeof SlackForbiddenError>;
export type SlackRateLimitedError = InstanceType<typeof SlackRateLimitedError>;
export type SlackServerError = InstanceType<typeof SlackServerError>;
export type SlackResponseError = InstanceType<typeof SlackResponseError>;
export type SlackTimeoutError = InstanceType<typeof SlackTimeoutError>;
export type SlackUnreachableError = InstanceType<typeof SlackUnreachableError>;

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
