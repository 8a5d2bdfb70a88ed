/**
 * Credentials recognisable by their vendor prefix or fixed shape alone,
 * wherever they appear (no key needed). The formats live by family in
 * `vendor-formats/` (source control, cloud, AI, payments, messaging,
 * developer tools, observability); all families run as one alternation so a
 * message is scanned once, formats sharing a first character grouped behind it. Formats without a literal prefix join it only for
 * messages that contain their hint. Next to an AWS access key id, a bare 40-character
 * base64 token is its secret key.
 */
import { REDACTED } from "../marker.js";
import { looksLikeKeyMaterial } from "../text-shape.js";
import type { RedactionRule } from "./rule.js";
import { AI_FORMATS } from "./vendor-formats/ai.js";
import { CLOUD_FORMATS } from "./vendor-formats/cloud.js";
import { DEVELOPER_TOOL_FORMATS } from "./vendor-formats/developer-tools.js";
import type { VendorFormat } from "./vendor-formats/format.js";
import { MESSAGING_FORMATS } from "./vendor-formats/messaging.js";
import { OBSERVABILITY_FORMATS } from "./vendor-formats/observability.js";
import { PAYMENT_FORMATS } from "./vendor-formats/payments.js";
import { SOURCE_CONTROL_FORMATS } from "./vendor-formats/source-control.js";

export type { VendorFormat } from "./vendor-formats/format.js";

export const VENDOR_FORMATS: readonly VendorFormat[] = [
  ...SOURCE_CONTROL_FORMATS,
  ...CLOUD_FORMATS,
  ...AI_FORMATS,
  ...PAYMENT_FORMATS,
  ...MESSAGING_FORMATS,
  ...DEVELOPER_TOOL_FORMATS,
  ...OBSERVABILITY_FORMATS,
];

interface Scanner {
  readonly regex: RegExp;
  readonly formats: readonly VendorFormat[];
}

/** The literal first character of a pattern (`g` of `ghp_...`), or undefined when it starts with a class, group or quantified char. */
function firstLiteral(pattern: string): string | undefined {
  const first = pattern[0];
  if (first === undefined || !/[A-Za-z0-9_]/.test(first)) return undefined;
  return /[{*+?]/.test(pattern[1] ?? "") ? undefined : first;
}

/**
 * One alternation over every format, with formats sharing a literal first character grouped behind it
 * (`g(?:(hp_...)|(ho_...))`), so each word start tries one branch per first character, not every format.
 * Capture group i (in `order`) still identifies the format.
 */
function scannerOf(formats: readonly VendorFormat[]): Scanner {
  const branches: { first?: string; members: VendorFormat[] }[] = [];
  const byFirst = new Map<string, { first?: string; members: VendorFormat[] }>();
  for (const format of formats) {
    const first = firstLiteral(format.pattern);
    if (first === undefined) {
      branches.push({ members: [format] });
      continue;
    }
    let branch = byFirst.get(first);
    if (branch === undefined) {
      branch = { first, members: [] };
      byFirst.set(first, branch);
      branches.push(branch);
    }
    branch.members.push(format);
  }
  const order: VendorFormat[] = [];
  const source = branches
    .map((branch) => {
      order.push(...branch.members);
      if (branch.first === undefined) return `(${branch.members[0]!.pattern})`;
      return `${branch.first}(?:${branch.members.map((format) => `(${format.pattern.slice(1)})`).join("|")})`;
    })
    .join("|");
  return { regex: new RegExp(`(?<![A-Za-z0-9])(?:${source})`, "g"), formats: order };
}

const UNHINTED = VENDOR_FORMATS.filter((format) => format.hint === undefined);
const HINTED = VENDOR_FORMATS.filter((format) => format.hint !== undefined);
/** One scanner per set of hinted formats a message can match (bit i = HINTED[i]), built on first use. */
const scanners = new Map<number, Scanner>();

/** The format's literal pre-check: false means its hint cannot match `text`. */
function mayContainHint(text: string, { literal }: VendorFormat): boolean {
  if (literal === undefined) return true;
  if (typeof literal === "string") return text.includes(literal);
  return literal.some((part) => text.includes(part));
}

function scannerFor(text: string): Scanner {
  let mask = 0;
  for (let i = 0; i < HINTED.length; i++) if (mayContainHint(text, HINTED[i]!) && HINTED[i]!.hint!.test(text)) mask |= 1 << i;
  let scanner = scanners.get(mask);
  if (scanner === undefined) {
    scanner = scannerOf([...UNHINTED, ...HINTED.filter((_, i) => (mask & (1 << i)) !== 0)]);
    scanners.set(mask, scanner);
  }
  return scanner;
}

/** An AWS access key id or secret-key wording: a bare 40-character base64 token nearby is its secret key. */
const AWS_CONTEXT = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])|secret[ _\-]?access[ _\-]?key/i;
const AWS_SECRET_KEY = /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/g;

function redactAwsSecretKeys(text: string): string {
  return text.replace(AWS_SECRET_KEY, (token: string) => (looksLikeKeyMaterial(token) ? REDACTED : token));
}

/**
 * Formats unmistakable enough to redact even when glued to the text before them, where the scan's word
 * boundary would miss them (`somSG.<22>.<43>`, `0tskey-api-...`): SendGrid keys of their exact shape and
 * Tailscale keys of a known type.
 */
const GLUED = /SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}|tskey-(?:auth|api|client|scim|webhook)-[A-Za-z0-9_\-]{20,}/g;

export function redactVendorTokens(text: string): string {
  const unglued = text.includes("SG.") || text.includes("tskey-") ? text.replace(GLUED, REDACTED) : text;
  const withAwsSecrets = AWS_CONTEXT.test(unglued) ? redactAwsSecretKeys(unglued) : unglued;
  const { regex, formats } = scannerFor(withAwsSecrets);
  return withAwsSecrets.replace(regex, (token: string, ...groups: unknown[]) => {
    for (let i = 0; i < formats.length; i++) {
      if (groups[i] === undefined) continue;
      const check = formats[i]!.check;
      return check === undefined || check(token) ? REDACTED : token;
    }
    return token;
  });
}

export const vendorTokenRule: RedactionRule = {
  name: "vendor-tokens",
  mayApply: () => true,
  apply: redactVendorTokens,
};
