/**
 * KeycloakIdentityPlugin: floe IDENTITY plugin for Keycloak (any OIDC
 * provider with discovery works). Each operation runs in an `identity.*`
 * span with provider, realm, client id and grant type; a validation
 * verdict is recorded as `identity.token_valid`. Tokens, passwords and the
 * client secret never reach a span.
 */
import { IdentityPlugin, type Credentials, type TokenSet, type TokenValidation, type UserInfo } from "@floe/runtime";
import type { Attributes, Span } from "@opentelemetry/api";
import { parseConfig, type KeycloakConfig, type KeycloakConfigInput } from "./config.js";
import { Discovery, type ProviderMetadata } from "./discovery.js";
import {
  KeycloakAuthError,
  KeycloakError,
  KeycloakHttpError,
  KeycloakMalformedResponseError,
} from "./errors.js";
import { describeRequest, exchange, isObject } from "./http.js";
import { requestTokens, type ClientAuth } from "./token-endpoint.js";
import { TokenValidator } from "./token-validator.js";
import { ATTRIBUTES, identitySpan, tracing } from "./tracing.js";

export const PROVIDER = "keycloak";

export interface KeycloakPluginOptions {
  /** Clock in epoch milliseconds used for `expiresAt`; defaults to Date.now. */
  now?: () => number;
}

export class KeycloakIdentityPlugin extends tracing.Plugin(IdentityPlugin) {
  private readonly config: KeycloakConfig;
  private readonly discovery: Discovery;
  private readonly validator: TokenValidator;
  private readonly now: () => number;

  constructor(config: KeycloakConfigInput, options: KeycloakPluginOptions = {}) {
    super();
    this.config = parseConfig(config);
    this.now = options.now ?? Date.now;
    this.discovery = new Discovery(this.config.issuer, this.config.timeoutMs);
    this.validator = new TokenValidator({
      issuer: this.config.issuer,
      audience: this.config.audience ?? this.config.clientId,
      clockToleranceSeconds: this.config.clockToleranceSeconds,
      timeoutMs: this.config.timeoutMs,
    });
  }

  override authenticate(credentials: Credentials): Promise<TokenSet> {
    const grantType = (credentials as { grantType?: unknown } | undefined)?.grantType;
    return this.operation("authenticate", { [ATTRIBUTES.GRANT_TYPE]: String(grantType) }, async () => {
      const metadata = await this.discovery.metadata();
      if (credentials.grantType === "client_credentials") {
        return this.grant(metadata, { grant_type: "client_credentials", ...scope(credentials.scope) }, []);
      }
      if (credentials.grantType === "password") {
        if (!credentials.username || typeof credentials.password !== "string") {
          throw new KeycloakError("password grant needs username and password", { code: "INVALID_ARGUMENT" });
        }
        return this.grant(
          metadata,
          { grant_type: "password", username: credentials.username, password: credentials.password, ...scope(credentials.scope ?? "openid") },
          [credentials.password],
        );
      }
      throw new KeycloakError(`unsupported grant type ${JSON.stringify(grantType)}`, { code: "INVALID_ARGUMENT" });
    });
  }

  override refreshToken(refreshToken: string): Promise<TokenSet> {
    return this.operation("refreshToken", { [ATTRIBUTES.GRANT_TYPE]: "refresh_token" }, async () => {
      requireToken(refreshToken, "refresh token");
      const metadata = await this.discovery.metadata();
      return this.grant(metadata, { grant_type: "refresh_token", refresh_token: refreshToken }, [refreshToken]);
    });
  }

  /**
   * Verdict on an access token. Invalid tokens resolve `{ valid: false, reason }` with the span OK and
   * `identity.token_valid=false`; discovery or JWKS failures reject (span ERROR).
   */
  override validateToken(token: string): Promise<TokenValidation> {
    return this.operation("validateToken", {}, async (span) => {
      let verdict: TokenValidation;
      if (typeof token !== "string" || token === "") {
        verdict = { valid: false, reason: "malformed" };
      } else {
        const metadata = await this.discovery.metadata();
        verdict = await this.validator.validate(token, metadata.jwksUri);
      }
      span.setAttribute(ATTRIBUTES.TOKEN_VALID, verdict.valid);
      if (verdict.reason) span.setAttribute(ATTRIBUTES.VALIDATION_FAILURE, verdict.reason);
      return verdict;
    });
  }

  override getUserInfo(accessToken: string): Promise<UserInfo> {
    return this.operation("getUserInfo", {}, async () => {
      requireToken(accessToken, "access token");
      const metadata = await this.discovery.metadata();
      if (!metadata.userinfoEndpoint) {
        throw new KeycloakMalformedResponseError("discovery document has no userinfo_endpoint");
      }
      const request = {
        method: "GET" as const,
        url: metadata.userinfoEndpoint,
        headers: { authorization: `Bearer ${accessToken}` },
        timeoutMs: this.config.timeoutMs,
        sensitive: [accessToken, this.config.clientSecret],
      };
      const response = await exchange(request);
      if (response.status === 401 || response.status === 403) {
        const oauthError = bearerError(response.body);
        throw new KeycloakAuthError(`${describeRequest(request)} returned ${response.status}${oauthError ? `: ${oauthError}` : ""}`, {
          status: response.status,
          oauthError,
          secrets: request.sensitive,
        });
      }
      if (response.status !== 200) {
        const text = isObject(response.body) ? JSON.stringify(response.body) : String(response.body ?? "");
        throw new KeycloakHttpError(`${describeRequest(request)} returned ${response.status}: ${text}`, {
          status: response.status,
          secrets: request.sensitive,
        });
      }
      if (!isObject(response.body) || typeof response.body.sub !== "string") {
        throw new KeycloakMalformedResponseError(`${describeRequest(request)}: user info lacks sub`, { status: response.status });
      }
      return response.body as UserInfo;
    });
  }

  private grant(metadata: ProviderMetadata, fields: Record<string, string>, sensitive: string[]): Promise<TokenSet> {
    return requestTokens({
      tokenEndpoint: metadata.tokenEndpoint,
      client: this.clientAuth(),
      fields,
      timeoutMs: this.config.timeoutMs,
      sensitive,
      now: this.now,
    });
  }

  private clientAuth(): ClientAuth {
    return { clientId: this.config.clientId, clientSecret: this.config.clientSecret, method: this.config.clientAuthMethod };
  }

  private operation<R>(op: string, extra: Attributes, fn: (span: Span) => Promise<R>): Promise<R> {
    const attributes: Attributes = {
      [ATTRIBUTES.PROVIDER]: PROVIDER,
      [ATTRIBUTES.CLIENT_ID]: this.config.clientId,
      ...extra,
    };
    if (this.config.realm) attributes[ATTRIBUTES.REALM] = this.config.realm;
    return identitySpan(op, attributes, fn, { floe: this.config.floe });
  }
}

function scope(value: string | undefined): Record<string, string> {
  return value ? { scope: value } : {};
}

function requireToken(token: unknown, what: string): asserts token is string {
  if (typeof token !== "string" || token === "") throw new KeycloakError(`${what} must be a non-empty string`, { code: "INVALID_ARGUMENT" });
}

/** The OAuth `error` of a userinfo failure (JSON body). */
function bearerError(body: unknown): string | undefined {
  return isObject(body) && typeof body.error === "string" ? body.error : undefined;
}
