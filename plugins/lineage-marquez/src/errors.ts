/**
 * Typed failures of the Marquez lineage backend: an event refused locally
 * because it breaks the OpenLineage spec (nothing was sent), or what Marquez
 * answered (`status`, its reason redacted of the API key), or a transport
 * failure naming the host only. Messages are sanitized and stripped of the
 * API key by the kit's FloePluginError at construction.
 */
import { FloePluginError, type PluginErrorOptions } from "@floe/runtime/plugin-kit";

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

/** HTTP 400/422: Marquez refused the event. */
export class MarquezRejectedError extends MarquezError {
  override name = "MarquezRejectedError";
}

/** HTTP 401/403: API key missing or refused. */
export class MarquezAuthError extends MarquezError {
  override name = "MarquezAuthError";
}

/** HTTP 404: no lineage endpoint at this URL. */
export class MarquezNotFoundError extends MarquezError {
  override name = "MarquezNotFoundError";
}

/** HTTP 5xx. */
export class MarquezServerError extends MarquezError {
  override name = "MarquezServerError";
}

/** A success status with a body Marquez does not send (an HTML page), or a redirect. */
export class MarquezResponseError extends MarquezError {
  override name = "MarquezResponseError";
}

export class MarquezTimeoutError extends MarquezError {
  override name = "MarquezTimeoutError";
}

export class MarquezUnreachableError extends MarquezError {
  override name = "MarquezUnreachableError";
}
