/**
 * Whether a name and the value stored under it are a credential, for forms
 * where the name is data rather than a key (`<add key="X" value="Y"/>`,
 * `{"name": "X", "value": "Y"}`, a CSV row `X,Y`): the name must name a
 * credential, or end in `key` with a value that looks generated, and the
 * value must not be a placeholder, a literal or empty. Shared by the markup,
 * name/value field and CSV rules so they agree on every pair.
 */
import { isKeyLikeName, isSecretKeyName } from "./secret-key-names.js";
import { isNonSecretValue, looksLikeGeneratedSecret } from "./text-shape.js";

export function isCredentialPair(name: string, value: string): boolean {
  if (value === "" || /[\r\n]/.test(value) || isNonSecretValue(value)) return false;
  return isSecretKeyName(name) || (isKeyLikeName(name) && looksLikeGeneratedSecret(value));
}
