/**
 * Typed failures of the Marquez lineage backend: an event refused locally
 * because it breaks the OpenLineage spec (nothing was sent), or what Marquez
 * answered (`status`, its reason redacted of the API key), or a transport
 * failure naming the host only. Messages are sanitized and stripped of the
 * API key by the kit's FloePluginError at construction.
 */
import { FloePluginError, type PluginErrorOptions, defineErrorKinds } from "@floe/runtime/plugin-kit";

export type MarquezErrorCode =
  | "invalid_event"
  | "rejected"
  | "unauthorized"
  | "not_found"
  | "server_error"
  | "malformed_response"
  | "timeout"
  | "unreachable";

export interface MarquezErrorDetails extends PluginErrorOptions {
  code: MarquezErrorCode;
  /** Marquez's `host:port`. */
  destination: string;
}

export class MarquezError extends FloePluginError {
  override name = "MarquezError";
  declare readonly code: MarquezErrorCode;
  readonly destination: string;

  constructor(message: string, details: MarquezErrorDetails) {
    super(message, details);
    this.destination = details.destination;
  }
}

/** The event breaks the OpenLineage spec; `problems` lists each failing path. Nothing was sent. */
export class LineageValidationError extends MarquezError {
  override name = "LineageValidationError";
  constructor(
    readonly problems: readonly string[],
    destination: string,
  ) {
    super(`OpenLineage event is invalid, not sent: ${problems.join("; ")}`, { code: "invalid_event", destination });
  }
}

export const { MarquezRejectedError, MarquezAuthError, MarquezNotFoundError, MarquezServerError, MarquezResponseError, MarquezTimeoutError, MarquezUnreachableError } = defineErrorKinds(MarquezError, {
  /** HTTP 400/422: Marquez refused the event. */
  MarquezRejectedError: {},
  /** HTTP 401/403: API key missing or refused. */
  MarquezAuthError: {},
  /** HTTP 404: no lineage endpoint at this URL. */
  MarquezNotFoundError: {},
  /** HTTP 5xx. */
  MarquezServerError: {},
  /** A success status with a body Marquez does not send (an HTML page), or a redirect. */
  MarquezResponseError: {},
  MarquezTimeoutError: {},
  MarquezUnreachableError: {},
});
export type MarquezRejectedError = InstanceType<typeof MarquezRejectedError>;
export type MarquezAuthError = InstanceType<typeof MarquezAuthError>;
export type MarquezNotFoundError = InstanceType<typeof MarquezNotFoundError>;
export type MarquezServerError = InstanceType<typeof MarquezServerError>;
export type MarquezResponseError = InstanceType<typeof MarquezResponseError>;
export type MarquezTimeoutError = InstanceType<typeof MarquezTimeoutError>;
export type MarquezUnreachableError = InstanceType<typeof MarquezUnreachableError>;

