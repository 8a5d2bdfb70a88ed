/**
 * One JSON request to Infisical over global fetch: timeout via
 * AbortSignal.timeout, typed errors for timeouts, network failures, non-2xx
 * answers and unparsable bodies. Server text in messages is scrubbed.
 */
import {
  InfisicalHttpError,
  InfisicalMalformedResponseError,
  InfisicalNetworkError,
  InfisicalTimeoutError,
  scrubMessage,
} from "./errors.js";

export interface JsonRequest {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  url: URL;
  body?: unknown;
  bearer?: string;
  timeoutMs: number;
  /** Strings cut from any error message verbatim (credentials, values in flight). */
  sensitive: readonly (string | undefined)[];
}

export interface JsonResponse {
  status: number;
  body: unknown;
}

/** The route without query string, used to name a request in messages (no ids, no values). */
function describe(request: JsonRequest): string {
  return `${request.method} ${request.url.pathname}`;
}

/** Performs the request; resolves for any HTTP status (callers decide), rejects on transport failure. */
export async function sendJson(request: JsonRequest): Promise<JsonResponse> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (request.body !== undefined) headers["content-type"] = "application/json";
  if (request.bearer) headers.authorization = `Bearer ${request.bearer}`;
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    throw transportError(error, request);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw transportError(error, request);
  }
  if (text === "") return { status: response.status, body: undefined };
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    if (response.ok) {
      throw new InfisicalMalformedResponseError(`${describe(request)}: response is not JSON`, response.status);
    }
    return { status: response.status, body: text };
  }
}

function transportError(error: unknown, request: JsonRequest): Error {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return new InfisicalTimeoutError(`${describe(request)} timed out after ${request.timeoutMs} ms`);
  }
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  const detail = typeof cause === "string" ? cause : String((error as Error)?.message ?? error);
  return new InfisicalNetworkError(scrubMessage(`${describe(request)} failed: ${detail}`, request.sensitive));
}

/** The `message` an Infisical error body carries (`{ statusCode, message, error }`), or the raw text. */
export function serverMessage(body: unknown): string {
  if (typeof body === "string") return body;
  if (body && typeof body === "object") {
    const { message, error } = body as { message?: unknown; error?: unknown };
    if (typeof message === "string") return typeof error === "string" ? `${error}: ${message}` : message;
  }
  return "no error message";
}

/** A typed error for a non-success status, quoting the server's message scrubbed. */
export function httpError(request: JsonRequest, response: JsonResponse): InfisicalHttpError {
  const text = scrubMessage(serverMessage(response.body), request.sensitive);
  return new InfisicalHttpError(`${describe(request)} returned ${response.status}: ${text}`, response.status);
}
