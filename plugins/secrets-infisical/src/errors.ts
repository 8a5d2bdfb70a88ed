/**
 * Typed errors of the Infisical plugin, on the kit's FloePluginError: each
 * message is sanitized when the error is built, after the credentials and
 * values in flight (passed as `secrets`) are cut out verbatim.
 */
import { ConfigError, FloePluginError, type PluginErrorOptions } from "@floe/runtime/plugin-kit";

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
export class InfisicalError extends FloePluginError {
  override name = "InfisicalError";
  declare readonly code: InfisicalErrorCode;

  constructor(message: string, code: InfisicalErrorCode, details: InfisicalErrorDetails = {}) {
    super(message, { ...details, code });
  }
}

/** Universal Auth login was refused (bad client id/secret, revoked identity). */
export class InfisicalAuthError extends InfisicalError {
  override name = "InfisicalAuthError";
  constructor(message: string, details: InfisicalErrorDetails & { status: number }) {
    super(message, "AUTH_FAILED", details);
  }
}

/** The server answered with a non-success status. */
export class InfisicalHttpError extends InfisicalError {
  override name = "InfisicalHttpError";
  constructor(message: string, details: InfisicalErrorDetails & { status: number }) {
    super(message, "HTTP_ERROR", details);
  }
}

/** The request did not complete within the configured timeout. */
export class InfisicalTimeoutError extends InfisicalError {
  override name = "InfisicalTimeoutError";
  constructor(message: string, details: InfisicalErrorDetails = {}) {
    super(message, "TIMEOUT", details);
  }
}

/** The server could not be reached (connection refused, DNS, reset). */
export class InfisicalNetworkError extends InfisicalError {
  override name = "InfisicalNetworkError";
  constructor(message: string, details: InfisicalErrorDetails = {}) {
    super(message, "NETWORK_ERROR", details);
  }
}

/** The server answered 2xx with a body that is not what the API documents. */
export class InfisicalMalformedResponseError extends InfisicalError {
  override name = "InfisicalMalformedResponseError";
  constructor(message: string, details: InfisicalErrorDetails & { status: number }) {
    super(message, "MALFORMED_RESPONSE", details);
  }
}
