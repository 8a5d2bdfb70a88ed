/**
 * Minimal GraphQL-over-HTTP client for the Dagster webserver: POSTs
 * `{ query, variables, operationName }` to `/graphql` with the timeout and
 * optional Dagster+ token over the kit's bounded `httpRequest`, and turns
 * transport failures, HTTP errors and top-level GraphQL `errors` into typed errors.
 */
import { httpRequestAs } from "@floe/runtime/plugin-kit";
import type { DagsterConfig } from "./config.js";
import {
  DagsterError,
  DagsterGraphQLError,
  DagsterHttpError,
  DagsterTimeoutError,
  DagsterUnauthorizedError,
  MalformedResponseError,
} from "./errors.js";

export interface GraphQLOperation {
  operationName: string;
  query: string;
}

export class DagsterGraphQLClient {
  private readonly endpoint: string;

  constructor(private readonly config: DagsterConfig) {
    this.endpoint = new URL("graphql", config.url.endsWith("/") ? config.url : `${config.url}/`).toString();
  }

  /** Runs an operation and returns its `data`. */
  async request<T>(operation: GraphQLOperation, variables: Record<string, unknown>): Promise<T> {
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
    if (this.config.apiToken) headers["Dagster-Cloud-Api-Token"] = this.config.apiToken;
    const context = `dagster ${operation.operationName}`;
    const secrets = [this.config.apiToken];
    const response = await httpRequestAs(
      {
        method: "POST",
        url: this.endpoint,
        headers,
        body: JSON.stringify({ query: operation.query, variables, operationName: operation.operationName }),
        timeoutMs: this.config.timeoutMs,
        redirect: "follow",
      },
      {
        timeout: (error) =>
          new DagsterTimeoutError(`${context}: no response within ${this.config.timeoutMs} ms`, { code: "TIMEOUT", cause: error }),
        unreachable: (error) => new DagsterError(`${context}: ${error.message}`, { code: "CONNECTION", cause: error }),
      },
    );
    const text = response.text;
    let body: { data?: unknown; errors?: Array<{ message?: unknown }> } | undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const detail = body?.errors?.map((e) => String(e.message)).join("; ") ?? text.slice(0, 200);
      const cls = response.status === 401 || response.status === 403 ? DagsterUnauthorizedError : DagsterHttpError;
      throw new cls(`${context}: HTTP ${response.status}: ${detail}`, {
        code: `HTTP_${response.status}`,
        status: response.status,
        secrets,
      });
    }
    if (body === undefined || typeof body !== "object") {
      throw new MalformedResponseError(`${context}: response is not a GraphQL JSON body`, { code: "MALFORMED_RESPONSE", status: response.status });
    }
    if (Array.isArray(body.errors) && body.errors.length > 0) {
      throw new DagsterGraphQLError(`${context}: ${body.errors.map((e) => String(e.message)).join("; ")}`, {
        code: "GRAPHQL_ERROR",
        status: response.status,
        secrets,
      });
    }
    if (body.data === undefined || body.data === null) {
      throw new MalformedResponseError(`${context}: response has no data`, { code: "MALFORMED_RESPONSE", status: response.status });
    }
    return body.data as T;
  }
}
