/**
 * Typed failures of the webhook channel: where (`destination`, the receiver's
 * host, never its token-bearing URL), why (`code`, HTTP `status`,
 * `deliveryStatus`), whether another attempt could help (`retryable`) and how
 * many were made (`attempts`). Messages are sanitized and stripped of the
 * channel's secrets by the kit's AlertChannelError at construction.
 */
import { AlertChannelError, type AlertChannelErrorOptions, defineErrorKinds } from "@floe/runtime/plugin-kit";

export type WebhookErrorCode =
  | "rejected"
  | "unauthorized"
  | "not_found"
  | "rate_limited"
  | "server_error"
  | "timeout"
  | "unreachable";

export interface WebhookErrorDetails extends AlertChannelErrorOptions {
  code: WebhookErrorCode;
  /** Whether another attempt could help; default: only after a timeout or an unreachable receiver. */
  retryable?: boolean;
  /** Server-requested wait before retrying (429/503 `Retry-After`). */
  retryAfterMs?: number;
}

export class WebhookError extends AlertChannelError {
  override name = "WebhookError";
  declare readonly code: WebhookErrorCode;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: WebhookErrorDetails) {
    super(message, details);
    this.retryable = details.retryable ?? (details.deliveryStatus === "timeout" || details.deliveryStatus === "unreachable");
    this.retryAfterMs = details.retryAfterMs;
  }
}

export const { WebhookRejectedError, WebhookAuthError, WebhookNotFoundError, WebhookRateLimitedError, WebhookServerError, WebhookTimeoutError, WebhookUnreachableError } = defineErrorKinds(WebhookError, {
  /** 4xx other than 401/403/404/408/410/429: the receiver refused this payload; retrying will not help. */
  WebhookRejectedError: {},
  /** 401/403: the signature or credentials were refused. */
  WebhookAuthError: {},
  /** 404/410: no receiver at this URL. */
  WebhookNotFoundError: {},
  /** 429 on the last attempt. */
  WebhookRateLimitedError: {},
  /** 5xx on the last attempt. */
  WebhookServerError: {},
  /** No answer within `timeoutMs` on the last attempt. */
  WebhookTimeoutError: {},
  /** Connection refused or reset, DNS failure, or an answer that was not valid HTTP, on the last attempt. */
  WebhookUnreachableError: {},
});
export type WebhookRejectedError = InstanceType<typeof WebhookRejectedError>;
export type WebhookAuthError = InstanceType<typeof WebhookAuthError>;
export type WebhookNotFoundError = InstanceType<typeof WebhookNotFoundError>;
export type WebhookRateLimitedError = InstanceType<typeof WebhookRateLimitedError>;
export type WebhookServerError = InstanceType<typeof WebhookServerError>;
export type WebhookTimeoutError = InstanceType<typeof WebhookTimeoutError>;
export type WebhookUnreachableError = InstanceType<typeof WebhookUnreachableError>;

