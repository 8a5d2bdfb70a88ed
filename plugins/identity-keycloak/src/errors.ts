/**
 * Typed errors of the Keycloak identity plugin, on the kit's
 * FloePluginError. OAuth errors keep the provider's `error` code; each
 * message is sanitized when the error is built, after the credentials in
 * flight (client secret, password, tokens, passed as `secrets`) are cut out.
 */
import { ConfigError, type PluginErrorOptions, defineErrorFamily } from "@floe/runtime/plugin-kit";

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

const family = defineErrorFamily(
  "KeycloakError",
  {
    /** `/.well-known/openid-configuration` could not be read or does not describe this issuer. */
    KeycloakDiscoveryError: { code: "DISCOVERY_FAILED" },
    /** The JWKS could not be fetched, so no verdict on a token is possible. */
    KeycloakJwksError: { code: "JWKS_UNAVAILABLE" },
    KeycloakHttpError: { code: "HTTP_ERROR" },
    KeycloakTimeoutError: { code: "TIMEOUT" },
    KeycloakNetworkError: { code: "NETWORK_ERROR" },
    KeycloakMalformedResponseError: { code: "MALFORMED_RESPONSE" },
  },
  { codes: "" as KeycloakErrorCode },
);
export const { KeycloakError, KeycloakDiscoveryError, KeycloakJwksError, KeycloakHttpError, KeycloakTimeoutError, KeycloakNetworkError, KeycloakMalformedResponseError } = family;
export type KeycloakError = InstanceType<typeof KeycloakError>;
export type KeycloakDiscoveryError = InstanceType<typeof KeycloakDiscoveryError>;
export type KeycloakJwksError = InstanceType<typeof KeycloakJwksError>;
export type KeycloakHttpError = InstanceType<typeof KeycloakHttpError>;
export type KeycloakTimeoutError = InstanceType<typeof KeycloakTimeoutError>;
export type KeycloakNetworkError = InstanceType<typeof KeycloakNetworkError>;
export type KeycloakMalformedResponseError = InstanceType<typeof KeycloakMalformedResponseError>;

/** The token or userinfo endpoint refused the credentials (`oauthError`: `invalid_client`, `invalid_grant`, ...). */
export class KeycloakAuthError extends KeycloakError {
  override name = "KeycloakAuthError";
  readonly oauthError: string | undefined;

  constructor(message: string, details: KeycloakErrorDetails & { status: number; oauthError: string | undefined }) {
    super(message, { ...details, code: "AUTH_FAILED" });
    this.oauthError = details.oauthError;
  }
}

