/**
 * One JSON request to Infisical through the kit's bounded `httpRequestAs`,
 * with the kit's transport failures turned into this plugin's typed errors
 * (the API promises Infisical* classes). Server text in messages has the
 * credentials and values in flight stripped.
 */
import { httpRequestAs, transportCode } from "@floe/runtime/plugin-kit";
import { InfisicalHttpError, InfisicalMalformedResponseError, InfisicalNetworkError, InfisicalTimeoutError } from "./errors.js";

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
  const response = await httpRequestAs(
    {
      method: request.method,
      url: request.url,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      timeoutMs: request.timeoutMs,
      redirect: "follow",
    },
    {
      timeout: (error) => new InfisicalTimeoutError(`${describe(request)} timed out after ${request.timeoutMs} ms`, { cause: error }),
      unreachable: (error) =>
        new InfisicalNetworkError(`${describe(request)} failed: ${transportCode(error.cause)}`, { cause: error, secrets: request.sensitive }),
    },
  );
  if (response.text === "") return { status: response.status, body: undefined };
  try {
    return { status: response.status, body: JSON.parse(response.text) as unknown };
  } catch {
    if (response.ok) {
      throw new InfisicalMalformedResponseError(`${describe(request)}: response is not JSON`, { status: response.status });
    }
    return { status: response.status, body: response.text };
  }
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

/** A typed error for a non-success status, quoting the server's message without the request's secrets. */
export function httpError(request: JsonRequest, response: JsonResponse): InfisicalHttpError {
  return new InfisicalHttpError(`${describe(request)} returned ${response.status}: ${serverMessage(response.body)}`, {
    status: response.status,
    secrets: request.sensitive,
  });
}
