/**
 * One HTTP exchange with Marquez: global `fetch` bounded by a timeout,
 * redirects not followed (a redirect means a proxy, not the API), and
 * transport failures turned into typed errors that name the host only.
 */
import {
  MarquezError,
  MarquezTimeoutError,
  MarquezUnreachableError,
} from "./errors.js";

export interface HttpExchange {
  status: number;
  contentType: string;
  body: string;
}

export interface HttpRequest {
  method: "GET" | "POST";
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  destination: string;
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

export async function exchange(request: HttpRequest): Promise<HttpExchange> {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const body = await response.text();
    return { status: response.status, contentType: response.headers.get("content-type") ?? "", body };
  } catch (error) {
    if (error instanceof MarquezError) throw error;
    if (isTimeout(error)) {
      throw new MarquezTimeoutError(
        `Marquez at ${request.destination} did not answer ${request.method} ${request.url.pathname} within ${request.timeoutMs} ms`,
        { code: "timeout", destination: request.destination },
      );
    }
    throw new MarquezUnreachableError(
      `Marquez at ${request.destination} is unreachable (${transportCode(error)})`,
      { code: "unreachable", destination: request.destination },
    );
  }
}
