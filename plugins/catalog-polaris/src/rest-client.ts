/**
 * The HTTP layer of the catalog plugin: one request function over Node's
 * fetch that applies the timeout, the bearer token, JSON or form bodies, and
 * turns every failure (timeout, error status, malformed body) into a typed error.
 */
import type { z } from "zod";
import { CatalogTimeoutError, MalformedResponseError, PolarisCatalogError, errorFromResponse } from "./errors.js";

export interface RequestOptions {
  query?: Record<string, string | undefined>;
  json?: unknown;
  form?: Record<string, string>;
  token?: string;
  /** Short description for error messages, e.g. `load table sales.orders`. */
  context: string;
}

export interface RestResponse {
  status: number;
  body: unknown;
}

export class RestClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  url(path: string, query?: Record<string, string | undefined>): string {
    const url = new URL(this.baseUrl.replace(/\/+$/, "") + path);
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, value);
    return url.toString();
  }

  /** Sends a request; resolves for 2xx, throws a typed error otherwise. */
  async send(method: string, path: string, options: RequestOptions): Promise<RestResponse> {
    const headers: Record<string, string> = { accept: "application/json" };
    let body: string | undefined;
    if (options.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(options.form).toString();
    } else if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    }
    if (options.token) headers.authorization = `Bearer ${options.token}`;

    let response: Response;
    let text: string;
    try {
      response = await fetch(this.url(path, options.query), {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === "TimeoutError" || name === "AbortError") {
        throw new CatalogTimeoutError(`${options.context}: no response within ${this.timeoutMs} ms`, { type: "Timeout" });
      }
      throw new PolarisCatalogError(`${options.context}: request failed: ${(error as Error).message}`, {
        type: "ConnectionError",
        cause: error,
      });
    }

    let parsed: unknown = undefined;
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch {
        if (response.ok) {
          throw new MalformedResponseError(`${options.context}: ${response.status} response is not JSON`, {
            type: "MalformedResponse",
            status: response.status,
          });
        }
      }
    }
    if (!response.ok) throw errorFromResponse(response.status, parsed, options.context);
    return { status: response.status, body: parsed };
  }
}

/** Validates a response body against its documented shape. */
export function expectShape<T>(schema: z.ZodType<T>, response: RestResponse, context: string): T {
  const result = schema.safeParse(response.body);
  if (result.success) return result.data;
  const paths = result.error.issues.map((issue) => issue.path.map(String).join(".") || "(root)");
  throw new MalformedResponseError(`${context}: unexpected response shape at ${[...new Set(paths)].join(", ")}`, {
    type: "MalformedResponse",
    status: response.status,
  });
}
