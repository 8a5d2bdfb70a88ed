/**
 * One HTTP exchange with the identity provider through the kit's bounded
 * `httpRequestAs` (redirects refused), with the kit's transport failures turned
 * into this plugin's typed errors. Resolves with status and parsed JSON (or
 * raw text) for any status.
 */
import { httpRequestAs, transportCode } from "@floe/runtime/plugin-kit";
import { KeycloakNetworkError, KeycloakTimeoutError } from "./errors.js";

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
  const response = await httpRequestAs(
    { method: request.method, url: request.url, headers, body, timeoutMs: request.timeoutMs, redirect: "error" },
    {
      timeout: (error) => new KeycloakTimeoutError(`${describeRequest(request)} timed out after ${request.timeoutMs} ms`, { cause: error }),
      unreachable: (error) =>
        new KeycloakNetworkError(`${describeRequest(request)} failed: ${transportCode(error.cause)}`, { cause: error, secrets: request.sensitive }),
    },
  );
  if (response.text === "") return { status: response.status, body: undefined, json: false };
  try {
    return { status: response.status, body: JSON.parse(response.text) as unknown, json: true };
  } catch {
    return { status: response.status, body: response.text, json: false };
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
