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
 * A key can only name a credential if it contains a credential or vendor
 * word, so the scan jumps from one such word to the next: the start of the
 * word holding it (or the quote before it) is tried as a `key <separator>`
 * pair with a sticky match. Only when the key names a credential is the
 * value measured (see value-extent) and replaced; scanning resumes right
 * after the separator otherwise, so a harmless key never swallows a
 * credential pair that follows it (`token_type: x, password=y`).
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
  "y",
);
/** Every credential or vendor word: the only places a key the rule acts on can contain. */
const KEY_WORDS = new RegExp(`${CREDENTIAL_FRAGMENT.source}|${VENDOR_FRAGMENT.source}`, "gi");
/** A key the classifier accepts is at most 128 characters: no need to look further back for its start. */
const MAX_KEY_LOOKBACK = 130;
/** A key as people write one (`FOO_TOKEN`, `api_key`, `clientSecret`, `X-Api-Key`), not a quoted random value. */
const NAME_SHAPED = /^(?:[A-Z][A-Z0-9_.\-]*|[a-z][a-z0-9_.\-]*|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]+)+|[A-Z][a-z0-9]+(?:[\-_.]?[A-Z][a-z0-9]+)*)$/;
/** Pre-check (two linear scans): a credential fragment somewhere, and a separator somewhere. */
const SEPARATOR = /[:=]|%3[dD]|["'] ?,/;
/** `user=floe`, `sslmode=require`: a key/value pair (not a base64 value, whose `=` only pads the end). */
const NEXT_PAIR = /^[A-Za-z_][\w.\-]{0,100}=[^=\s]/;
const BLANK_BEFORE_EQUALS = /[ \t]=/;
const FOLLOWED_BY_COLON = /^\\?["']?[ \t]*:/;
const AUTHORIZATION_KEY = /(?:authori[sz]ation|auth)$/i;

function isKeyChar(code: number): boolean {
  // [A-Za-z0-9_.-]
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45;
}

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/**
 * Where a pair whose key holds the word at `at` can start, leftmost first: the key word's start, the
 * quote (and escaping backslash) before it, and any position right after a `%XX` escape inside it.
 */
function keyStarts(text: string, at: number): number[] {
  const limit = Math.max(0, at - MAX_KEY_LOOKBACK);
  let start = at;
  const encoded: number[] = [];
  while (start > limit && isKeyChar(text.charCodeAt(start - 1))) {
    start--;
    if (start >= 3 && text[start - 3] === "%" && isHex(text.charCodeAt(start - 2)) && isHex(text.charCodeAt(start - 1))) encoded.push(start);
  }
  const starts: number[] = [];
  const quote = text[start - 1];
  if (quote === '"' || quote === "'") {
    if (text[start - 2] === "\\") starts.push(start - 2);
    starts.push(start - 1);
  }
  starts.push(start);
  for (let i = encoded.length - 1; i >= 0; i--) if (encoded[i]! > start) starts.push(encoded[i]!);
  return starts;
}

/** The next `key <separator>` pair whose key holds a credential or vendor word, at or after `from`. */
function nextPair(text: string, from: number): RegExpExecArray | null {
  KEY_WORDS.lastIndex = from;
  for (let word = KEY_WORDS.exec(text); word !== null; word = KEY_WORDS.exec(text)) {
    for (const start of keyStarts(text, word.index)) {
      if (start < from) continue;
      KEY_SEPARATOR.lastIndex = start;
      const m = KEY_SEPARATOR.exec(text);
      if (m !== null) return m;
    }
    if (word[0] === "") KEY_WORDS.lastIndex++;
  }
  return null;
}

export function redactKeyValues(text: string): string {
  const out = new Splicer(text);
  for (let m = nextPair(text, 0); m !== null; m = nextPair(text, KEY_SEPARATOR.lastIndex)) {
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
    // (A kept block scalar is skipped whole: rescanning its lines after every key would be quadratic.)
    KEY_SEPARATOR.lastIndex = secret || value.multiline === true ? Math.max(value.next, at) : at;
  }
  return out.toString();
}

export const keyValueRule: RedactionRule = {
  name: "key-value",
  mayApply: (text) => SEPARATOR.test(text) && (CREDENTIAL_FRAGMENT.test(text) || VENDOR_FRAGMENT.test(text)),
  apply: redactKeyValues,
};
