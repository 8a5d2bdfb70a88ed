/**
 * Error text this plugin builds from a peer's answer may echo the credential
 * it sent (a proxy printing the Authorization header). The plugin knows its own
 * secrets, so it removes them by value before the runtime's general sanitizer
 * runs: defence in depth for the one secret we can name exactly.
 */
import { REDACTED, sanitizeErrorMessage } from "@floe/runtime";

/** Replaces every occurrence of each known secret with the redaction marker, then sanitizes. */
export function redactKnownSecrets(text: string, secrets: readonly string[], maxLength = 300): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return sanitizeErrorMessage(out, { maxLength });
}
