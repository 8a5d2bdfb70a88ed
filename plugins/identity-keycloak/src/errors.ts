/**
 * Typed errors of the Keycloak identity plugin. OAuth errors keep the
 * provider's `error` code; every message quoting the provider has the
 * credentials in flight (client secret, password, tokens) cut out verbatim
 * and then passes through `sanitizeErrorMessage`.
 */
import { REDACTED, sanitizeErrorMessage } from "@floe/runtime";

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

export class KeycloakError extends Error {
  override name = "KeycloakError";
  constructor(
    message: string,
    readonly code: KeycloakErrorCode,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The plugin configuration failed validation; lists paths and expectations, never received values. */
export class ConfigError extends KeycloakError {
  override name = "ConfigError";
  constructor(readonly issues: string[]) {
    super(`invalid Keycloak plugin config: ${issues.join("; ")}`, "CONFIG_INVALID");
  }
}

/** The token or userinfo endpoint refused the credentials (`oauthError`: `invalid_client`, `invalid_grant`, ...). */
export class KeycloakAuthError extends KeycloakError {
  override name = "KeycloakAuthError";
  constructor(
    message: string,
    status: number,
    readonly oauthError: string | undefined,
  ) {
    super(message, "AUTH_FAILED", status);
  }
}

/** `/.well-known/openid-configuration` could not be read or does not describe this issuer. */
export class KeycloakDiscoveryError extends KeycloakError {
  override name = "KeycloakDiscoveryError";
  constructor(message: string, status?: number) {
    super(message, "DISCOVERY_FAILED", status);
  }
}

/** The JWKS could not be fetched, so no verdict on a token is possible. */
export class KeycloakJwksError extends KeycloakError {
  override name = "KeycloakJwksError";
  constructor(message: string) {
    super(message, "JWKS_UNAVAILABLE");
  }
}

export class KeycloakHttpError extends KeycloakError {
  override name = "KeycloakHttpError";
  constructor(message: string, status: number) {
    super(message, "HTTP_ERROR", status);
  }
}

export class KeycloakTimeoutError extends KeycloakError {
  override name = "KeycloakTimeoutError";
  constructor(message: string) {
    super(message, "TIMEOUT");
  }
}

export class KeycloakNetworkError extends KeycloakError {
  override name = "KeycloakNetworkError";
  constructor(message: string) {
    super(message, "NETWORK_ERROR");
  }
}

export class KeycloakMalformedResponseError extends KeycloakError {
  override name = "KeycloakMalformedResponseError";
  constructor(message: string, status?: number) {
    super(message, "MALFORMED_RESPONSE", status);
  }
}

/** Removes known sensitive strings verbatim, then runs the runtime sanitizer. */
export function scrubMessage(message: string, sensitive: readonly (string | undefined)[]): string {
  let text = message;
  for (const value of sensitive) {
    if (value && value.length >= 4) text = text.split(value).join(REDACTED);
  }
  return sanitizeErrorMessage(text);
}
