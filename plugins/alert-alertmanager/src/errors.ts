/**
 * Typed failures of the Alertmanager channel. Each says where (`destination`,
 * a host, never a URL with credentials) and why (`code`, HTTP `status`,
 * `deliveryStatus`), so the span and the caller can tell a rejected alert from
 * an unreachable Alertmanager. Messages are sanitized and stripped of the
 * configured secrets (the kit's AlertChannelError does it at construction).
 */
import { AlertChannelError, type AlertChannelErrorOptions } from "@floe/runtime/plugin-kit";

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

export class AlertmanagerError extends AlertChannelError {
  override name = "AlertmanagerError";
  declare readonly code: AlertmanagerErrorCode;

  constructor(message: string, details: AlertmanagerErrorDetails) {
    super(message, details);
  }
}

/** The alert was refused before sending (invalid label name) or by Alertmanager (HTTP 400/422...). */
export class AlertmanagerRejectedError extends AlertmanagerError {
  override name = "AlertmanagerRejectedError";
}

/** HTTP 401/403: the credentials were missing or refused. */
export class AlertmanagerAuthError extends AlertmanagerError {
  override name = "AlertmanagerAuthError";
}

/** HTTP 404: no Alertmanager API at this URL (wrong path prefix). */
export class AlertmanagerNotFoundError extends AlertmanagerError {
  override name = "AlertmanagerNotFoundError";
}

/** HTTP 5xx from Alertmanager or a proxy in front of it. */
export class AlertmanagerServerError extends AlertmanagerError {
  override name = "AlertmanagerServerError";
}

/** A success status whose body is not what Alertmanager answers (a proxy's login page), or a redirect. */
export class AlertmanagerResponseError extends AlertmanagerError {
  override name = "AlertmanagerResponseError";
}

/** No answer within `timeoutMs`. */
export class AlertmanagerTimeoutError extends AlertmanagerError {
  override name = "AlertmanagerTimeoutError";
}

/** Connection refused, reset, or the host did not resolve. */
export class AlertmanagerUnreachableError extends AlertmanagerError {
  override name = "AlertmanagerUnreachableError";
}
