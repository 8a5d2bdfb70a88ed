/**
 * Values of credential-named keys in every key/value surface form:
 * `password=x`, `password = x`, `password: x` (YAML, headers), `"password": "x"`
 * (JSON), `\"password\": \"x\"` (JSON inside JSON), `:password => "x"`,
 * `DB_PASSWORD=x`, `clientSecret: 'a b'`, query strings (`&access_token=x&`),
 * connection strings (`AccountKey=x;`, `Pwd={x}`), `Authorization: Bearer x`,
 * and URL-encoded pairs nested in another URL (`client_secret%3Dx%26`).
 * Assignment operators of code and build files count as separators: Go
 * `fooToken := "x"` and `var fooToken string = "x"`, Kotlin/TS/Rust
 * `val fooToken: String = "x"`, PHP `$fooToken .= "x"`, `??=`, `||=`, make
 * `FOO_TOKEN ::= x`, `:::=`, `?=`, `+=`, and a quoted key passed with its
 * value as call arguments (`System.setProperty("FOO_TOKEN", "x")`,
 * `os.setenv('API_KEY', 'x')`).
 * Keys ending in `key` with an unknown qualifier (`stripe_key`) count when
 * their value looks like generated key material, and keys naming a vendor
 * whose tokens have no prefix (`algolia_admin`, `"artifactory", "..."`) when
 * their value looks generated.
 *
 * One sticky scan finds `key <separator>` pairs; only when the key names a
 * credential is the value measured (see value-extent) and replaced. Scanning
 * resumes right after the separator otherwise, so a harmless key never
 * swallows a credential pair that follows it (`error: password=x`).
 */
import { REDACTED } from "../marker.js";
import { CREDENTIAL_FRAGMENT, isKeyLikeName, isSecretKeyName } from "../secret-key-names.js";
import { VENDOR_FRAGMENT, isVendorKeyName } from "../vendor-key-names.js";
import { looksLikeGeneratedSecret, looksLikeVendorSecret } from "../text-shape.js";
import { valueExtent } from "../value-extent.js";
import { Splicer, type RedactionRule } from "./rule.js";

// An ARN's resource type (`arn:aws:secretsmanager:eu-west-1:123456789012:secret:floe/db-AbC123`) is not a key.
// The first-character lookahead skips positions no pair can start at before the lookbehinds run; the key is
// matched atomically (lookahead + backreference), so a key that is not followed by a separator is not retried shorter.
// A declared type between the key and `=` (`var fooToken string =`, `val fooToken: String? =`) is skipped.
const TYPE_ANNOTATION = String.raw`(?:[ \t]*:[ \t]*|[ \t]+)(?:&(?:'static[ \t]+)?str|\[\](?:byte|string)|(?:std::)?string|String|str|CharSequence|SecretStr|SecureString|Secret|Any|any|object|char[ \t]*\*)\??(?=[ \t]*=)`;
/** `=>`, `:=`, `::=`, `:::=`, `=`, `?=`, `+=`, `.=`, `??=`, `||=`, `:` (not `::`), URL-encoded `=`, and `,` after a quoted key. */
const OPERATOR = String.raw`=>|:{1,3}=|:(?!:)|(?:\?\?|\|\||[?+.|])?=(?!=)|%3[dD]|,(?=[ \t]*\\?["'])`;
const KEY_SEPARATOR = new RegExp(
  String.raw`(?=[\\"'A-Za-z_])(?:(?<=%[0-9A-Fa-f]{2})|(?<![\w.\-\/])(?<!\barn:[\w\-]{1,64}:[\w\-]{0,64}:[\w\-]{0,64}:\d{0,12}:))(\\?["']|)(?=([A-Za-z_][\w.\-]*))\2\1(?:${TYPE_ANNOTATION})?[ \t]*(${OPERATOR})[ \t]*`,
  "g",
);
/** A key as people write one (`FOO_TOKEN`, `api_key`, `clientSecret`, `X-Api-Key`), not a quoted random value. */
const NAME_SHAPED = /^(?:[A-Z][A-Z0-9_.\-]*|[a-z][a-z0-9_.\-]*|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]+)+|[A-Z][a-z0-9]+(?:[\-_.]?[A-Z][a-z0-9]+)*)$/;
/** Pre-check (two linear scans): a credential fragment somewhere, and a separator somewhere. */
const SEPARATOR = /[:=]|%3[dD]|["'] ?,/;
/** `user=floe`, `sslmode=require`: a key/value pair (not a base64 value, whose `=` only pads the end). */
const NEXT_PAIR = /^[A-Za-z_][\w.\-]{0,100}=[^=\s]/;
const BLANK_BEFORE_EQUALS = /[ \t]=/;
const FOLLOWED_BY_COLON = /^\\?["']?[ \t]*:/;
const AUTHORIZATION_KEY = /(?:authori[sz]ation|auth)$/i;

export function redactKeyValues(text: string): string {
  const out = new Splicer(text);
  KEY_SEPARATOR.lastIndex = 0;
  for (let m = KEY_SEPARATOR.exec(text); m !== null; m = KEY_SEPARATOR.exec(text)) {
    const key = m[2]!;
    // `f(a, b)`: only a quoted key followed by a quoted value is a pair (`setProperty("FOO_TOKEN", "x")`).
    if (m[3] === "," && (m[1] === "" || !NAME_SHAPED.test(key))) continue;
    const named = isSecretKeyName(key);
    const keyLike = !named && isKeyLikeName(key);
    const vendor = !named && isVendorKeyName(key);
    if (!named && !keyLike && !vendor) continue;
    const at = KEY_SEPARATOR.lastIndex;
    // `password= user=floe`: an empty value, the next pair starts after the blank (`key = a=b` is an assignment).
    if (m[3] === "=" && (text[at - 1] === " " || text[at - 1] === "\t") && !BLANK_BEFORE_EQUALS.test(m[0]) && NEXT_PAIR.test(text.slice(at, at + 130))) continue;
    const value = valueExtent(text, at, {
      equals: m[3] !== ":" && m[3] !== ",",
      encoded: m[3]!.startsWith("%"),
      spaced: false,
      authorization: AUTHORIZATION_KEY.test(key),
    });
    if (!value) continue;
    // `"name": "API_KEY", "value": "x"`: a quoted word followed by `:` after the comma is the next key, not a value.
    if (m[3] === "," && FOLLOWED_BY_COLON.test(text.slice(value.next, value.next + 8))) continue;
    const raw = text.slice(value.start, value.end);
    const secret = value.secret && (named || (keyLike && looksLikeGeneratedSecret(raw)) || (vendor && looksLikeVendorSecret(raw)));
    if (secret) out.replace(value.start, value.end, REDACTED);
    // A value that is not a secret may itself be the next key (`credentials: aws_session_token = x`).
    KEY_SEPARATOR.lastIndex = secret ? Math.max(value.next, at) : at;
  }
  return out.toString();
}

export const keyValueRule: RedactionRule = {
  name: "key-value",
  mayApply: (text) => SEPARATOR.test(text) && (CREDENTIAL_FRAGMENT.test(text) || VENDOR_FRAGMENT.test(text)),
  apply: redactKeyValues,
};
