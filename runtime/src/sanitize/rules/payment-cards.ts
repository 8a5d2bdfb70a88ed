/**
 * Payment card numbers (PII): 13-19 digits, bare or grouped by single spaces
 * or dashes (4-4-4-4, Amex 4-6-5, Diners 4-6-4), with a known issuer prefix
 * and a valid Luhn check digit. The issuer and Luhn checks keep order ids,
 * epoch-millisecond timestamps and other long numbers intact.
 */
import { REDACTED } from "../marker.js";
import type { RedactionRule } from "./rule.js";

const CANDIDATE = /(?<![\w.\-+\/])\d(?:[ \-]?\d){12,22}(?![\w\/]|\.\d)/g;
const ISSUER = /^(?:4|5[1-5]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)|3[47]|3(?:0[0-5]|[689])|6(?:011|5|4[4-9]|2)|35(?:2[89]|[3-8]))/;

/** Luhn (mod 10) check over a digit string. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function isCardNumber(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && ISSUER.test(digits) && luhnValid(digits);
}

function groupingAllowed(groups: readonly string[]): boolean {
  if (groups.length === 1) return true;
  const lengths = groups.map((g) => g.length);
  if (lengths.slice(0, -1).every((n) => n === 4) && lengths[lengths.length - 1]! <= 4) return true;
  return lengths.length === 3 && lengths[0] === 4 && lengths[1] === 6 && (lengths[2] === 5 || lengths[2] === 4);
}

/** The longest leading run of groups that is a card number, as a character count, or 0. */
function cardPrefixLength(candidate: string): number {
  const separator = /[ \-]/.exec(candidate)?.[0];
  // Bare digit runs are often ids: only the common 15/16-digit card lengths count without grouping.
  if (separator === undefined) return (candidate.length === 15 || candidate.length === 16) && isCardNumber(candidate) ? candidate.length : 0;
  if (candidate.includes(separator === " " ? "-" : " ")) return 0;
  const groups = candidate.split(separator);
  for (let n = groups.length; n >= 2; n--) {
    const kept = groups.slice(0, n);
    if (groupingAllowed(kept) && isCardNumber(kept.join(""))) return kept.join(separator).length;
  }
  return 0;
}

export function redactPaymentCards(text: string): string {
  return text.replace(CANDIDATE, (candidate: string) => {
    const length = cardPrefixLength(candidate);
    return length === 0 ? candidate : REDACTED + candidate.slice(length);
  });
}

export const paymentCardRule: RedactionRule = {
  name: "payment-cards",
  mayApply: (text) => /\d{4}/.test(text),
  apply: redactPaymentCards,
};
