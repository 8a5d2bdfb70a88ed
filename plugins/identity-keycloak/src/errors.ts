/**
 * Typed errors of the Keycloak identity plugin, on the kit's
 * FloePluginError. OAuth errors keep the provider's `error` code; each
 * message is sanitized when the error is built, after the credentials in
 * flight (client secret, password, tokens, passed as `secrets`) are cut out.
 */
import { ConfigError, FloePluginError, type PluginErrorOptions } from "@floe/runtime/plugin-kit";

/** Invalid configuration: the kit's ConfigError (`code` CONFIG_INVALID), naming paths, never values. */
export { ConfigError };

export type KeycloakErrorCode =
  | "CONFIG_INVALID"
  | "INVALID_ARGUMENT"
  | "DISCOVERY_FAILED"
  | "JWKS_UNAVAILABLE"
  | "AUTH_FAILED"
  | "HTTP_ERROR"
  | "TIMEOUT"
  | "NETWORK_ERROR"
  | "MALFORMED_RESPONSE";

/** Status, secrets to strip and cause of one failure. */
export type KeycloakErrorDetails = Omit<PluginErrorOptions, "code">;

export class KeycloakError extends FloePluginError {
  override name = "KeycloakError";
  declare readonly code: KeycloakErrorCode;

  constructor(message: string, code: KeycloakErrorCode, details: KeycloakErrorDetails = {}) {
    super(message, { ...details, code });
  }
}

/** The token or userinfo endpoint refused the credentials (`oauthError`: `invalid_client`, `invalid_grant`, ...). */
export class KeycloakAuthError extends KeycloakError {
  override name = "KeycloakAuthError";
  readonly oauthError: string | undefined;

  constructor(message: string, details: KeycloakErrorDetails & { status: number; oauthError: string | undefined }) {
    super(message, "AUTH_FAILED", details);
    this.oauthError = details.oauthError;
  }
}

/** `/.well-known/openid-configuration` could not be read or does not describe this issuer. */
export class KeycloakDiscoveryError extends KeycloakError {
  override name = "KeycloakDiscoveryError";
  constructor(message: string, details: KeycloakErrorDetails = {}) {
    super(message, "DISCOVERY_FAILED", details);
  }
}

/** The JWKS could not be fetched, so no verdict on a token is possible. */
export class KeycloakJwksError extends KeycloakError {
  override name = "KeycloakJwksError";
  constructor(message: string, details: KeycloakErrorDetails = {}) {
    super(message, "JWKS_UNAVAILABLE", details);
  }
}

export class KeycloakHttpError extends KeycloakError {
  override name = "KeycloakHttpError";
  constructor(message: string, details: KeycloakErrorDetails & { status: number }) {
    super(message, "HTTP_ERROR", details);
  }
}

export class KeycloakTimeoutError extends KeycloakError {
  override name = "KeycloakTimeoutError";
  constructor(message: string, details: KeycloakErrorDetails = {}) {
    super(message, "TIMEOUT", details);
  }
}

export class KeycloakNetworkError extends KeycloakError {
  override name = "KeycloakNetworkError";
  constructor(message: string, details: KeycloakErrorDetails = {}) {
    super(message, "NETWORK_ERROR", details);
  }
}

export class KeycloakMalformedResponseError extends KeycloakError {
  override name = "KeycloakMalformedResponseError";
  constructor(message: string, details: KeycloakErrorDetails = {}) {
    super(message, "MALFORMED_RESPONSE", details);
  }
}
