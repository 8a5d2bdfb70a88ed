/**
 * Client for Infisical's v3 raw-secrets API (`/api/v3/secrets/raw[/{name}]`)
 * scoped to one workspace, environment and folder. Authenticates through the
 * Universal Auth session and retries a request once after a 401 with a fresh
 * login. A 404 for a named secret means "absent", reported as undefined/false.
 */
import { InfisicalMalformedResponseError } from "./errors.js";
import { httpError, sendJson, type JsonRequest, type JsonResponse } from "./http.js";
import type { UniversalAuthSession } from "./universal-auth.js";

export const RAW_SECRETS_PATH = "/api/v3/secrets/raw";

export interface SecretScope {
  siteUrl: string;
  workspaceId: string;
  environment: string;
  secretPath: string;
  timeoutMs: number;
}

type Method = JsonRequest["method"];

export class RawSecretsClient {
  constructor(
    private readonly scope: SecretScope,
    private readonly session: UniversalAuthSession,
  ) {}

  /** The secret's value, or undefined on 404. */
  async get(name: string): Promise<string | undefined> {
    const response = await this.call("GET", name, undefined, []);
    if (response.status === 404) return undefined;
    const secret = (response.body as { secret?: { secretValue?: unknown } } | undefined)?.secret;
    if (!secret || typeof secret.secretValue !== "string") {
      throw new InfisicalMalformedResponseError(
        `GET ${RAW_SECRETS_PATH}/{secretName}: response lacks secret.secretValue (string)`,
        { status: response.status },
      );
    }
    return secret.secretValue;
  }

  /** Names of every secret in the folder. */
  async listNames(): Promise<string[]> {
    const response = await this.call("GET", undefined, undefined, []);
    const secrets = (response.body as { secrets?: unknown } | undefined)?.secrets;
    if (!Array.isArray(secrets) || !secrets.every((s) => typeof (s as { secretKey?: unknown })?.secretKey === "string")) {
      throw new InfisicalMalformedResponseError(
        `GET ${RAW_SECRETS_PATH}: response lacks secrets[].secretKey (string)`,
        { status: response.status },
      );
    }
    return secrets.map((s) => (s as { secretKey: string }).secretKey);
  }

  /** Updates an existing secret; false when it does not exist. */
  async update(name: string, value: string): Promise<boolean> {
    const response = await this.call("PATCH", name, { secretValue: value }, [value]);
    return response.status !== 404;
  }

  async create(name: string, value: string): Promise<void> {
    await this.call("POST", name, { secretValue: value }, [value]);
  }

  /** Deletes a secret; false when it did not exist. */
  async delete(name: string): Promise<boolean> {
    const response = await this.call("DELETE", name, {}, []);
    return response.status !== 404;
  }

  /**
   * One authorized request; 2xx and (for named secrets) 404 resolve, any other
   * status rejects. A 401 triggers exactly one re-login and retry.
   */
  private async call(
    method: Method,
    name: string | undefined,
    extraBody: Record<string, unknown> | undefined,
    inFlight: string[],
  ): Promise<JsonResponse> {
    const request = this.buildRequest(method, name, extraBody, inFlight);
    let token = await this.session.accessToken();
    let response = await sendJson(this.withAuth(request, token));
    if (response.status === 401) {
      this.session.invalidate(token);
      token = await this.session.accessToken();
      response = await sendJson(this.withAuth(request, token));
    }
    const ok = response.status >= 200 && response.status < 300;
    if (ok || (response.status === 404 && name !== undefined)) return response;
    throw httpError(this.withAuth(request, token), response);
  }

  private buildRequest(
    method: Method,
    name: string | undefined,
    extraBody: Record<string, unknown> | undefined,
    inFlight: string[],
  ): Omit<JsonRequest, "bearer" | "sensitive"> & { inFlight: string[] } {
    const path = name === undefined ? RAW_SECRETS_PATH : `${RAW_SECRETS_PATH}/${encodeURIComponent(name)}`;
    const url = new URL(path, this.scope.siteUrl);
    const scope = {
      workspaceId: this.scope.workspaceId,
      environment: this.scope.environment,
      secretPath: this.scope.secretPath,
    };
    let body: unknown;
    if (method === "GET") {
      for (const [key, value] of Object.entries(scope)) url.searchParams.set(key, value);
    } else {
      body = { ...scope, type: "shared", ...extraBody };
    }
    return { method, url, body, timeoutMs: this.scope.timeoutMs, inFlight };
  }

  private withAuth(request: Omit<JsonRequest, "bearer" | "sensitive"> & { inFlight: string[] }, token: string): JsonRequest {
    return { ...request, bearer: token, sensitive: [...this.session.sensitive(), token, ...request.inFlight] };
  }
}
