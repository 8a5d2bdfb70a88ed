/**
 * The shape of one vendor token format and the shape checks formats with a
 * weak prefix share. Formats are facts learned from vendors' documentation
 * and public secret-scanner rule tables (gitleaks, secretlint): prefix,
 * alphabet, length. Every pattern is a prefix (or fixed-shape) regex with
 * bounded or single-class quantifiers, so the combined alternation stays linear.
 */
import { looksRandom } from "../../text-shape.js";

export interface VendorFormat {
  readonly vendor: string;
  /** Regex source; must not contain capturing groups. */
  readonly pattern: string;
  /** Extra shape check for formats whose prefix alone is weak. */
  readonly check?: (token: string) => boolean;
  /**
   * For a format that does not start with a literal prefix (`[a-f0-9]{32}-us\d`): text it cannot match
   * without. The format joins the scan only for messages containing it, so common messages do not pay
   * for a character-class branch tried at every position.
   */
  readonly hint?: RegExp;
  /**
   * Text `hint` cannot match without (one of them, for a list): checked with `includes` first, which is
   * much cheaper than running the hint regex over every message.
   */
  readonly literal?: string | readonly string[];
}

/** Not followed by another token character: a fixed-length format is not the start of a longer word. */
export const END = "(?![A-Za-z0-9_\\-])";

/** The part after a short prefix looks generated (mixed classes, 16+ characters). */
export const mixed = (token: string): boolean => looksRandom(token.replace(/^[a-z]+[-_.]/i, ""), 16);

/** Contains a digit and a letter: `API-` + 26 capitals is a constant name, with digits a key. */
export const hasDigitAndLetter = (token: string): boolean => /[0-9]/.test(token) && /[A-Za-z]/.test(token.slice(4));
