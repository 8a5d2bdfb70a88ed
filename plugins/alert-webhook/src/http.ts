/**
 * One delivery attempt: a signed POST through global `fetch` bounded by a
 * timeout. Every failure becomes a typed WebhookError saying whether it is
 * worth retrying; messages name the receiver's host only, and the reason a
 * receiver gave is redacted of the channel's known secrets.
 */
import { redactKnownSecrets } from "@floe/runtime";
import { retryAfterMs } from "./backoff.js";
import {
  WebhookAuthError,
  WebhookError,
  WebhookNotFoundError,
  WebhookRateLimitedError,
  WebhookRejectedError,
  WebhookServerError,
  WebhookTimeoutError,
  WebhookUnreachableError,
} from "./errors.js";

export interface AttemptRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  destination: string;
  secrets: readonly string[];
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "TimeoutError" || name === "AbortError";
}

/** The system error code (ECONNREFUSED, UND_ERR_SOCKET...) under fetch's generic "fetch failed". */
function transportCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return "network error";
}

/** Resolves with the HTTP status of a 2xx answer; throws a WebhookError otherwise. */
export async function attemptDelivery(request: AttemptRequest): Promise<number> {
  const { destination } = request;
  let response: Response;
  let body: string;
  try {
    response = await fetch(request.url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    body = await response.text();
  } catch (error) {
    if (isTimeout(error)) {
      throw new WebhookTimeoutError(`webhook at ${destination} did not answer within ${request.timeoutMs} ms`, {
        code: "timeout",
        deliveryStatus: "timeout",
        destination,
        retryable: true,
      });
    }
    throw new WebhookUnreachableError(`webhook at ${destination} is unreachable (${transportCode(error)})`, {
      code: "unreachable",
      deliveryStatus: "unreachable",
      destination,
      retryable: true,
    });
  }
  const status = response.status;
  if (status >= 200 && status < 300) return status;
  throw errorForStatus(status, body, response.headers.get("retry-after"), request);
}

function errorForStatus(status: number, body: string, retryAfter: string | null, request: AttemptRequest): WebhookError {
  const reason = redactKnownSecrets(body.trim(), request.secrets, { maxLength: 300 });
  const message = `webhook at ${request.destination} answered HTTP ${status}${reason ? `: ${reason}` : ""}`;
  const base = { destination: request.destination, status };
  if (status === 429) {
    return new WebhookRateLimitedError(message, {
      ...base, code: "rate_limited", deliveryStatus: "rate_limited", retryable: true, retryAfterMs: retryAfterMs(retryAfter),
    });
  }
  if (status >= 500 || status === 408) {
    return new WebhookServerError(message, {
      ...base, code: "server_error", deliveryStatus: "failed", retryable: true, retryAfterMs: retryAfterMs(retryAfter),
    });
  }
  if (status === 401 || status === 403) {
    return new WebhookAuthError(message, { ...base, code: "unauthorized", deliveryStatus: "rejected", retryable: false });
  }
  if (status === 404 || status === 410) {
    return new WebhookNotFoundError(message, { ...base, code: "not_found", deliveryStatus: "rejected", retryable: false });
  }
  return new WebhookRejectedError(message, { ...base, code: "rejected", deliveryStatus: "rejected", retryable: false });
}
