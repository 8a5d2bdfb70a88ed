/**
 * The redaction marker, in its own module so every rule and the truncation
 * logic share one definition without importing the public entry point.
 */
export const REDACTED = "<REDACTED>";
