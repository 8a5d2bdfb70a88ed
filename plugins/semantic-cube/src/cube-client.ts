/**
 * Cube REST API client: signs an HS256 JWT with the API secret (Cube's
 * default `checkAuth`), posts queries to `/cubejs-api/v1/load`, and keeps
 * polling while Cube answers `{"error":"Continue wait"}` (a long-running query).
 */
import { SignJWT } from "jose";
import { httpRequestAs, sleep } from "@floe/runtime/plugin-kit";
import { z } from "zod";
import type { CubeConfig } from "./config.js";
import {
  CubeContinueWaitError,
  CubeError,
  CubeTimeoutError,
  MalformedResponseError,
  errorFromResponse,
} from "./errors.js";

export type CubeFilter =
  | { member: string; operator: string; values?: Array<string | number> }
  | { or: CubeFilter[] }
  | { and: CubeFilter[] };

export interface CubeTimeDimension {
  dimension: string;
  granularity?: "second" | "minute" | "hour" | "day" | "week" | "month" | "quarter" | "year";
  dateRange?: string | [string, string];
}

/** A Cube REST query (https://cube.dev/docs/product/apis-integrations/rest-api/query-format). */
export interface CubeQuery {
  measures?: string[];
  dimensions?: string[];
  segments?: string[];
  timeDimensions?: CubeTimeDimension[];
  filters?: CubeFilter[];
  order?: Record<string, "asc" | "desc"> | Array<[string, "asc" | "desc"]>;
  limit?: number;
  offset?: number;
  timezone?: string;
}

const loadResponseSchema = z.looseObject({
  query: z.record(z.string(), z.unknown()).optional(),
  data: z.array(z.record(z.string(), z.unknown())),
  lastRefreshTime: z.string().optional(),
  annotation: z
    .looseObject({
      measures: z.record(z.string(), z.unknown()).default({}),
      dimensions: z.record(z.string(), z.unknown()).default({}),
    })
    .optional(),
});

export type CubeLoadResult = z.infer<typeof loadResponseSchema> & {
  /** How many requests the query took (1 + the `Continue wait` polls). */
  attempts: number;
};

/** Cube's marker for "the query is still running, ask again". */
export const CONTINUE_WAIT = "Continue wait";

/** The cube names a query touches (`orders.count` -> `orders`), sorted. */
export function cubesOf(query: CubeQuery): string[] {
  const members = [
    ...(query.measures ?? []),
    ...(query.dimensions ?? []),
    ...(query.segments ?? []),
    ...(query.timeDimensions ?? []).map((t) => t.dimension),
  ];
  return [...new Set(members.map((m) => m.split(".")[0]!).filter(Boolean))].sort();
}

export class CubeClient {
  private readonly secret: Uint8Array;

  constructor(private readonly config: CubeConfig) {
    this.secret = new TextEncoder().encode(config.apiSecret);
  }

  /** An HS256 JWT carrying the security context, valid for `tokenTtlSeconds`. */
  async signToken(): Promise<string> {
    return new SignJWT({ ...this.config.securityContext })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuedAt()
      .setExpirationTime(`${this.config.tokenTtlSeconds}s`)
      .sign(this.secret);
  }

  /** Runs a query, polling through `Continue wait` answers. */
  async load(query: CubeQuery): Promise<CubeLoadResult> {
    const url = new URL(this.config.apiPath.replace(/\/+$/, "") + "/load", this.config.apiUrl).toString();
    const token = await this.signToken();
    for (let attempt = 1; attempt <= this.config.maxContinueWaitAttempts; attempt++) {
      const { status, body } = await this.post(url, token, { query });
      if (status >= 200 && status < 300 && (body as { error?: unknown })?.error === CONTINUE_WAIT) {
        if (attempt < this.config.maxContinueWaitAttempts) await sleep(this.config.continueWaitIntervalMs);
        continue;
      }
      if (status < 200 || status >= 300) throw errorFromResponse(status, body, "cube load", [this.config.apiSecret]);
      const parsed = loadResponseSchema.safeParse(body);
      if (!parsed.success) {
        const paths = [...new Set(parsed.error.issues.map((i) => i.path.map(String).join(".") || "(root)"))];
        throw new MalformedResponseError(`cube load: unexpected response shape at ${paths.join(", ")}`, {
          status,
          code: "MALFORMED_RESPONSE",
        });
      }
      return { ...parsed.data, attempts: attempt };
    }
    throw new CubeContinueWaitError(
      `cube load: still "${CONTINUE_WAIT}" after ${this.config.maxContinueWaitAttempts} attempts`,
      { code: "CONTINUE_WAIT_EXHAUSTED" },
    );
  }

  private async post(url: string, token: string, payload: unknown): Promise<{ status: number; body: unknown }> {
    const response = await httpRequestAs(
      {
        method: "POST",
        url,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(payload),
        timeoutMs: this.config.timeoutMs,
        redirect: "follow",
      },
      {
        timeout: (error) =>
          new CubeTimeoutError(`cube load: no response within ${this.config.timeoutMs} ms`, { code: "TIMEOUT", cause: error }),
        unreachable: (error) => new CubeError(`cube load: ${error.message}`, { code: "CONNECTION", cause: error }),
      },
    );
    try {
      return { status: response.status, body: response.text ? JSON.parse(response.text) : undefined };
    } catch {
      if (!response.ok) return { status: response.status, body: undefined };
      throw new MalformedResponseError(`cube load: ${response.status} response is not JSON`, {
        status: response.status,
        code: "MALFORMED_RESPONSE",
      });
    }
  }
}
