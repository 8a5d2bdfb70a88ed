/**
 * One JSON request to the Kubernetes API server over node:http / node:https.
 * node:https because the API server is verified against the cluster CA
 * (`ca.crt`), which global fetch (the kit's `httpRequest`) cannot be given.
 * Resolves for any status; rejects with typed errors on timeout, transport
 * failure (named by the kit's `transportCode`) or unparsable JSON.
 */
import http from "node:http";
import https from "node:https";
import { transportCode } from "@floe/runtime/plugin-kit";
import { K8sMalformedResponseError, K8sNetworkError, K8sTimeoutError } from "./errors.js";

export interface ApiRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: URL;
  body?: unknown;
  bearer?: string;
  caCert?: string;
  timeoutMs: number;
  /** Strings cut from any error message verbatim. */
  sensitive: readonly (string | undefined)[];
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

export function describeRequest(request: Pick<ApiRequest, "method" | "url">): string {
  return `${request.method} ${request.url.pathname}`;
}

export function sendRequest(request: ApiRequest): Promise<ApiResponse> {
  const payload = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body), "utf8");
  const headers: Record<string, string> = { accept: "application/json" };
  if (payload) {
    headers["content-type"] = "application/json";
    headers["content-length"] = String(payload.length);
  }
  if (request.bearer) headers.authorization = `Bearer ${request.bearer}`;
  const isHttps = request.url.protocol === "https:";
  const options: https.RequestOptions = { method: request.method, headers };
  if (isHttps && request.caCert) options.ca = request.caCert;

  return new Promise<ApiResponse>((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    const req = (isHttps ? https : http).request(request.url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", (error) => fail(networkError(error, request)));
      res.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const status = res.statusCode ?? 0;
        const text = Buffer.concat(chunks).toString("utf8");
        if (text === "") return resolve({ status, body: undefined });
        try {
          resolve({ status, body: JSON.parse(text) as unknown });
        } catch {
          if (status >= 200 && status < 300) {
            reject(new K8sMalformedResponseError(`${describeRequest(request)}: response is not JSON`, { status }));
          } else {
            resolve({ status, body: text });
          }
        }
      });
    });
    const timer = setTimeout(() => {
      fail(new K8sTimeoutError(`${describeRequest(request)} timed out after ${request.timeoutMs} ms`));
      req.destroy();
    }, request.timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      fail(networkError(error, request));
    });
    req.end(payload);
  });
}

function networkError(error: Error, request: ApiRequest): K8sNetworkError {
  return new K8sNetworkError(`${describeRequest(request)} failed: ${transportCode(error)}: ${error.message}`, {
    cause: error,
    secrets: request.sensitive,
  });
}
