/**
 * `sanitizeErrorMessage`: the one function every error message goes through
 * before it reaches a span. It coerces any value to text without throwing,
 * bounds the work to a window a little longer than the output budget, runs
 * the redaction rules (one module per credential family, in `rules/`) over
 * that window, and truncates without splitting a secret. Keys, hosts, status
 * codes and error words stay; only credential values become `<REDACTED>`.
 */
import { coerceToText } from "./coerce.js";
import { DEFAULT_MAX_LENGTH, resolveMaxLength, scanWindow, truncate } from "./bounds.js";
import { REDACTED } from "./marker.js";
import { beginRedactionLog, redactLoggedValues } from "./redaction-log.js";
import { REDACTION_RULES } from "./rules/index.js";

export interface SanitizeOptions {
  /** Maximum length of the returned message (default 500). */
  maxLength?: number;
}

export { REDACTED, DEFAULT_MAX_LENGTH };

/** Applies every redaction rule to an already bounded text. */
export function redactCredentials(text: string): string {
  let result = text;
  beginRedactionLog();
  try {
    for (const rule of REDACTION_RULES) {
      if (rule.mayApply(result)) result = rule.apply(result);
    }
  } finally {
    // Always closes the log; a secret a keyed rule found is also removed where the message repeats it bare.
    result = redactLoggedValues(result);
  }
  return result;
}

export function sanitizeErrorMessage(message: unknown, options?: SanitizeOptions): string {
  let maxLength = DEFAULT_MAX_LENGTH;
  try {
    maxLength = resolveMaxLength(options?.maxLength);
    const text = coerceToText(message);
    const window = scanWindow(text, maxLength);
    return truncate(redactCredentials(window), maxLength, window.length < text.length);
  } catch {
    // A rule failing must never let the raw message through, nor break the caller.
    return REDACTED.length <= maxLength ? REDACTED : "";
  }
}
