/**
 * Reading a peer's failed HTTP answer the same way in every plugin: what a
 * status means (auth, not found, rate limited...), whether retrying can help,
 * the reason an error body gives, an HTML page where an API was expected, and
 * the kit's transport errors rethrown as the plugin's own classes.
 */
import { PluginTimeoutError, PluginUnreachableError } from "./errors.js";
import { httpRequest, type HttpRequest, type HttpResponse } from "./http.js";

/** What a non-2xx status means to a client. */
export type HttpFailureKind = "redirect" | "unauthorized" | "not_found" | "rate_limited" | "server_error" | "rejected";

/**
 * The kind of failure an HTTP status is: 3xx `redirect` (a proxy, not the API),
 * 401/403 `unauthorized`, 404 `not_found`, 429 `rate_limited`, 5xx `server_error`,
 * any other status `rejected`. `overrides` lets a protocol read a status its own way
 * (a webhook's 410 Gone is `not_found`).
 */
export function httpFailureKind(status: number, overrides: Readonly<Record<number, HttpFailureKind>> = {}): HttpFailureKind {
  const override = overrides[status];
  if (override) return override;
  if (status >= 300 && status < 400) return "redirect";
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server_error";
  return "rejected";
}

/** 408, 429 and 5xx: the same request may succeed later. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** A 2xx answer that is an HTML page: a login portal or proxy answered, not the API. */
export function isHtmlAnswer(response: Pick<HttpResponse, "contentType">): boolean {
  return /text\/html/i.test(response.contentType);
}

/**
 * The reason an error body gives: a JSON string, `{message}`, `{error}` (a string
 * or `{message}`), `{errors: [...]}`, or the trimmed text itself when it is not JSON.
 * Not sanitized: pass it through `redactKnownSecrets` before it goes into a message.
 */
export function errorBodyReason(body: string): string {
  const text = body.trim();
  if (text === "") return "";
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text; // a proxy's text or HTML page, kept for diagnosis
  }
  if (typeof parsed === "string") return parsed;
  if (parsed && typeof parsed === "object") {
    const { message, error, errors } = parsed as { message?: unknown; error?: unknown; errors?: unknown };
    if (Array.isArray(errors)) return errors.map(String).join("; ");
    if (typeof message === "string") return message;
    if (typeof error === "string") return error;
    const nested = (error as { message?: unknown } | null | undefined)?.message;
    if (typeof nested === "string") return nested;
  }
  return text;
}

/** How a plugin names the kit's transport failures in its own error classes. */
export interface TransportErrorFactories {
  timeout(error: PluginTimeoutError): Error;
  unreachable(error: PluginUnreachableError): Error;
}

/** `httpRequest`, with a timeout or an unreachable peer rethrown as the plugin's own typed error. */
export async function httpRequestAs(request: HttpRequest, errors: TransportErrorFactories): Promise<HttpResponse> {
  try {
    return await httpRequest(request);
  } catch (error) {
    if (error instanceof PluginTimeoutError) throw errors.timeout(error);
    if (error instanceof PluginUnreachableError) throw errors.unreachable(error);
    throw error;
  }
}
