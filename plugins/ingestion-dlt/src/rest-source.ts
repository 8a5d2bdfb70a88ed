/**
 * The paginated REST source: fetches every page of a resource (cursor,
 * offset or `Link: <...>; rel="next"` pagination), with auth, the kit's
 * bounded `httpRequest`, retries with the kit's backoff (or the source's
 * `Retry-After`) on timeouts, unreachable sources, 408, 429 and 5xx, and the
 * incremental cursor sent as a query parameter. Yields the rows of each page.
 */
import {
  backoffDelay,
  httpRequest,
  isRetryableStatus,
  PluginTimeoutError,
  PluginUnreachableError,
  retryAfterMs,
  sleep,
  type HttpResponse,
} from "@floe/runtime/plugin-kit";
import type { DltConfig, PipelineSpec } from "./config.js";
import { IngestionError, MalformedResponseError, SourceHttpError, SourceTimeoutError } from "./errors.js";
import { readPath } from "./json-path.js";

export type Row = Record<string, unknown>;

export interface SourcePage {
  rows: Row[];
  url: string;
}

type SourceSpec = PipelineSpec["source"];

/** The `rel="next"` target of an RFC 8288 Link header. */
export function nextLink(header: string | null, base: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(",")) {
    const match = /<([^>]*)>\s*((?:;\s*[^;]+)*)/.exec(part.trim());
    if (match && /;\s*rel="?([^";]*\s)?next(\s[^";]*)?"?/i.test(match[2] ?? "")) return new URL(match[1]!, base).toString();
  }
  return undefined;
}

function rowsOf(body: unknown, selector: string | undefined, url: string): Row[] {
  let rows: unknown;
  if (selector) rows = readPath(body, selector);
  else if (Array.isArray(body)) rows = body;
  else rows = ["data", "items", "results"].map((key) => readPath(body, key)).find(Array.isArray);
  if (!Array.isArray(rows)) {
    throw new MalformedResponseError(`${redactUrl(url)}: no array of rows at ${selector ?? "data|items|results"}`, { code: "NO_ROWS" });
  }
  if (rows.some((row) => row === null || typeof row !== "object" || Array.isArray(row))) {
    throw new MalformedResponseError(`${redactUrl(url)}: rows must be JSON objects`, { code: "BAD_ROW" });
  }
  return rows as Row[];
}

/** The URL without its query string (which may carry an API key), for messages. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

export class RestSource {
  constructor(
    private readonly spec: SourceSpec,
    private readonly config: DltConfig,
  ) {}

  /** Every page, following the paginator; `since` is the incremental start value. */
  async *pages(since: string | number | undefined): AsyncGenerator<SourcePage> {
    const paginator = this.spec.paginator;
    const first = new URL(this.spec.path.replace(/^\//, ""), this.spec.baseUrl.endsWith("/") ? this.spec.baseUrl : `${this.spec.baseUrl}/`);
    for (const [key, value] of Object.entries(this.spec.params)) first.searchParams.set(key, value);
    if (since !== undefined && this.spec.incremental?.param) first.searchParams.set(this.spec.incremental.param, String(since));
    if (paginator.type === "offset") {
      first.searchParams.set(paginator.offsetParam, "0");
      first.searchParams.set(paginator.limitParam, String(paginator.limit));
    }

    let url: string | undefined = first.toString();
    let offset = 0;
    for (let page = 1; url; page++) {
      if (page > this.config.maxPages) {
        throw new IngestionError(`${redactUrl(url)}: more than maxPages=${this.config.maxPages} pages`, { code: "TOO_MANY_PAGES" });
      }
      const { body, headers } = await this.fetchJson(url);
      const rows = rowsOf(body, this.spec.dataSelector, url);
      yield { rows, url };

      const current: string = url;
      url = undefined;
      if (paginator.type === "cursor") {
        const cursor = readPath(body, paginator.cursorPath);
        if (cursor !== undefined && cursor !== null && cursor !== "") {
          const next = new URL(current);
          next.searchParams.set(paginator.cursorParam, String(cursor));
          url = next.toString();
        }
      } else if (paginator.type === "offset") {
        offset += paginator.limit;
        const total = paginator.totalPath ? Number(readPath(body, paginator.totalPath)) : undefined;
        const more = total !== undefined && Number.isFinite(total) ? offset < total : rows.length === paginator.limit;
        if (more) {
          const next = new URL(current);
          next.searchParams.set(paginator.offsetParam, String(offset));
          url = next.toString();
        }
      } else if (paginator.type === "link_header") {
        url = nextLink(headers.get("link"), current);
      }
    }
  }

  private requestHeaders(): Record<string, string> {
    const headers: Record<string, string> = { accept: "application/json", ...this.spec.headers };
    const auth = this.spec.auth;
    if (auth?.type === "bearer") headers.authorization = `Bearer ${auth.token}`;
    if (auth?.type === "api_key" && auth.location === "header") headers[auth.name] = auth.value;
    return headers;
  }

  private withQueryAuth(url: string): string {
    const auth = this.spec.auth;
    if (auth?.type !== "api_key" || auth.location !== "query") return url;
    const withKey = new URL(url);
    withKey.searchParams.set(auth.name, auth.value);
    return withKey.toString();
  }

  /** Values the source must never see echoed into an error: the token, the API key, header values. */
  private secrets(): string[] {
    const auth = this.spec.auth;
    const fromAuth = auth?.type === "bearer" ? [auth.token] : auth?.type === "api_key" ? [auth.value] : [];
    return [...fromAuth, ...Object.values(this.spec.headers)];
  }

  /** Before attempt `attempt + 1`: the source's `Retry-After` when it gave one (bounded), else jittered backoff. */
  private retryDelay(attempt: number, response?: HttpResponse): number {
    const policy = { baseDelayMs: this.config.retryDelayMs, maxDelayMs: this.config.retryDelayMs * 2 ** this.config.retries };
    const asked = retryAfterMs(response?.headers.get("retry-after"));
    return asked === undefined ? backoffDelay(attempt + 1, policy) : Math.min(asked, policy.maxDelayMs);
  }

  private async fetchJson(url: string): Promise<{ body: unknown; headers: Headers }> {
    const where = redactUrl(url);
    for (let attempt = 0; ; attempt++) {
      const retry = attempt < this.config.retries;
      let response: HttpResponse;
      try {
        response = await httpRequest({
          method: "GET",
          url: this.withQueryAuth(url),
          headers: this.requestHeaders(),
          timeoutMs: this.config.timeoutMs,
          redirect: "follow",
          peer: where,
        });
      } catch (error) {
        if (retry && (error instanceof PluginTimeoutError || error instanceof PluginUnreachableError)) {
          await sleep(this.retryDelay(attempt));
          continue;
        }
        if (error instanceof PluginTimeoutError) {
          throw new SourceTimeoutError(`${where}: no response within ${this.config.timeoutMs} ms`, { code: "TIMEOUT", cause: error });
        }
        if (error instanceof PluginUnreachableError) {
          throw new IngestionError(error.message, { code: "CONNECTION", cause: error });
        }
        throw error;
      }
      if (!response.ok) {
        if (retry && isRetryableStatus(response.status)) {
          await sleep(this.retryDelay(attempt, response));
          continue;
        }
        throw new SourceHttpError(`${where}: HTTP ${response.status}: ${response.text.slice(0, 300)}`, {
          code: `HTTP_${response.status}`,
          status: response.status,
          secrets: this.secrets(),
        });
      }
      try {
        return { body: JSON.parse(response.text), headers: response.headers };
      } catch {
        throw new MalformedResponseError(`${where}: response is not JSON`, { code: "NOT_JSON", status: response.status });
      }
    }
  }
}
