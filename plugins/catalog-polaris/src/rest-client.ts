/**
 * The HTTP layer of the catalog plugin: the Iceberg REST request shape (base
 * URL + path, query, bearer token, JSON or form bodies) over the kit's
 * bounded `httpRequest`, with every failure (timeout, unreachable, error
 * status, malformed body) turned into the catalog's typed errors.
 */
import type { z } from "zod";
import { httpRequestAs } from "@floe/runtime/plugin-kit";
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
    /** Credentials the plugin holds: never kept in an error message, whatever the catalog echoes. */
    private readonly secrets: readonly (string | undefined)[] = [],
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

    const { context } = options;
    const response = await httpRequestAs(
      { method, url: this.url(path, options.query), headers, body, timeoutMs: this.timeoutMs, redirect: "follow" },
      {
        timeout: (error) =>
          new CatalogTimeoutError(`${context}: no response within ${this.timeoutMs} ms`, { type: "Timeout", cause: error }),
        unreachable: (error) => new PolarisCatalogError(`${context}: ${error.message}`, { type: "ConnectionError", cause: error }),
      },
    );
    let parsed: unknown = undefined;
    if (response.text.length > 0) {
      try {
        parsed = JSON.parse(response.text);
      } catch {
        if (response.ok) {
          throw new MalformedResponseError(`${options.context}: ${response.status} response is not JSON`, {
            type: "MalformedResponse",
            status: response.status,
          });
        }
      }
    }
    if (!response.ok) throw errorFromResponse(response.status, parsed, options.context, this.secrets);
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
