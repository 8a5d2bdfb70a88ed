/**
 * Typed errors of the Kubernetes secrets plugin, on the kit's
 * FloePluginError: API failures carry the HTTP status and the Kubernetes
 * `Status.reason`; each message is sanitized when the error is built, after
 * the credentials and values in flight (passed as `secrets`) are cut out.
 */
import { ConfigError, type PluginErrorOptions, defineErrorFamily } from "@floe/runtime/plugin-kit";

/** Invalid configuration: the kit's ConfigError (`code` CONFIG_INVALID), naming paths, never values. */
export { ConfigError };

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

/** Status, secrets to strip and cause of one failure. */
export type K8sSecretsErrorDetails = Omit<PluginErrorOptions, "code">;

/** What an API failure knows besides its message. */
export interface K8sApiErrorDetails extends K8sSecretsErrorDetails {
  status: number;
  /** The Kubernetes `Status.reason`, e.g. `Forbidden`, `Conflict`, `NotFound`. */
  reason: string | undefined;
}

const family = defineErrorFamily(
  "K8sSecretsError",
  {
    K8sTimeoutError: { code: "TIMEOUT" },
    K8sNetworkError: { code: "NETWORK_ERROR" },
    K8sMalformedResponseError: { code: "MALFORMED_RESPONSE" },
  },
  { codes: "" as K8sSecretsErrorCode },
);
export const { K8sSecretsError, K8sTimeoutError, K8sNetworkError, K8sMalformedResponseError } = family;
export type K8sSecretsError = InstanceType<typeof K8sSecretsError>;
export type K8sTimeoutError = InstanceType<typeof K8sTimeoutError>;
export type K8sNetworkError = InstanceType<typeof K8sNetworkError>;
export type K8sMalformedResponseError = InstanceType<typeof K8sMalformedResponseError>;

/** The API server answered with a `Status` failure. */
export class K8sApiError extends K8sSecretsError {
  override name = "K8sApiError";
  readonly reason: string | undefined;

  constructor(message: string, details: K8sApiErrorDetails, code: K8sSecretsErrorCode = "API_ERROR") {
    super(message, { ...details, code });
    this.reason = details.reason;
  }
}

/** 404 for a named Secret. The plugin turns it into `undefined` / `false`; the API client throws it. */
export class K8sNotFoundError extends K8sApiError {
  override name = "K8sNotFoundError";
  constructor(message: string, details: Omit<K8sApiErrorDetails, "status">) {
    super(message, { ...details, status: 404 }, "NOT_FOUND");
  }
}

/** 409 after the configured number of optimistic-concurrency retries. */
export class K8sConflictError extends K8sApiError {
  override name = "K8sConflictError";
  constructor(message: string, details: Omit<K8sApiErrorDetails, "status">) {
    super(message, { ...details, status: 409 }, "CONFLICT");
  }
}

