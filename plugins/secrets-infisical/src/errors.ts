/**
 * Typed errors of the Infisical plugin. Messages that quote the server go
 * through `scrubMessage`: the configured credentials and any value in flight
 * are cut out verbatim, then `sanitizeErrorMessage` redacts the rest.
 */
import { REDACTED, sanitizeErrorMessage } from "@floe/runtime";

export type InfisicalErrorCode =
  | "CONFIG_INVALID"
  | "INVALID_ARGUMENT"
  | "AUTH_FAILED"
  | "HTTP_ERROR"
  | "TIMEOUT"
  | "NETWORK_ERROR"
  | "MALFORMED_RESPONSE";

/** Base class: every failure of this plugin is an InfisicalError with a stable `code`. */
export class InfisicalError extends Error {
  override name = "InfisicalError";
  constructor(
    message: string,
    readonly code: InfisicalErrorCode,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The plugin configuration failed validation; lists paths and expectations, never received values. */
export class ConfigError extends InfisicalError {
  override name = "ConfigError";
  constructor(readonly issues: string[]) {
    super(`invalid Infisical plugin config: ${issues.join("; ")}`, "CONFIG_INVALID");
  }
}

/** Universal Auth login was refused (bad client id/secret, revoked identity). */
export class InfisicalAuthError extends InfisicalError {
  override name = "InfisicalAuthError";
  constructor(message: string, status: number) {
    super(message, "AUTH_FAILED", status);
  }
}

/** The server answered with a non-success status. */
export class InfisicalHttpError extends InfisicalError {
  override name = "InfisicalHttpError";
  constructor(message: string, status: number) {
    super(message, "HTTP_ERROR", status);
  }
}

/** The request did not complete within the configured timeout. */
export class InfisicalTimeoutError extends InfisicalError {
  override name = "InfisicalTimeoutError";
  constructor(message: string) {
    super(message, "TIMEOUT");
  }
}

/** The server could not be reached (connection refused, DNS, reset). */
export class InfisicalNetworkError extends InfisicalError {
  override name = "InfisicalNetworkError";
  constructor(message: string) {
    super(message, "NETWORK_ERROR");
  }
}

/** The server answered 2xx with a body that is not what the API documents. */
export class InfisicalMalformedResponseError extends InfisicalError {
  override name = "InfisicalMalformedResponseError";
  constructor(message: string, status: number) {
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
