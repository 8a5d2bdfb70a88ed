/**
 * Credentials passed as command-line flags and echoed back in errors:
 * `--password x`, `--password=x`, `-token x`, `--client-secret "a b"`, and
 * the short `-p` of MySQL clients (`mysql -u root -pSECRET`, `-p'SECRET'`), of
 * `docker login -u x -p SECRET` and `sshpass -p SECRET`, `redis-cli -a SECRET`,
 * and `curl -u user:SECRET` (`-u SECRET:` when the password is empty). A value that
 * starts with `-` is the next flag, and prose ("use --password to set it")
 * is left alone.
 */
import { REDACTED } from "../marker.js";
import { CREDENTIAL_FRAGMENT, isSecretKeyName } from "../secret-key-names.js";
import { characterClasses, isNonSecretValue } from "../text-shape.js";
import { valueExtent } from "../value-extent.js";
import { Splicer, type RedactionRule } from "./rule.js";

/** Pre-check (linear scans): a credential fragment and a dash somewhere. */
const MAY_HAVE_FLAG = (text: string): boolean => text.includes("-") && (CREDENTIAL_FRAGMENT.test(text) || /-p|-u|-a|--user|--proxy-user/.test(text));
// Not after the marker either: `<REDACTED>--password x` came from `4111...1111--password x`, where no flag started.
const FLAG = /(?<![\w\-])(?<!<REDACTED>)--?([A-Za-z][\w.\-]*)(=|[ \t]+)/g;
/**
 * `curl -u user:password`, `--user user:password`, each part quoted on its own (`kevin:'x'`,
 * `"{id}":"{x}"`), an e-mail user (`a@b.com:x`): the part after the first colon. With an empty password
 * (`-u sk_test_x:`, `-u "x:"`, how API keys are passed as the user) the user part is the secret.
 */
const USER_COLON_PASSWORD =
  /(?<![\w\-])(?:-u|--user|--proxy-user)(?:[ \t]+|=)(["']?)([^\s:"'\/]{0,128})\1:(["']?)([^\s"']{0,256})\3(?=$|[\s;|&)])/g;
/** The same, quoted as a whole: `-u "user:password"`, `-u ":password"`, `-u "key:"`. */
const QUOTED_USER_COLON_PASSWORD = /(?<![\w\-])(?:-u|--user|--proxy-user)(?:[ \t]+|=)(["'])([^"'\r\n:]{0,128}):([^"'\r\n]{0,256})\1/g;
/** Commands whose short `-p` is a password (MySQL clients, `docker login`, `helm registry login`, `sshpass`). */
const SHORT_P_IS_PASSWORD = /\b(?:mysql\w*|mariadb\w*|login|sshpass)\b/i;
/** The same words without word boundaries: a scan the regex engine runs several times faster, tried first. */
const SHORT_P_WORDS = /mysql|mariadb|login|sshpass/i;
/** `-pSECRET`, `-p SECRET`, `-p'SECRET'`, `-p"SECRET"`. */
const SHORT_P_PASSWORD = /(?<=\s)-p(?:[ \t]+)?(?!assword\b)(?:(["'])([^"'\r\n]{1,256})\1|([^\s"'\-][^\s"']*))/g;
/** `redis-cli -a SECRET` (and `--pass SECRET`, handled as a named flag). */
const REDIS_CLI = /\bredis-cli\b/;
const SHORT_A_PASSWORD = /(?<=\s)-a[ \t]+(?:(["'])([^"'\r\n]{1,256})\1|([^\s"'\-][^\s"']*))/g;

/** Replaces the (quoted or bare) value of a short password flag unless it is a placeholder. */
function redactShortFlag(whole: string, quote: string | undefined, quotedValue: string | undefined, bareValue: string | undefined): string {
  const value = quotedValue ?? bareValue ?? "";
  if (value === "" || isNonSecretValue(value)) return whole;
  const closing = quote ?? "";
  return whole.slice(0, whole.length - value.length - closing.length) + REDACTED + closing;
}

/**
 * Replaces the password of a `user:password` flag value (its end at `passwordEnd`), or with no password
 * the user part (its end at `userEnd`) when it looks like a key: `-u sk_test_x:`; `-u admin:` is a user
 * name (curl then asks for the password).
 */
function redactUserPart(whole: string, user: string, userEnd: number, password: string, passwordEnd: number): string {
  if (password === "") {
    if (user.length < 8 || characterClasses(user) < 2 || isNonSecretValue(user)) return whole;
    return whole.slice(0, userEnd - user.length) + REDACTED + whole.slice(userEnd);
  }
  if (isNonSecretValue(password)) return whole;
  return whole.slice(0, passwordEnd - password.length) + REDACTED + whole.slice(passwordEnd);
}

function redactSeparatelyQuoted(whole: string, userQuote: string, user: string, quote: string, password: string): string {
  const passwordEnd = whole.length - quote.length;
  return redactUserPart(whole, user, passwordEnd - password.length - quote.length - 1 - userQuote.length, password, passwordEnd);
}

function redactQuotedAsAWhole(whole: string, quote: string, user: string, password: string): string {
  const passwordEnd = whole.length - quote.length;
  return redactUserPart(whole, user, passwordEnd - password.length - 1, password, passwordEnd);
}

export function redactCliFlags(text: string): string {
  const out = new Splicer(text);
  FLAG.lastIndex = 0;
  for (let m = FLAG.exec(text); m !== null; m = FLAG.exec(text)) {
    if (!isSecretKeyName(m[1]!)) continue;
    const at = FLAG.lastIndex;
    const value = valueExtent(text, at, { equals: m[2] === "=", spaced: m[2] !== "=" });
    if (!value) continue;
    if (value.secret) out.replace(value.start, value.end, REDACTED);
    FLAG.lastIndex = Math.max(value.next, at);
  }
  let result = out.toString();
  if (result.includes("-u")) result = result.replace(QUOTED_USER_COLON_PASSWORD, redactQuotedAsAWhole).replace(USER_COLON_PASSWORD, redactSeparatelyQuoted);
  if (SHORT_P_WORDS.test(result) && SHORT_P_IS_PASSWORD.test(result)) result = result.replace(SHORT_P_PASSWORD, redactShortFlag);
  if (result.includes("redis-cli") && REDIS_CLI.test(result)) result = result.replace(SHORT_A_PASSWORD, redactShortFlag);
  return result;
}

export const cliFlagRule: RedactionRule = {
  name: "cli-flags",
  mayApply: MAY_HAVE_FLAG,
  apply: redactCliFlags,
};
