/**
 * Credentials disclosed in a sentence rather than a key/value pair:
 * "password is Xy7...", "the api key was 'Xy7...'", "token used: Xy7...".
 * Only credential-shaped values go (mixed classes, 8+ characters), so
 * "the token is expired" and "password is required" stay.
 */
import { REDACTED } from "../marker.js";
import { looksRandom } from "../text-shape.js";
import type { RedactionRule } from "./rule.js";

const DISCLOSURE =
  /(?<![\w\-])((?:password|passwd|passphrase|secret|token|api[ _\-]?key|access[ _\-]key)[ \t]+(?:is|was|used|value)[ \t]+)(["'`]?)([^\s"'`,;()<>]{8,})\2/gi;

export function redactProseDisclosures(text: string): string {
  return text.replace(DISCLOSURE, (whole: string, prefix: string, quote: string, value: string) =>
    looksRandom(value.replace(/[.:]+$/, ""), 8) ? `${prefix}${quote}${REDACTED}${quote}` : whole,
  );
}

export const proseDisclosureRule: RedactionRule = {
  name: "prose-disclosure",
  mayApply: (text) => /password|passwd|passphrase|secret|token|key/i.test(text),
  apply: redactProseDisclosures,
};
