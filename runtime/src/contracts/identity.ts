/**
 * Contract for IDENTITY plugins: authenticate, validate and refresh tokens, read user info.
 *
 * `validateToken` separates a verdict from a failure: a token that is
 * malformed, expired, badly signed, or for another issuer or audience
 * resolves `{ valid: false, reason }` (the span stays OK and carries
 * `identity.token_valid=false`); only when the plugin cannot reach a verdict
 * (discovery or JWKS unreachable, provider misconfigured) does it reject.
 * Tokens, passwords and client secrets never reach a span.
 */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export type Credentials =
  | { grantType: "client_credentials"; scope?: string }
  | { grantType: "password"; username: string; password: string; scope?: string };

export type GrantType = Credentials["grantType"] | "refresh_token";

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  tokenType: string;
  expiresAt: Date;
  scope?: string;
}

/** Why a token was rejected. */
export type TokenInvalidReason =
  | "malformed"
  | "expired"
  | "not_yet_valid"
  | "invalid_signature"
  | "unknown_key"
  | "wrong_issuer"
  | "wrong_audience"
  | "invalid_claims";

export interface TokenValidation {
  valid: boolean;
  subject?: string;
  claims?: Record<string, unknown>;
  /** Set when `valid` is false. */
  reason?: TokenInvalidReason;
  expiresAt?: Date;
}

export interface UserInfo {
  sub: string;
  [claim: string]: unknown;
}

export abstract class IdentityPlugin extends PluginMetadata {
  override get pluginType(): typeof PluginType.IDENTITY {
    return PluginType.IDENTITY;
  }
  abstract authenticate(credentials: Credentials): Promise<TokenSet>;
  /** A verdict on the token; rejects only when no verdict can be reached. */
  abstract validateToken(token: string): Promise<TokenValidation>;
  abstract refreshToken(refreshToken: string): Promise<TokenSet>;
  abstract getUserInfo(accessToken: string): Promise<UserInfo>;
}
