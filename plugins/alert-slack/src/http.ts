/**
 * One POST to the Slack webhook: global `fetch` bounded by a timeout, and
 * transport failures turned into typed errors that name the channel only
 * (the webhook URL is a credential and never appears in a message).
 */
import { SlackTimeoutError, SlackUnreachableError } from "./errors.js";

export interface WebhookAnswer {
  status: number;
  retryAfter: string | null;
  body: string;
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "TimeoutError" || name === "AbortError";
}

/** The system error code (ECONNREFUSED, ENOTFOUND...) under fetch's generic "fetch failed". */
function transportCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return "network error";
}

export async function postToWebhook(
  webhookUrl: string,
  payload: unknown,
  timeoutMs: number,
  destination: string,
): Promise<WebhookAnswer> {
  try {
    const response = await fetch(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(payload),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    return { status: response.status, retryAfter: response.headers.get("retry-after"), body };
  } catch (error) {
    if (isTimeout(error)) {
      throw new SlackTimeoutError(`Slack webhook for ${destination} did not answer within ${timeoutMs} ms`, {
        code: "timeout",
        deliveryStatus: "timeout",
        destination,
      });
    }
    throw new SlackUnreachableError(`Slack webhook for ${destination} is unreachable (${transportCode(error)})`, {
      code: "unreachable",
      deliveryStatus: "unreachable",
      destination,
    });
  }
}
