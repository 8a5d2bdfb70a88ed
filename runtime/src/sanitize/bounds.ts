/**
 * Bounding and truncation. The work on a huge input is bounded BEFORE any
 * regex runs: only a window somewhat longer than the output budget is
 * scanned, so a secret that straddles the cut is still seen whole by the
 * rules. After redaction, the cut never splits the marker, a surrogate pair,
 * or a credential-shaped token (that token is dropped whole), and an ellipsis
 * says the text was shortened.
 */
import { REDACTED } from "./marker.js";
import { looksRandom } from "./text-shape.js";

export const DEFAULT_MAX_LENGTH = 500;
export const TRUNCATION_MARK = "…";

/** Extra characters scanned past the cut so secrets that straddle it are redacted whole. */
const MIN_LOOKAHEAD = 2048;
/** How far back the cut may move to drop a credential-shaped token that straddles it. */
const MAX_TOKEN_BACKOFF = 4096;

/** The effective limit: a non-negative integer, or Infinity; bad values fall back to the default. */
export function resolveMaxLength(maxLength: unknown): number {
  if (typeof maxLength !== "number" || Number.isNaN(maxLength) || maxLength < 0) return DEFAULT_MAX_LENGTH;
  return maxLength === Infinity ? Infinity : Math.floor(maxLength);
}

/** The prefix of the input the rules look at: the budget plus a lookahead past the cut. */
export function scanWindow(text: string, maxLength: number): string {
  const limit = maxLength + Math.max(MIN_LOOKAHEAD, maxLength);
  if (text.length <= limit) return text;
  let end = limit;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end);
}

/** Characters that belong to one credential-like token (base64, base64url, hex, `%`-encoding). */
function isTokenChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 43 || code === 47 || code === 61 || code === 95 || code === 45 || code === 46 ||
    code === 126 || code === 37 || code === 33 || code === 42
  );
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Where to cut `text` so that at most `budget` characters remain and nothing secret-shaped is split. */
function safeCut(text: string, budget: number): number {
  let cut = budget;
  if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  const marker = text.lastIndexOf(REDACTED, cut);
  if (marker !== -1 && marker < cut && marker + REDACTED.length > cut) cut = marker;
  if (cut > 0 && cut < text.length && isTokenChar(text.charCodeAt(cut - 1)) && isTokenChar(text.charCodeAt(cut))) {
    let start = cut;
    const floor = Math.max(0, cut - MAX_TOKEN_BACKOFF);
    while (start > floor && isTokenChar(text.charCodeAt(start - 1))) start--;
    let end = cut;
    const ceiling = Math.min(text.length, cut + MAX_TOKEN_BACKOFF);
    while (end < ceiling && isTokenChar(text.charCodeAt(end))) end++;
    if (looksRandom(text.slice(start, end), 8)) cut = start;
  }
  return cut;
}

/**
 * `text` shortened to at most `maxLength` characters, ending with the truncation mark when cut.
 * `inputWasCut` says the text is a scan window whose end may split a token: that partial token goes.
 */
export function truncate(text: string, maxLength: number, inputWasCut = false): string {
  if (inputWasCut) {
    let end = text.length;
    const floor = Math.max(0, end - MAX_TOKEN_BACKOFF);
    while (end > floor && isTokenChar(text.charCodeAt(end - 1))) end--;
    const body = text.slice(0, end);
    if (body.length + TRUNCATION_MARK.length <= maxLength) return body + TRUNCATION_MARK;
    text = body + TRUNCATION_MARK.repeat(2);
  }
  if (text.length <= maxLength) return text;
  if (maxLength < TRUNCATION_MARK.length * 2) return text.slice(0, safeCut(text, maxLength));
  return text.slice(0, safeCut(text, maxLength - TRUNCATION_MARK.length)) + TRUNCATION_MARK;
}
