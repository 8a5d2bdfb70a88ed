/**
 * Typed failures of the Alertmanager channel. Each says where (`destination`,
 * a host, never a URL with credentials) and why (`code`, HTTP `status`,
 * `deliveryStatus`), so the span and the caller can tell a rejected alert from
 * an unreachable Alertmanager. Messages are sanitized and stripped of the
 * configured secrets (the kit's AlertChannelError does it at construction).
 */
import { AlertChannelError, type AlertChannelErrorOptions, defineErrorFamily } from "@floe/runtime/plugin-kit";

export type AlertmanagerErrorCode =
  | "invalid_alert"
  | "rejected"
  | "unauthorized"
  | "not_found"
  | "server_error"
  | "malformed_response"
  | "timeout"
  | "unreachable";

export interface AlertmanagerErrorDetails extends AlertChannelErrorOptions {
  code: AlertmanagerErrorCode;
}

const family = defineErrorFamily(
  "AlertmanagerError",
  {
    /** The alert was refused before sending (invalid label name) or by Alertmanager (HTTP 400/422...). */
    AlertmanagerRejectedError: {},
    /** HTTP 401/403: the credentials were missing or refused. */
    AlertmanagerAuthError: {},
    /** HTTP 404: no Alertmanager API at this URL (wrong path prefix). */
    AlertmanagerNotFoundError: {},
    /** HTTP 5xx from Alertmanager or a proxy in front of it. */
    AlertmanagerServerError: {},
    /** A success status whose body is not what Alertmanager answers (a proxy's login page), or a redirect. */
    AlertmanagerResponseError: {},
    /** No answer within `timeoutMs`. */
    AlertmanagerTimeoutError: {},
    /** Connection refused, reset, or the host did not resolve. */
    AlertmanagerUnreachableError: {},
  },
  { parent: AlertChannelError, codes: "" as AlertmanagerErrorCode },
);
export const { AlertmanagerError, AlertmanagerRejectedError, AlertmanagerAuthError, AlertmanagerNotFoundError, AlertmanagerServerError, AlertmanagerResponseError, AlertmanagerTimeoutError, AlertmanagerUnreachableError } = family;
export type AlertmanagerError = InstanceType<typeof AlertmanagerError>;
export type AlertmanagerRejectedError = InstanceType<typeof AlertmanagerRejectedError>;
export type AlertmanagerAuthError = InstanceType<typeof AlertmanagerAuthError>;
export type AlertmanagerNotFoundError = InstanceType<typeof AlertmanagerNotFoundError>;
export type AlertmanagerServerError = InstanceType<typeof AlertmanagerServerError>;
export type AlertmanagerResponseError = InstanceType<typeof AlertmanagerResponseError>;
export type AlertmanagerTimeoutError = InstanceType<typeof AlertmanagerTimeoutError>;
export type AlertmanagerUnreachableError = InstanceType<typeof AlertmanagerUnreachableError>;

