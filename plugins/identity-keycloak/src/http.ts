/**
 * One HTTP exchange with the identity provider over global fetch, with a
 * timeout. Resolves with status and parsed JSON (or raw text) for any
 * status; rejects with typed errors on timeout or transport failure.
 */
import { KeycloakNetworkError, KeycloakTimeoutError, scrubMessage } from "./errors.js";

export interface ProviderRequest {
  method: "GET" | "POST";
  url: string;
  headers?: Record<string, string>;
  /** Form fields (`application/x-www-form-urlencoded`), as the OAuth token endpoint expects. */
  form?: Record<string, string>;
  timeoutMs: number;
  /** Strings cut from any error message verbatim. */
  sensitive: readonly (string | undefined)[];
}

export interface ProviderResponse {
  status: number;
  /** Parsed JSON, or the raw text when the body is not JSON, or undefined when empty. */
  body: unknown;
  json: boolean;
}

/** `POST /realms/floe/protocol/openid-connect/token`: method and path, no query, no credentials. */
export function describeRequest(request: Pick<ProviderRequest, "method" | "url">): string {
  return `${request.method} ${new URL(request.url).pathname}`;
}

export async function exchange(request: ProviderRequest): Promise<ProviderResponse> {
  const headers: Record<string, string> = { accept: "application/json", ...request.headers };
  let body: string | undefined;
  if (request.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(request.form).toString();
  }
  let response: Response;
  let text: string;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers,
      body,
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: "error",
    });
    text = await response.text();
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name;
    if (name === "TimeoutError" || name === "AbortError") {
      throw new KeycloakTimeoutError(`${describeRequest(request)} timed out after ${request.timeoutMs} ms`);
    }
    const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
    const detail = typeof cause === "string" ? cause : String((error as Error)?.message ?? error);
    throw new KeycloakNetworkError(scrubMessage(`${describeRequest(request)} failed: ${detail}`, request.sensitive));
  }
  if (text === "") return { status: response.status, body: undefined, json: false };
  try {
    return { status: response.status, body: JSON.parse(text) as unknown, json: true };
  } catch {
    return { status: response.status, body: text, json: false };
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
