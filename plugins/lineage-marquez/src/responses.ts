/**
 * Reads Marquez's answer to a posted event: 2xx (Marquez answers 201 with no
 * body) or a typed error carrying the status and Marquez's reason (Dropwizard
 * bodies `{"code","message"}` or `{"errors":[...]}`), stripped of the API key by the error.
 */
import {
  errorBodyReason,
  httpFailureKind,
  isHtmlAnswer,
  type HttpFailureKind,
  type HttpResponse,
} from "@floe/runtime/plugin-kit";
import {
  MarquezAuthError,
  MarquezError,
  MarquezNotFoundError,
  MarquezRejectedError,
  MarquezResponseError,
  MarquezServerError,
  type MarquezErrorCode,
} from "./errors.js";

export interface ResponseContext {
  destination: string;
  secrets: readonly string[];
}

/** Which class and code each kind of HTTP failure is. */
const ERROR_FOR_KIND: Record<HttpFailureKind, [typeof MarquezError, MarquezErrorCode]> = {
  redirect: [MarquezResponseError, "malformed_response"],
  unauthorized: [MarquezAuthError, "unauthorized"],
  not_found: [MarquezNotFoundError, "not_found"],
  rate_limited: [MarquezRejectedError, "rejected"],
  server_error: [MarquezServerError, "server_error"],
  rejected: [MarquezRejectedError, "rejected"],
};

export function assertEventAccepted(response: HttpResponse, context: ResponseContext): void {
  const { status } = response;
  if (status >= 200 && status < 300) {
    if (isHtmlAnswer(response)) {
      throw new MarquezResponseError(
        `${context.destination} answered HTTP ${status} with an HTML page, not the OpenLineage API`,
        { code: "malformed_response", destination: context.destination, status },
      );
    }
    return;
  }
  throw errorForStatus(response, context);
}

function errorForStatus(response: HttpResponse, context: ResponseContext): MarquezError {
  const { status } = response;
  const kind = httpFailureKind(status);
  const [ErrorClass, code] = ERROR_FOR_KIND[kind];
  const reason = errorBodyReason(response.text);
  const message =
    kind === "redirect"
      ? `${context.destination} answered a redirect (HTTP ${status}), not the OpenLineage API`
      : `Marquez at ${context.destination} answered HTTP ${status}${reason ? `: ${reason}` : ""}`;
  return new ErrorClass(message, { code, destination: context.destination, status, secrets: context.secrets });
}
