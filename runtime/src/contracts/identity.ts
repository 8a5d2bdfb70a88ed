/** Contract for IDENTITY plugins: authenticate, validate and refresh tokens, read user info. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export type Credentials =
  | { grantType: "client_credentials"; scope?: string }
  | { grantType: "password"; username: string; password: string; scope?: string };

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  tokenType: string;
  expiresAt: Date;
  scope?: string;
}

export interface TokenValidation {
  valid: boolean;
  subject?: string;
  claims?: Record<string, unknown>;
  reason?: string;
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
  abstract validateToken(token: string): Promise<TokenValidation>;
  abstract refreshToken(refreshToken: string): Promise<TokenSet>;
  abstract getUserInfo(accessToken: string): Promise<UserInfo>;
}
