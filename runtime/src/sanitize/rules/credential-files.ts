/**
 * Credential file lines that have no `key=value` shape: `.netrc`
 * (`machine host login user password SECRET`, `default login x password SECRET`) and Oracle EZConnect
 * (`jdbc:oracle:thin:scott/SECRET@host:1521/svc`).
 */
import { REDACTED } from "../marker.js";
import { isNonSecretValue } from "../text-shape.js";
import type { RedactionRule } from "./rule.js";

// Tokens may sit on separate lines (`machine h\n  login u\n  password x`); runs are bounded.
const NETRC_PASSWORD = /(\b(?:machine\s{1,64}\S{1,256}|default)\s{1,64}login\s{1,64}\S{1,256}\s{1,64}password[ \t]+)([^\s"']+)/gi;
// Bounded and stopping at `:`/`/`, so repeated `:thin:` prefixes cannot rescan the rest of the text.
const ORACLE_THIN = /(:thin:[^\s\/@:]{0,128}\/)([^\s@\/:]{1,256})(?=@)/g;

/** Words each form needs, checked before the (slower, word-bounded) patterns run. */
const NETRC_WORDS = /login/i;

export function redactCredentialFiles(text: string): string {
  const netrc = NETRC_WORDS.test(text)
    ? text.replace(NETRC_PASSWORD, (whole: string, prefix: string, value: string) => (isNonSecretValue(value) ? whole : `${prefix}${REDACTED}`))
    : text;
  return netrc.includes(":thin:")
    ? netrc.replace(ORACLE_THIN, (whole: string, prefix: string, value: string) => (value === REDACTED ? whole : `${prefix}${REDACTED}`))
    : netrc;
}

export const credentialFileRule: RedactionRule = {
  name: "credential-files",
  mayApply: (text) => /password|:thin:/i.test(text),
  apply: redactCredentialFiles,
};
