/**
 * Placeholder sanitizer, replaced by the full rule set in this folder.
 * Redacts obvious `key=value` credentials and truncates; never throws.
 */
export interface SanitizeOptions {
  /** Maximum length of the returned message (default 500). */
  maxLength?: number;
}

export const REDACTED = "<REDACTED>";
export const DEFAULT_MAX_LENGTH = 500;

export function sanitizeErrorMessage(message: unknown, options: SanitizeOptions = {}): string {
  try {
    const max = options.maxLength ?? DEFAULT_MAX_LENGTH;
    const text = typeof message === "string" ? message : String(message);
    const redacted = text
      .replace(/(\/\/[^/\s:@]*:)[^@\s/]+@/g, `$1${REDACTED}@`)
      .replace(/((?:password|secret|token|api_?key)\s*[=:]\s*)[^\s&,;"']+/gi, `$1${REDACTED}`);
    return redacted.length > max ? redacted.slice(0, max) : redacted;
  } catch {
    return REDACTED;
  }
}
