/**
 * Reads Alertmanager's answers: success, or a typed error carrying the status
 * and the reason Alertmanager gave (its error bodies are a JSON string or a
 * go-swagger `{code, message}` object), stripped of known secrets by the error.
 */
import {
  deliveryStatusFor,
  errorBodyReason,
  httpFailureKind,
  isHtmlAnswer,
  type HttpFailureKind,
  type HttpResponse,
} from "@floe/runtime/plugin-kit";
import {
  AlertmanagerAuthError,
  AlertmanagerError,
  AlertmanagerNotFoundError,
  AlertmanagerRejectedError,
  AlertmanagerResponseError,
  AlertmanagerServerError,
  type AlertmanagerErrorCode,
} from "./errors.js";

export interface ResponseContext {
  operation: string;
  destination: string;
  secrets: readonly string[];
}

/** Which class and code each kind of HTTP failure is (a 429 is a server-side condition with status `rate_limited`). */
const ERROR_FOR_KIND: Record<HttpFailureKind, [typeof AlertmanagerError, AlertmanagerErrorCode]> = {
  redirect: [AlertmanagerResponseError, "malformed_response"],
  unauthorized: [AlertmanagerAuthError, "unauthorized"],
  not_found: [AlertmanagerNotFoundError, "not_found"],
  rate_limited: [AlertmanagerServerError, "server_error"],
  server_error: [AlertmanagerServerError, "server_error"],
  rejected: [AlertmanagerRejectedError, "rejected"],
};

/** Throws the typed error for a non-success answer to a POST of alerts. */
export function assertAlertsAccepted(response: HttpResponse, context: ResponseContext): void {
  const { status } = response;
  if (status >= 200 && status < 300) {
    // Alertmanager answers an empty body; an HTML page means something else answered.
    if (isHtmlAnswer(response)) {
      throw new AlertmanagerResponseError(
        `${context.operation}: ${context.destination} answered HTTP ${status} with an HTML page, not the Alertmanager API`,
        { code: "malformed_response", deliveryStatus: "failed", destination: context.destination, status },
      );
    }
    return;
  }
  throw errorForStatus(response, context);
}

export function errorForStatus(response: HttpResponse, context: ResponseContext): AlertmanagerError {
  const { status } = response;
  const kind = httpFailureKind(status);
  const [ErrorClass, code] = ERROR_FOR_KIND[kind];
  const reason = errorBodyReason(response.text);
  const message =
    kind === "redirect"
      ? `${context.operation}: ${context.destination} answered a redirect (HTTP ${status}); a proxy is in front of the Alertmanager API`
      : `${context.operation}: Alertmanager at ${context.destination} answered HTTP ${status}${reason ? `: ${reason}` : ""}`;
  return new ErrorClass(message, {
    code,
    deliveryStatus: deliveryStatusFor(kind),
    destination: context.destination,
    status,
    secrets: context.secrets,
  });
}
