/**
 * One HTTP exchange with a plugin's peer: global `fetch` bounded by a
 * timeout, redirects not followed by default (a redirect usually means a
 * proxy, not the API), and transport failures turned into typed errors that
 * name the host only, never the URL (which may carry a token).
 */
import { MalformedResponseError, PluginTimeoutError, PluginUnreachableError } from "./errors.js";

export interface HttpRequest {
  method: string;
  url: URL | string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | URLSearchParams;
  timeoutMs: number;
  /** Default "manual". */
  redirect?: "follow" | "manual" | "error";
  /** What to call the peer in error messages (default: the URL's host). */
  peer?: string;
}

export interface HttpResponse {
  status: number;
  ok: boolean;
  headers: Headers;
  contentType: string;
  text: string;
}

export function isTimeoutError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "TimeoutError" || name === "AbortError";
}

/** The system error code (ECONNREFUSED, ENOTFOUND...) under fetch's generic "fetch failed". */
export function transportCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return "network error";
}

export async function httpRequest(request: HttpRequest): Promise<HttpResponse> {
  const url = typeof request.url === "string" ? new URL(request.url) : request.url;
  const peer = request.peer ?? url.host;
  try {
    const response = await fetch(url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: request.redirect ?? "manual",
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const text = await response.text();
    return {
      status: response.status,
      ok: response.ok,
      headers: response.headers,
      contentType: response.headers.get("content-type") ?? "",
      text,
    };
  } catch (error) {
    if (isTimeoutError(error)) {
      throw new PluginTimeoutError(`${peer} did not answer ${request.method} ${url.pathname} within ${request.timeoutMs} ms`, {
        code: "TIMEOUT",
        cause: error,
      });
    }
    throw new PluginUnreachableError(`${peer} is unreachable (${transportCode(error)})`, { code: "UNREACHABLE", cause: error });
  }
}

/** Parses a JSON body or throws MalformedResponseError (with a short, sanitized excerpt). */
export function parseJsonBody<T = unknown>(response: HttpResponse, what = "response"): T {
  try {
    return JSON.parse(response.text) as T;
  } catch {
    throw new MalformedResponseError(
      `${what} is not JSON (HTTP ${response.status}, ${response.contentType || "no content type"}): ${response.text.slice(0, 120)}`,
      { code: "MALFORMED_RESPONSE", status: response.status },
    );
  }
}
