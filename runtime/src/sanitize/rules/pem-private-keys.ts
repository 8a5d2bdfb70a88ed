/**
 * PEM private key blocks (`-----BEGIN [RSA|EC|OPENSSH|ENCRYPTED|PGP] PRIVATE
 * KEY[ BLOCK]-----`), raw or JSON-escaped (`\n` as two characters). The
 * BEGIN/END lines stay so the message still says what was being parsed; the
 * body goes. A block whose END line is missing (cut off, or a bounded
 * window) is redacted to the end of its base64 run; a block whose BEGIN
 * line was cut off (the message starts mid-key) loses the base64 run before
 * its END line. PuTTY `.ppk` private lines go the same way. The END search
 * is done once and reused, so many unterminated headers stay linear.
 */
import { REDACTED } from "../marker.js";
import { Splicer, type RedactionRule } from "./rule.js";

const BEGIN = /-----BEGIN ([A-Z0-9_.\-]+(?: [A-Z0-9_.\-]+){0,4} )?PRIVATE KEY(?: BLOCK)?-----/g;
const PRIVATE_END = /-----END (?:[A-Z0-9_.\-]+ ){0,5}PRIVATE KEY(?: BLOCK)?-----/g;
const BASE64_LINE = /^[A-Za-z0-9+/=]+$/;
const TRAILING_BASE64 = /[A-Za-z0-9+/=]+$/;
const MAX_HEADLESS_BODY = 16384;
const END_MARK = "-----END ";
const END_LINE = /-----END [A-Z0-9 ]{0,60}-----/y;
// One character class (escaped `\n` is a backslash and a letter): no per-character backtracking state.
const BODY_RUN = /[A-Za-z0-9+/=\s:,\\\-]*/y;

/** PuTTY `.ppk` files: the base64 lines after `Private-Lines: N`. */
const PUTTY_PRIVATE_LINES = /(Private-Lines:[ \t]*\d+(?:\r?\n|(?:\\r)?\\n))(?:[A-Za-z0-9+/=]+(?:\r?\n|(?:\\r)?\\n|$))+/g;

export function redactPuttyKeys(text: string): string {
  return text.replace(PUTTY_PRIVATE_LINES, (_whole: string, header: string) => `${header}${REDACTED}`);
}

export function redactPemBlocks(text: string): string {
  const out = new Splicer(text);
  let nextEnd = -2; // -2: not searched yet; -1: no END after this point
  BEGIN.lastIndex = 0;
  for (let m = BEGIN.exec(text); m !== null; m = BEGIN.exec(text)) {
    const bodyStart = BEGIN.lastIndex;
    if (nextEnd !== -1 && nextEnd < bodyStart) nextEnd = text.indexOf(END_MARK, bodyStart);
    let bodyEnd: number;
    if (nextEnd !== -1) {
      const nextBegin = text.indexOf("-----BEGIN ", bodyStart);
      if (nextBegin !== -1 && nextBegin < nextEnd) {
        bodyEnd = nextBegin;
      } else {
        bodyEnd = nextEnd;
        END_LINE.lastIndex = nextEnd;
        const endLine = END_LINE.exec(text);
        BEGIN.lastIndex = endLine ? END_LINE.lastIndex : nextEnd + END_MARK.length;
      }
    } else {
      BODY_RUN.lastIndex = bodyStart;
      BODY_RUN.exec(text);
      bodyEnd = BODY_RUN.lastIndex;
      BEGIN.lastIndex = Math.max(bodyEnd, bodyStart);
    }
    const leading = /^(?:\s|\\[nrt])*/.exec(text.slice(bodyStart, Math.min(bodyEnd, bodyStart + 8)))![0].length;
    if (bodyStart + leading >= bodyEnd || text.startsWith(REDACTED, bodyStart + leading)) continue;
    out.replace(bodyStart + leading, bodyEnd, REDACTED);
  }
  return out.toString();
}

/**
 * Where the body before an END line starts when its BEGIN line is missing: whole lines of base64
 * (real or JSON-escaped line breaks, indentation allowed), then the trailing base64 run of the first
 * line that is not all base64 ("...parse key MIIEv..."). Scans back at most to `limit`.
 */
function headlessBodyStart(text: string, end: number, limit: number): number {
  let start = end;
  let p = end;
  for (;;) {
    let q = p;
    while (q > limit && text[q - 1] !== "\n" && !(text[q - 1] === "n" && text[q - 2] === "\\")) q--;
    const line = text.slice(q, p).replace(/\\r$|\r$/, "");
    const core = line.trim();
    if (core !== "" && BASE64_LINE.test(core)) {
      start = q + line.indexOf(core);
    } else if (core !== "" || start !== end) {
      const run = TRAILING_BASE64.exec(core)?.[0] ?? "";
      // A cut-off first line keeps only its base64 tail; 8 characters is the corpus's leak window.
      if (run.length >= 8) start = q + line.lastIndexOf(run);
      return start;
    }
    if (q <= limit) return start;
    p = text[q - 1] === "\n" ? q - 1 : q - 2;
  }
}

/** The base64 run before an END line whose BEGIN line is missing (a message that starts mid-key). */
export function redactHeadlessBlocks(text: string): string {
  const out = new Splicer(text);
  let floor = 0;
  PRIVATE_END.lastIndex = 0;
  for (let m = PRIVATE_END.exec(text); m !== null; m = PRIVATE_END.exec(text)) {
    const limit = Math.max(floor, m.index - MAX_HEADLESS_BODY);
    floor = PRIVATE_END.lastIndex;
    let end = m.index;
    while (end > limit && (text[end - 1] === "\n" || text[end - 1] === "\r" || text[end - 1] === " " || text[end - 1] === "\t")) end--;
    while (end - 2 >= limit && text[end - 2] === "\\" && (text[end - 1] === "n" || text[end - 1] === "r")) end -= 2;
    const start = headlessBodyStart(text, end, limit);
    if (end - start < 40) continue;
    out.replace(start, end, REDACTED);
  }
  return out.toString();
}

export const pemPrivateKeyRule: RedactionRule = {
  name: "pem-private-keys",
  mayApply: (text) => text.includes("PRIVATE KEY") || text.includes("Private-Lines:"),
  apply: (text) => redactPuttyKeys(redactHeadlessBlocks(redactPemBlocks(text))),
};
