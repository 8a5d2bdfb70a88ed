/**
 * Finds where the value after `key=`, `key: `, `"key": `, `--key ` ends, in
 * every surface form: double, single, back-tick and JSON-escaped (`\"...\"`)
 * quotes (unterminated ones run to the end of the line), ODBC `{...}`,
 * placeholders that contain spaces (`{{ secret }}`, `<your token>`, `$(vault read x)`), an
 * HTTP auth scheme before the credential (`Bearer x`, `Basic x`), wrapped
 * values (`Some("x")`, `SecretStr('x')`, a tuple `('user', 'x')`), Python
 * string prefixes (`b'x'`), YAML block scalars (`key: |` and indented lines), triple-quoted strings, and bare
 * values, whose trailing sentence punctuation and unbalanced closing
 * brackets are not part of the value. Every pattern here is anchored at the
 * value (sticky) and linear in its length.
 */
import { REDACTED } from "./marker.js";
import { isNonSecretValue, isProseWord } from "./text-shape.js";

export interface ValueExtent {
  /** Start of the part to replace with the marker. */
  readonly start: number;
  /** End of the part to replace. */
  readonly end: number;
  /** Where scanning continues (after closing quotes). */
  readonly next: number;
  /** False when the value is a placeholder, literal or prose: leave it as is. */
  readonly secret: boolean;
  /** The value spans lines (a YAML block scalar): a scan that keeps it resumes after it, not inside it. */
  readonly multiline?: boolean;
}

export interface ValueContext {
  /** The separator was `=` (ODBC braces allowed) rather than `:` or whitespace. */
  readonly equals: boolean;
  /** The separator was whitespace (CLI flag): a value starting with `-` is the next flag. */
  readonly spaced: boolean;
  /** The separator was URL-encoded (`%3D`): the value ends at the next encoded `&`, space or quote. */
  readonly encoded?: boolean;
  /** The key is an HTTP authorization header: `Digest ...`/`AWS4-HMAC-SHA256 ...` parameter lists run to the line end. */
  readonly authorization?: boolean;
}

const ESCAPED_QUOTED = /\\"([^"\\\r\n]*(?:\\(?!")[^\r\n][^"\\\r\n]*)*)(\\")?/y;
const DOUBLE_QUOTED = /"([^"\\\r\n]*(?:\\[^\r\n][^"\\\r\n]*)*)("?)/y;
const SINGLE_QUOTED = /'([^'\r\n]*)('?)/y;
const BACKTICK_QUOTED = /`([^`\r\n]*)(`?)/y;
const BRACED = /\{([^{}\r\n]*)\}/y;
const SPACED_PLACEHOLDER = /(?:\$\([^()\r\n]{1,200}\)|\$\{\{[^{}\r\n]{0,200}\}\}|\((?:[a-z]+ ){1,3}[a-z]+\)|\{\{[^{}\r\n]{0,200}\}\}|\{%[^{}\r\n]{0,200}%\}|\$\{[^{}\r\n]{0,200}\}|<[^<>\r\n]{1,80}>)(?=$|[\s"',;&)\]}])/y;
const AUTH_SCHEME = /(?:bearer|basic|token|bot|apikey|api-key|sso-key|ssws|geniekey|splunk|key|negotiate|ntlm)[ \t]+(?=\S)/iy;
const PARAM_LIST_SCHEME = /(?:digest|aws4-hmac-sha256|oauth|hmac-sha256|signature)[ \t]+(?=\S)/iy;
// Loops are unrolled (`a*(?:b a*)*`) so long values never build per-character backtracking state.
// A bare value ends at a JSON-escaped line break or quote (`TOKEN=x\nNEXT=y` inside a JSON string).
const BARE = /[^\s"'`,;&\\]*(?:\\(?![nrt"])[^\s"'`,;&\\]*)*/y;
const PARAM_LIST = /[^\r\n"]*(?:"[^"\r\n]*"[^\r\n"]*)*/y;
const URL_ENCODED = /[^\s"'&%,;<>]*(?:%(?!2[602cC]|3[bB])[^\s"'&%,;<>]*)*/y;
const TRIPLE_QUOTED_LIMIT = 8192;
/** `|`, `>-`, `|+2`, then the first indented content line. */
const BLOCK_SCALAR_HEADER = /[|>](?:[1-9]?[+-]?|[+-][1-9])[ \t]*\r?\n([ \t]+)(?=\S)/y;
const NEXT_WORD = /[ \t]+[A-Za-z]/y;
/**
 * A value wrapped in a constructor or a tuple: Rust `Some("x")`, pydantic `SecretStr('x')`,
 * Python `auth=('user', 'x')`, a list `['x', 'y']`. Only quoted items inside, no nesting, one line.
 */
const WRAPPED = /(?:[A-Z][A-Za-z]{0,30})?\(([ \t]*["'][^()\r\n]{0,400})\)|\[([ \t]*["'][^\[\]{}\r\n]{0,400})\]/y;
const QUOTED_ITEM = /["']([^"'\r\n]*)["']/g;
/** Python bytes/raw/unicode string prefixes (`token=b'...'`), bash ANSI-C and locale quoting (`$'...'`, `$"..."`). */
const STRING_PREFIX = /[bru$](?=["'])/y;

function run(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function quoted(text: string, match: RegExpExecArray, at: number, openLength: number): ValueExtent {
  const inner = match[1] ?? "";
  let start = at + openLength;
  const end = start + inner.length;
  const next = at + match[0].length;
  if (run(AUTH_SCHEME, text, start) && AUTH_SCHEME.lastIndex < end) start = AUTH_SCHEME.lastIndex;
  return { start, end, next, secret: !isNonSecretValue(text.slice(start, end)) };
}

/** The value starting at `at`, or undefined when there is none. */
export function valueExtent(text: string, at: number, context: ValueContext, allowScheme = true): ValueExtent | undefined {
  if (at >= text.length) return undefined;
  if (text.startsWith(REDACTED, at)) return { start: at, end: at, next: at + REDACTED.length, secret: false };
  const first = text[at]!;
  if (first === "\\" && text[at + 1] === '"') {
    const m = run(ESCAPED_QUOTED, text, at);
    if (m) return quoted(text, m, at, 2);
  }
  if ((first === '"' || first === "'") && run(SPACED_PLACEHOLDER, text, at + 1) && text[SPACED_PLACEHOLDER.lastIndex] === first) {
    return { start: at + 1, end: SPACED_PLACEHOLDER.lastIndex, next: SPACED_PLACEHOLDER.lastIndex + 1, secret: false };
  }
  if (run(STRING_PREFIX, text, at)) return valueExtent(text, at + 1, context, allowScheme);
  if ((first === '"' || first === "'") && text.startsWith(first.repeat(3), at)) {
    const triple = tripleQuoted(text, at, first.repeat(3));
    if (triple) return triple;
  }
  if (first === '"') return quoted(text, run(DOUBLE_QUOTED, text, at)!, at, 1);
  if (first === "'") return quoted(text, run(SINGLE_QUOTED, text, at)!, at, 1);
  if (first === "`") return quoted(text, run(BACKTICK_QUOTED, text, at)!, at, 1);
  const placeholder = run(SPACED_PLACEHOLDER, text, at);
  if (placeholder) return { start: at, end: at + placeholder[0].length, next: at + placeholder[0].length, secret: false };
  const wrapped = run(WRAPPED, text, at);
  if (wrapped) return wrappedValue(text, wrapped, at);
  if (first === "{" || first === "[") {
    if (!context.equals || first === "[") return undefined; // a nested object or list: its own keys are scanned
    const braced = run(BRACED, text, at);
    if (!braced) return undefined;
    return quoted(text, braced, at, 1);
  }
  if (context.spaced && first === "-") return undefined;
  if ((first === "|" || first === ">") && !context.equals && !context.spaced) {
    const block = blockScalar(text, at);
    if (block) return block;
  }
  if (context.authorization && run(PARAM_LIST_SCHEME, text, at)) {
    const start = PARAM_LIST_SCHEME.lastIndex;
    const rest = run(PARAM_LIST, text, start);
    if (!rest || rest[0] === "") return undefined;
    const end = start + rest[0].trimEnd().length;
    return { start, end, next: end, secret: true };
  }
  if (allowScheme && run(AUTH_SCHEME, text, at)) {
    const afterScheme = valueExtent(text, AUTH_SCHEME.lastIndex, { equals: false, spaced: false }, false);
    if (afterScheme) return afterScheme;
  }
  const valueStart = at;
  const bare = run(context.encoded ? URL_ENCODED : BARE, text, valueStart);
  if (!bare || bare[0] === "") return undefined;
  const value = trimTrailing(bare[0]);
  const end = valueStart + value.length;
  let secret = value !== "" && !isNonSecretValue(value);
  if (secret && isProseValue(text, value, end, context)) secret = false;
  return { start: valueStart, end, next: end, secret };
}

/** Python and TOML triple-quoted strings (`"""x"""`, `\'\'\'x\'\'\'`), on one line or several, bounded. */
function tripleQuoted(text: string, at: number, quotes: string): ValueExtent | undefined {
  const start = at + 3;
  const close = text.indexOf(quotes, start);
  if (close < 0 || close - start > TRIPLE_QUOTED_LIMIT || close === start) return undefined;
  const value = text.slice(start, close);
  return { start, end: close, next: close + 3, secret: !isNonSecretValue(value.trim()), multiline: value.includes("\n") };
}

/**
 * A YAML block scalar (`token: |`, `key: >-`): the value is the following lines indented like the first
 * one (a stack frame indented deeper is not part of it). Linear: each line is visited once.
 */
function blockScalar(text: string, at: number): ValueExtent | undefined {
  const header = run(BLOCK_SCALAR_HEADER, text, at);
  if (!header) return undefined;
  const indent = header[1]!;
  const start = at + header[0].length;
  let end = text.indexOf("\n", start);
  if (end < 0) end = text.length;
  while (end < text.length && text.startsWith(indent, end + 1) && /\S/.test(text[end + 1 + indent.length] ?? "") && !text.startsWith("at ", end + 1 + indent.length)) {
    const next = text.indexOf("\n", end + 1);
    end = next < 0 ? text.length : next;
  }
  if (text[end - 1] === "\r") end--;
  const value = text.slice(start, end);
  return { start, end, next: end, secret: !isNonSecretValue(value.trim()), multiline: true };
}

/** The inside of `Some("x")` / `('user', 'x')`: secret unless every quoted item is a placeholder or literal. */
function wrappedValue(text: string, match: RegExpExecArray, at: number): ValueExtent {
  const inner = match[1] ?? match[2]!;
  const start = at + match[0].length - 1 - inner.length;
  const end = start + inner.length;
  let secret = false;
  QUOTED_ITEM.lastIndex = 0;
  for (let item = QUOTED_ITEM.exec(inner); item !== null; item = QUOTED_ITEM.exec(inner)) {
    if (!isNonSecretValue(item[1]!)) secret = true;
  }
  return { start, end, next: end + 1, secret };
}

/** "token: expired", "password: must be ...": a lowercase word that starts a sentence. */
function isProseValue(text: string, value: string, end: number, context: ValueContext): boolean {
  if (isProseWord(value)) return true;
  if (context.equals || !/^[a-z]+$/.test(value)) return false;
  return run(NEXT_WORD, text, end) !== null;
}

/** Drops sentence punctuation and closing brackets the value never opened (one pass, linear). */
function trimTrailing(value: string): string {
  const opened: Record<string, number> = { ")": 0, "]": 0, "}": 0, ">": 0 };
  const closed: Record<string, number> = { ")": 0, "]": 0, "}": 0, ">": 0 };
  const closerOf: Record<string, string> = { "(": ")", "[": "]", "{": "}", "<": ">" };
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    const closer = closerOf[c];
    if (closer !== undefined) opened[closer]!++;
    else if (c in closed) closed[c]!++;
  }
  let end = value.length;
  while (end > 0) {
    const c = value[end - 1]!;
    if (c === "." || c === ":") {
      end--;
    } else if (c in closed && closed[c]! > opened[c]!) {
      closed[c]!--;
      end--;
    } else {
      break;
    }
  }
  return value.slice(0, end);
}
