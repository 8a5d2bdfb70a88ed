/**
 * Credentials that OAuth/OIDC and SAML callbacks carry in a query string or form body under names that
 * do not say "secret": the authorization `code` (exchangeable for tokens until it is used or expires),
 * and `SAMLResponse`/`SAMLart` (a signed assertion or an artifact that logs the user in). `state`,
 * `error` and `RelayState` stay. `code` counts only as a URL parameter with credential-shaped text, so
 * `?code=404` or `&code=INVALID_ARGUMENT` stay.
 */
import { REDACTED } from "../marker.js";
import { looksRandom } from "../text-shape.js";
import { Splicer, type RedactionRule } from "./rule.js";

const CALLBACK_PARAM = /(?<=[?&#;])(code|SAMLResponse|SAMLart)=([^&\s#"'<>]{1,8192})/g;

export function redactCallbackParams(text: string): string {
  const out = new Splicer(text);
  CALLBACK_PARAM.lastIndex = 0;
  for (let m = CALLBACK_PARAM.exec(text); m !== null; m = CALLBACK_PARAM.exec(text)) {
    const value = m[2]!;
    const credential = m[1] === "code" ? looksRandom(value, 16) : value.length >= 20;
    if (!credential || value.startsWith(REDACTED)) continue;
    const start = m.index + m[1]!.length + 1;
    out.replace(start, start + value.length, REDACTED);
  }
  return out.toString();
}

export const callbackParamRule: RedactionRule = {
  name: "oauth-callback-params",
  mayApply: (text) => text.includes("code=") || text.includes("SAML"),
  apply: redactCallbackParams,
};
