/**
 * PEM private key blocks (`-----BEGIN [RSA|EC|OPENSSH|ENCRYPTED|PGP] PRIVATE
 * KEY[ BLOCK]-----`), raw or JSON-escaped (`\n` as two characters). The
 * BEGIN/END lines stay so the message still says what was being parsed; the
 * body goes. A block whose END line is missing (cut off, or a bounded
 * window) is redacted to the end of its base64 run. PuTTY `.ppk` private
 * lines go the same way. The END search is done
 * once and reused, so many unterminated headers stay linear.
 */
import { REDACTED } from "../marker.js";
import { Splicer, type RedactionRule } from "./rule.js";

const BEGIN = /-----BEGIN ([A-Z0-9]+(?: [A-Z0-9]+){0,4} )?PRIVATE KEY(?: BLOCK)?-----/g;
const END_MARK = "-----END ";
const END_LINE = /-----END [A-Z0-9 ]{0,60}-----/y;
// One character class (escaped `\n` is a backslash and a letter): no per-character backtracking state.
const BODY_RUN = /[A-Za-z0-9+/=\s:,\\\-]*/y;

/** PuTTY `.ppk` files: the base64 lines after `Private-Lines: N`. */
const PUTTY_PRIVATE_LINES = /(Private-Lines:[ \t]*\d+(?:\r?\n|\\r?\\n))(?:[A-Za-z0-9+/=]+(?:\r?\n|\\r?\\n|$))+/g;

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

export const pemPrivateKeyRule: RedactionRule = {
  name: "pem-private-keys",
  mayApply: (text) => text.includes("PRIVATE KEY") || text.includes("Private-Lines:"),
  apply: (text) => redactPuttyKeys(redactPemBlocks(text)),
};
