/**
 * Typed errors of the Kubernetes secrets plugin. API failures carry the HTTP
 * status and the Kubernetes `Status.reason`; messages quoting the API server
 * have known credentials cut out verbatim and pass through the sanitizer.
 */
import { REDACTED, sanitizeErrorMessage } from "@floe/runtime";

export type K8sSecretsErrorCode =
  | "CONFIG_INVALID"
  | "INVALID_ARGUMENT"
  | "SERVICE_ACCOUNT_UNAVAILABLE"
  | "API_ERROR"
  | "NOT_FOUND"
  | "CONFLICT"
  | "TIMEOUT"
  | "NETWORK_ERROR"
  | "MALFORMED_RESPONSE";

export class K8sSecretsError extends Error {
  override name = "K8sSecretsError";
  constructor(
    message: string,
    readonly code: K8sSecretsErrorCode,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The plugin configuration failed validation; lists paths and expectations, never received values. */
export class ConfigError extends K8sSecretsError {
  override name = "ConfigError";
  constructor(readonly issues: string[]) {
    super(`invalid Kubernetes secrets plugin config: ${issues.join("; ")}`, "CONFIG_INVALID");
  }
}

/** The API server answered with a `Status` failure (`reason` is e.g. `Forbidden`, `Conflict`, `NotFound`). */
export class K8sApiError extends K8sSecretsError {
  override name = "K8sApiError";
  constructor(
    message: string,
    status: number,
    readonly reason: string | undefined,
    code: K8sSecretsErrorCode = "API_ERROR",
  ) {
    super(message, code, status);
  }
}

/** 404 for a named Secret. The plugin turns it into `undefined` / `false`; the API client throws it. */
export class K8sNotFoundError extends K8sApiError {
  override name = "K8sNotFoundError";
  constructor(message: string, reason: string | undefined) {
    super(message, 404, reason, "NOT_FOUND");
  }
}

/** 409 after the configured number of optimistic-concurrency retries. */
export class K8sConflictError extends K8sApiError {
  override name = "K8sConflictError";
  constructor(message: string, reason: string | undefined) {
    super(message, 409, reason, "CONFLICT");
  }
}

export class K8sTimeoutError extends K8sSecretsError {
  override name = "K8sTimeoutError";
  constructor(message: string) {
    super(message, "TIMEOUT");
  }
}

export class K8sNetworkError extends K8sSecretsError {
  override name = "K8sNetworkError";
  constructor(message: string) {
    super(message, "NETWORK_ERROR");
  }
}

export class K8sMalformedResponseError extends K8sSecretsError {
  override name = "K8sMalformedResponseError";
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
