/**
 * Client for the core/v1 Secrets API of one namespace
 * (`/api/v1/namespaces/{ns}/secrets[/{name}]`). Maps Kubernetes `Status`
 * failures to typed errors (404 -> K8sNotFoundError) and, when the token
 * comes from a service-account file, re-reads it once after a 401 (kubelet
 * rotates projected tokens).
 */
import { K8sApiError, K8sMalformedResponseError, K8sNotFoundError } from "./errors.js";
import { describeRequest, sendRequest, type ApiRequest, type ApiResponse } from "./http.js";
import { isSecretObject, type SecretObject } from "./secret-object.js";

export interface ApiConnection {
  apiServer: string;
  namespace: string;
  caCert?: string;
  timeoutMs: number;
}

/** Supplies the bearer token; `refresh` re-reads a rotated token and says whether it changed. */
export interface TokenSource {
  current(): string | undefined;
  refresh(): Promise<boolean>;
}

/** A Kubernetes `Status` object (the body of every API failure). */
interface Status {
  kind?: string;
  message?: string;
  reason?: string;
  code?: number;
}

export class SecretsApi {
  constructor(
    private readonly connection: ApiConnection,
    private readonly tokens: TokenSource,
  ) {}

  get namespace(): string {
    return this.connection.namespace;
  }

  async get(name: string): Promise<SecretObject> {
    const response = await this.call("GET", name, undefined, []);
    return expectSecret(response, "GET");
  }

  async create(secret: SecretObject, inFlight: string[]): Promise<SecretObject> {
    const response = await this.call("POST", undefined, secret, inFlight);
    return expectSecret(response, "POST");
  }

  async replace(secret: SecretObject, inFlight: string[]): Promise<SecretObject> {
    const response = await this.call("PUT", secret.metadata.name, secret, inFlight);
    return expectSecret(response, "PUT");
  }

  async delete(name: string): Promise<void> {
    await this.call("DELETE", name, undefined, []);
  }

  /** Secrets matching a label selector. */
  async list(selector: string): Promise<SecretObject[]> {
    const response = await this.call("GET", undefined, undefined, [], selector);
    const items = (response.body as { kind?: unknown; items?: unknown } | undefined)?.items;
    if (!Array.isArray(items) || !items.every((item) => isSecretObject({ kind: "Secret", ...(item as object) }))) {
      throw new K8sMalformedResponseError("GET secrets: response is not a SecretList with items[].metadata.name", {
        status: response.status,
      });
    }
    return items as SecretObject[];
  }

  private url(name: string | undefined, selector?: string): URL {
    const base = this.connection.apiServer.replace(/\/+$/, "");
    const ns = encodeURIComponent(this.connection.namespace);
    const url = new URL(`${base}/api/v1/namespaces/${ns}/secrets${name === undefined ? "" : `/${encodeURIComponent(name)}`}`);
    if (selector) url.searchParams.set("labelSelector", selector);
    return url;
  }

  private async call(
    method: ApiRequest["method"],
    name: string | undefined,
    body: unknown,
    inFlight: string[],
    selector?: string,
  ): Promise<ApiResponse> {
    const build = (): ApiRequest => {
      const token = this.tokens.current();
      return {
        method,
        url: this.url(name, selector),
        body,
        bearer: token,
        caCert: this.connection.caCert,
        timeoutMs: this.connection.timeoutMs,
        sensitive: [token, ...inFlight, ...Object.values((body as SecretObject | undefined)?.data ?? {})],
      };
    };
    let request = build();
    let response = await sendRequest(request);
    if (response.status === 401 && (await this.tokens.refresh())) {
      request = build();
      response = await sendRequest(request);
    }
    if (response.status >= 200 && response.status < 300) return response;
    throw statusError(request, response);
  }
}

function expectSecret(response: ApiResponse, method: string): SecretObject {
  if (!isSecretObject(response.body)) {
    throw new K8sMalformedResponseError(`${method} secret: response is not a Secret object`, { status: response.status });
  }
  return response.body;
}

/** A typed error from a Kubernetes `Status` failure body (or a plain-text one). */
function statusError(request: ApiRequest, response: ApiResponse): K8sApiError {
  const status = response.body as Status | string | undefined;
  const reason = typeof status === "object" && typeof status?.reason === "string" ? status.reason : undefined;
  const text =
    typeof status === "string" ? status : typeof status?.message === "string" ? status.message : "no Status message";
  const message = `${describeRequest(request)} returned ${response.status}${reason ? ` ${reason}` : ""}: ${text}`;
  const details = { reason, secrets: request.sensitive };
  if (response.status === 404) return new K8sNotFoundError(message, details);
  return new K8sApiError(message, { ...details, status: response.status }, response.status === 409 ? "CONFLICT" : "API_ERROR");
}
