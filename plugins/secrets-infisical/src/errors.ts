/**
 * Typed errors of the Infisical plugin, on the kit's FloePluginError: each
 * message is sanitized when the error is built, after the credentials and
 * values in flight (passed as `secrets`) are cut out verbatim.
 */
import { ConfigError, type PluginErrorOptions, defineErrorFamily } from "@floe/runtime/plugin-kit";

/** Invalid configuration: the kit's ConfigError (`code` CONFIG_INVALID), naming paths, never values. */
export { ConfigError };

export type InfisicalErrorCode =
  | "CONFIG_INVALID"
  | "INVALID_ARGUMENT"
  | "AUTH_FAILED"
  | "HTTP_ERROR"
  | "TIMEOUT"
  | "NETWORK_ERROR"
  | "MALFORMED_RESPONSE";

/** Status, secrets to strip and cause of one failure. */
export type InfisicalErrorDetails = Omit<PluginErrorOptions, "code">;

/** Base class: every failure of this plugin except ConfigError is an InfisicalError with a stable `code`. */
const family = defineErrorFamily(
  "InfisicalError",
  {
    /** Universal Auth login was refused (bad client id/secret, revoked identity). */
    InfisicalAuthError: { code: "AUTH_FAILED" },
    /** The server answered with a non-success status. */
    InfisicalHttpError: { code: "HTTP_ERROR" },
    /** The request did not complete within the configured timeout. */
    InfisicalTimeoutError: { code: "TIMEOUT" },
    /** The server could not be reached (connection refused, DNS, reset). */
    InfisicalNetworkError: { code: "NETWORK_ERROR" },
    /** The server answered 2xx with a body that is not what the API documents. */
    InfisicalMalformedResponseError: { code: "MALFORMED_RESPONSE" },
  },
  { codes: "" as InfisicalErrorCode },
);
export const { InfisicalError, InfisicalAuthError, InfisicalHttpError, InfisicalTimeoutError, InfisicalNetworkError, InfisicalMalformedResponseError } = family;
export type InfisicalError = InstanceType<typeof InfisicalError>;
export type InfisicalAuthError = InstanceType<typeof InfisicalAuthError>;
export type InfisicalHttpError = InstanceType<typeof InfisicalHttpError>;
export type InfisicalTimeoutError = InstanceType<typeof InfisicalTimeoutError>;
export type InfisicalNetworkError = InstanceType<typeof InfisicalNetworkError>;
export type InfisicalMalformedResponseError = InstanceType<typeof InfisicalMalformedResponseError>;

