/**
 * Reads Marquez's answer to a posted event: 2xx (Marquez answers 201 with no
 * body) or a typed error carrying the status and Marquez's reason (Dropwizard
 * bodies `{"code","message"}` or `{"errors":[...]}`), redacted of the API key.
 */
import { redactKnownSecrets } from "@floe/runtime";
import {
  MarquezAuthError,
  MarquezError,
  MarquezNotFoundError,
  MarquezRejectedError,
  MarquezResponseError,
  MarquezServerError,
} from "./errors.js";
import type { HttpExchange } from "./http.js";

/** The reason in a Marquez error body, or the raw text when it is not JSON. */
export function errorReason(body: string): string {
  const text = body.trim();
  if (text === "") return "";
  try {
    const parsed = JSON.parse(text) as { message?: unknown; errors?: unknown };
    if (Array.isArray(parsed.errors)) return parsed.errors.map(String).join("; ");
    if (typeof parsed.message === "string") return parsed.message;
  } catch {
    // not JSON: keep the text (sanitized) for diagnosis
  }
  return text;
}

export interface ResponseContext {
  destination: string;
  secrets: readonly string[];
}

export function assertEventAccepted(response: HttpExchange, context: ResponseContext): void {
  const { status } = response;
  if (status >= 200 && status < 300) {
    if (/text\/html/i.test(response.contentType)) {
      throw new MarquezResponseError(
        `${context.destination} answered HTTP ${status} with an HTML page, not the OpenLineage API`,
        { code: "malformed_response", destination: context.destination, status },
      );
    }
    return;
  }
  throw errorForStatus(response, context);
}

function errorForStatus(response: HttpExchange, context: ResponseContext): MarquezError {
  const { status } = response;
  const reason = redactKnownSecrets(errorReason(response.body), context.secrets, { maxLength: 300 });
  const message = `Marquez at ${context.destination} answered HTTP ${status}${reason ? `: ${reason}` : ""}`;
  const base = { destination: context.destination, status };
  if (status >= 300 && status < 400) {
    return new MarquezResponseError(`${context.destination} answered a redirect (HTTP ${status}), not the OpenLineage API`, {
      ...base,
      code: "malformed_response",
    });
  }
  if (status === 401 || status === 403) return new MarquezAuthError(message, { ...base, code: "unauthorized" });
  if (status === 404) return new MarquezNotFoundError(message, { ...base, code: "not_found" });
  if (status >= 500) return new MarquezServerError(message, { ...base, code: "server_error" });
  return new MarquezRejectedError(message, { ...base, code: "rejected" });
}
