/**
 * Checks plugin config schemas share for URLs (any schema library can call
 * them in a refinement): credentials belong in their own, secret, fields, never
 * in a URL that ends up in logs.
 */

/**
 * False when the URL embeds `user:password@`. A value that is not a URL passes:
 * the schema's own URL check reports it.
 */
export function urlHasNoUserinfo(value: string): boolean {
  try {
    const url = new URL(value);
    return url.username === "" && url.password === "";
  } catch {
    return true;
  }
}
