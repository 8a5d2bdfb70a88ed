/**
 * `Cookie:` and `Set-Cookie:` header values (also as JSON keys): every
 * `name=value` pair whose name is a session/auth cookie (`sessionid`,
 * `JSESSIONID`, `PHPSESSID`, `connect.sid`, `_gh_sess`, `auth_token`,
 * `XSRF-TOKEN`, `remember_me`) or whose value looks like random credential
 * material loses its value; preferences (`theme=dark`, `lang=en`) and cookie
 * attributes (`Path`, `Expires`, `HttpOnly`) stay.
 */
import { REDACTED } from "../marker.js";
import { isSecretKeyName } from "../secret-key-names.js";
import { isNonSecretValue, looksRandom } from "../text-shape.js";
import { Splicer, type RedactionRule } from "./rule.js";

const COOKIE_HEADER = /(?<![\w\-])(?:set-)?cookie(\\?["']?)[ \t]*[:=][ \t]*(?:\\?["'])?/gi;
const HEADER_VALUE = /[^\r\n"'\\]*/y;
const PAIR = /([^=;,\s]+)=([^;,\s]*)/g;
const SESSION_COOKIE = /sess|sid|auth|token|jwt|csrf|xsrf|remember|login|user_?id|identity|secure|_host-|__host|__secure/i;
const COOKIE_ATTRIBUTES = new Set(["path", "domain", "expires", "max-age", "samesite", "priority", "version", "comment"]);

function isSecretCookie(name: string, value: string): boolean {
  if (value === "" || isNonSecretValue(value)) return false;
  if (COOKIE_ATTRIBUTES.has(name.toLowerCase())) return false;
  return SESSION_COOKIE.test(name) || isSecretKeyName(name) || looksRandom(value, 16);
}

export function redactCookies(text: string): string {
  const out = new Splicer(text);
  COOKIE_HEADER.lastIndex = 0;
  for (let m = COOKIE_HEADER.exec(text); m !== null; m = COOKIE_HEADER.exec(text)) {
    const start = COOKIE_HEADER.lastIndex;
    HEADER_VALUE.lastIndex = start;
    const header = HEADER_VALUE.exec(text)![0];
    PAIR.lastIndex = 0;
    if (!header.includes("=")) {
      const bare = /^\S+/.exec(header)?.[0];
      // A value already holding the marker was redacted by an earlier rule (or pass): leave it, so sanitizing is idempotent.
      if (bare !== undefined && !header.includes(REDACTED) && !isNonSecretValue(bare) && looksRandom(bare, 12)) out.replace(start, start + bare.length, REDACTED);
    }
    for (let p = PAIR.exec(header); p !== null; p = PAIR.exec(header)) {
      const value = p[2]!;
      if (!isSecretCookie(p[1]!, value)) continue;
      const valueStart = start + p.index + p[1]!.length + 1;
      out.replace(valueStart, valueStart + value.length, REDACTED);
    }
    COOKIE_HEADER.lastIndex = start + header.length;
  }
  return out.toString();
}

export const cookieRule: RedactionRule = {
  name: "cookies",
  mayApply: (text) => /cookie/i.test(text),
  apply: redactCookies,
};
