/**
 * Grant requests to the OIDC token endpoint (client credentials, password,
 * refresh token) with the configured client authentication, and parsing of
 * the token response into a TokenSet. OAuth error responses become
 * KeycloakAuthError with the provider's `error` code.
 */
import type { TokenSet } from "@floe/runtime";
import { KeycloakAuthError, KeycloakHttpError, KeycloakMalformedResponseError } from "./errors.js";
import { describeRequest, exchange, isObject, type ProviderRequest } from "./http.js";

export interface ClientAuth {
  clientId: string;
  clientSecret?: string;
  method: "client_secret_basic" | "client_secret_post";
}

export interface GrantRequest {
  tokenEndpoint: string;
  client: ClientAuth;
  /** Grant fields: `grant_type` plus its parameters. */
  fields: Record<string, string>;
  timeoutMs: number;
  /** Secrets in this grant (password, refresh token) to keep out of messages. */
  sensitive: string[];
  now: () => number;
}

/** RFC 6749 §2.3.1: client id and secret are form-urlencoded before Basic encoding. */
function basicCredentials(client: ClientAuth): string {
  const id = encodeURIComponent(client.clientId);
  const secret = encodeURIComponent(client.clientSecret ?? "");
  return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
}

export async function requestTokens(grant: GrantRequest): Promise<TokenSet> {
  const { client } = grant;
  const form: Record<string, string> = { ...grant.fields };
  const headers: Record<string, string> = {};
  if (client.clientSecret && client.method === "client_secret_basic") {
    headers.authorization = basicCredentials(client);
  } else {
    form.client_id = client.clientId;
    if (client.clientSecret) form.client_secret = client.clientSecret;
  }
  const request: ProviderRequest = {
    method: "POST",
    url: grant.tokenEndpoint,
    headers,
    form,
    timeoutMs: grant.timeoutMs,
    // The Basic header is as secret as the client secret it encodes.
    sensitive: [client.clientSecret, headers.authorization?.slice("Basic ".length), ...grant.sensitive],
  };
  const requestedAt = grant.now();
  const response = await exchange(request);
  const body = response.body;

  if (response.status !== 200) {
    const oauthError = isObject(body) && typeof body.error === "string" ? body.error : undefined;
    const description = isObject(body) && typeof body.error_description === "string" ? body.error_description : undefined;
    const detail =
      [oauthError, description].filter(Boolean).join(": ") || (typeof body === "string" ? body : "no error description");
    const message = `${describeRequest(request)} (${grant.fields.grant_type}) returned ${response.status}: ${detail}`;
    const details = { status: response.status, secrets: request.sensitive };
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      throw new KeycloakAuthError(message, { ...details, oauthError });
    }
    throw new KeycloakHttpError(message, details);
  }
  if (!isObject(body) || typeof body.access_token !== "string" || body.access_token === "") {
    throw new KeycloakMalformedResponseError(`${describeRequest(request)}: token response lacks access_token`, { status: response.status });
  }
  const expiresIn = typeof body.expires_in === "number" ? body.expires_in : Number(body.expires_in);
  if (!Number.isFinite(expiresIn)) {
    throw new KeycloakMalformedResponseError(`${describeRequest(request)}: token response lacks expires_in`, { status: response.status });
  }
  return {
    accessToken: body.access_token,
    tokenType: typeof body.token_type === "string" ? body.token_type : "Bearer",
    expiresAt: new Date(requestedAt + expiresIn * 1000),
    ...(typeof body.refresh_token === "string" ? { refreshToken: body.refresh_token } : {}),
    ...(typeof body.id_token === "string" ? { idToken: body.id_token } : {}),
    ...(typeof body.scope === "string" ? { scope: body.scope } : {}),
  };
}
