/**
 * Defence in depth for the secrets a plugin knows by value (its own API key,
 * password, routing key): error text built from a peer's answer may echo them
 * in a form no general rule recognises. Remove them by value, then sanitize.
 */
import { coerceToText } from "./coerce.js";
import { REDACTED, sanitizeErrorMessage, type SanitizeOptions } from "./index.js";

/** Secrets shorter than this are too likely to collide with ordinary text to replace by value. */
const MIN_KNOWN_SECRET_LENGTH = 4;

export function redactKnownSecrets(
  text: unknown,
  secrets: readonly (string | undefined)[],
  options?: SanitizeOptions,
): string {
  let out = coerceToText(text);
  try {
    for (const secret of secrets) {
      if (typeof secret === "string" && secret.length >= MIN_KNOWN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
    }
  } catch {
    return REDACTED;
  }
  return sanitizeErrorMessage(out, options);
}
