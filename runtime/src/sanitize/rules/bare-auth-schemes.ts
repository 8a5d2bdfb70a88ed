/**
 * `Bearer <token>` and `Basic <base64>` outside a recognisable header
 * ("rejected Bearer abc...", "curl -H 'Bearer ...'"). Only credential-shaped
 * tokens go: at least 12 characters of mixed classes, so prose such as
 * "Basic authentication failed" or "bearer token missing" stays.
 */
import { REDACTED } from "../marker.js";
import { looksRandom } from "../text-shape.js";
import { Splicer, type RedactionRule } from "./rule.js";

const BARE_SCHEME = /(?<![\w\-])(bearer|basic|token)([ \t]+)([A-Za-z0-9\-._~+\/]+=*)(?![A-Za-z0-9\-._~+\/="])/gi;

/** `Basic dXNlcjpwYXNz`: base64 of `user:password`, however short or plain. */
function decodesToUserPassword(token: string): boolean {
  if (token.length < 8 || token.length > 1024 || !/^[A-Za-z0-9+/]+=*$/.test(token)) return false;
  try {
    return /^[\x20-\x7e]+:[\x20-\x7e]*$/.test(atob(token));
  } catch {
    return false;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isCredential(scheme: string, token: string): boolean {
  if (!looksRandom(token, 12) && !(scheme.toLowerCase() === "basic" && decodesToUserPassword(token))) return false;
  // "token 6f1c8a2e-..." is usually a token's id; Bearer/Basic are always followed by the credential.
  return !(scheme.toLowerCase() === "token" && UUID.test(token));
}

export function redactBareAuthSchemes(text: string): string {
  // An exec loop with a Splicer: text without credentials is returned as is, with no per-match strings built.
  const out = new Splicer(text);
  BARE_SCHEME.lastIndex = 0;
  for (let m = BARE_SCHEME.exec(text); m !== null; m = BARE_SCHEME.exec(text)) {
    const token = m[3]!;
    if (!isCredential(m[1]!, token)) continue;
    const start = m.index + m[0].length - token.length;
    out.replace(start, start + token.length, REDACTED);
  }
  return out.toString();
}

export const bareAuthSchemeRule: RedactionRule = {
  name: "bare-auth-schemes",
  mayApply: (text) => /bearer|basic|token/i.test(text),
  apply: redactBareAuthSchemes,
};
