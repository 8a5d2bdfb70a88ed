/**
 * Typed failures of the webhook channel: where (`destination`, the receiver's
 * host, never its token-bearing URL), why (`code`, HTTP `status`,
 * `deliveryStatus`), whether another attempt could help (`retryable`) and how
 * many were made (`attempts`). Messages are sanitized and stripped of the
 * channel's secrets by the kit's AlertChannelError at construction.
 */
import { AlertChannelError, type AlertChannelErrorOptions } from "@floe/runtime/plugin-kit";

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

/** 4xx other than 401/403/404/408/410/429: the receiver refused this payload; retrying will not help. */
export class WebhookRejectedError extends WebhookError {
  override name = "WebhookRejectedError";
}

/** 401/403: the signature or credentials were refused. */
export class WebhookAuthError extends WebhookError {
  override name = "WebhookAuthError";
}

/** 404/410: no receiver at this URL. */
export class WebhookNotFoundError extends WebhookError {
  override name = "WebhookNotFoundError";
}

/** 429 on the last attempt. */
export class WebhookRateLimitedError extends WebhookError {
  override name = "WebhookRateLimitedError";
}

/** 5xx on the last attempt. */
export class WebhookServerError extends WebhookError {
  override name = "WebhookServerError";
}

/** No answer within `timeoutMs` on the last attempt. */
export class WebhookTimeoutError extends WebhookError {
  override name = "WebhookTimeoutError";
}

/** Connection refused or reset, DNS failure, or an answer that was not valid HTTP, on the last attempt. */
export class WebhookUnreachableError extends WebhookError {
  override name = "WebhookUnreachableError";
}
