/**
 * Reads Alertmanager's answers: success, or a typed error carrying the status
 * and the reason Alertmanager gave (its error bodies are a JSON string or a
 * go-swagger `{code, message}` object), redacted of known secrets.
 */
import { redactKnownSecrets } from "@floe/runtime";
import {
  AlertmanagerAuthError,
  AlertmanagerError,
  AlertmanagerNotFoundError,
  AlertmanagerRejectedError,
  AlertmanagerResponseError,
  AlertmanagerServerError,
} from "./errors.js";
import type { HttpExchange } from "./http.js";

/** The reason in an Alertmanager error body, or the raw text when it is not JSON. */
export function errorReason(body: string): string {
  const text = body.trim();
  if (text === "") return "";
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === "string") return parsed;
    if (parsed && typeof parsed === "object") {
      const message = (parsed as { message?: unknown; error?: unknown }).message ?? (parsed as { error?: unknown }).error;
      if (typeof message === "string") return message;
    }
  } catch {
    // not JSON: a proxy's text or HTML page, keep it (sanitized) for diagnosis
  }
  return text;
}

export interface ResponseContext {
  operation: string;
  destination: string;
  secrets: readonly string[];
}

/** Throws the typed error for a non-success answer to a POST of alerts. */
export function assertAlertsAccepted(response: HttpExchange, context: ResponseContext): void {
  const { status } = response;
  if (status >= 200 && status < 300) {
    // Alertmanager answers an empty body; an HTML page means something else answered.
    if (/text\/html/i.test(response.contentType)) {
      throw new AlertmanagerResponseError(
        `${context.operation}: ${context.destination} answered HTTP ${status} with an HTML page, not the Alertmanager API`,
        { code: "malformed_response", deliveryStatus: "failed", destination: context.destination, status },
      );
    }
    return;
  }
  throw errorForStatus(response, context);
}

export function errorForStatus(response: HttpExchange, context: ResponseContext): AlertmanagerError {
  const { status } = response;
  const reason = redactKnownSecrets(errorReason(response.body), context.secrets, { maxLength: 300 });
  const message = `${context.operation}: Alertmanager at ${context.destination} answered HTTP ${status}${reason ? `: ${reason}` : ""}`;
  const base = { destination: context.destination, status };
  if (status >= 300 && status < 400) {
    return new AlertmanagerResponseError(
      `${context.operation}: ${context.destination} answered a redirect (HTTP ${status}); a proxy is in front of the Alertmanager API`,
      { ...base, code: "malformed_response", deliveryStatus: "failed" },
    );
  }
  if (status === 401 || status === 403) {
    return new AlertmanagerAuthError(message, { ...base, code: "unauthorized", deliveryStatus: "rejected" });
  }
  if (status === 404) {
    return new AlertmanagerNotFoundError(message, { ...base, code: "not_found", deliveryStatus: "rejected" });
  }
  if (status === 429) {
    return new AlertmanagerServerError(message, { ...base, code: "server_error", deliveryStatus: "rate_limited" });
  }
  if (status >= 500) {
    return new AlertmanagerServerError(message, { ...base, code: "server_error", deliveryStatus: "failed" });
  }
  return new AlertmanagerRejectedError(message, { ...base, code: "rejected", deliveryStatus: "rejected" });
}
