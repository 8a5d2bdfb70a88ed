/**
 * One delivery attempt: a signed POST bounded by a timeout. Every failure
 * becomes a typed WebhookError saying whether it is worth retrying; messages
 * name the receiver's host only, and the channel's known secrets are stripped
 * from the reason a receiver gave.
 */
import {
  alertTransportErrors,
  deliveryStatusFor,
  httpFailureKind,
  httpRequestAs,
  isRetryableStatus,
  retryAfterMs,
  type HttpFailureKind,
  type HttpResponse,
} from "@floe/runtime/plugin-kit";
import {
  WebhookAuthError,
  WebhookError,
  WebhookNotFoundError,
  WebhookRateLimitedError,
  WebhookRejectedError,
  WebhookServerError,
  WebhookTimeoutError,
  WebhookUnreachableError,
  type WebhookErrorCode,
} from "./errors.js";

export interface AttemptRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  destination: string;
  secrets: readonly string[];
}

/** A receiver's 408 is worth retrying like a 5xx; 410 Gone means no receiver, like 404. */
const WEBHOOK_STATUS_KINDS: Readonly<Record<number, HttpFailureKind>> = { 408: "server_error", 410: "not_found" };

const ERROR_FOR_KIND: Record<HttpFailureKind, [typeof WebhookError, WebhookErrorCode]> = {
  rate_limited: [WebhookRateLimitedError, "rate_limited"],
  server_error: [WebhookServerError, "server_error"],
  unauthorized: [WebhookAuthError, "unauthorized"],
  not_found: [WebhookNotFoundError, "not_found"],
  redirect: [WebhookRejectedError, "rejected"],
  rejected: [WebhookRejectedError, "rejected"],
};

/** Resolves with the HTTP status of a 2xx answer; throws a WebhookError otherwise. */
export async function attemptDelivery(request: AttemptRequest): Promise<number> {
  const { destination, secrets } = request;
  const response = await httpRequestAs(
    { method: "POST", url: request.url, headers: request.headers, body: request.body, timeoutMs: request.timeoutMs, peer: `webhook at ${destination}` },
    alertTransportErrors({ timeout: WebhookTimeoutError, unreachable: WebhookUnreachableError }, destination, secrets),
  );
  if (response.ok) return response.status;
  throw errorForStatus(response, request);
}

function errorForStatus(response: HttpResponse, request: AttemptRequest): WebhookError {
  const { status } = response;
  const kind = httpFailureKind(status, WEBHOOK_STATUS_KINDS);
  const [ErrorClass, code] = ERROR_FOR_KIND[kind];
  const retryable = isRetryableStatus(status);
  const reason = response.text.trim();
  return new ErrorClass(`webhook at ${request.destination} answered HTTP ${status}${reason ? `: ${reason}` : ""}`, {
    code,
    deliveryStatus: deliveryStatusFor(kind),
    destination: request.destination,
    status,
    secrets: request.secrets,
    retryable,
    retryAfterMs: retryable ? retryAfterMs(response.headers.get("retry-after")) : undefined,
  });
}
