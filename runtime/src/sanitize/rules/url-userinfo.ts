/**
 * Passwords in URL userinfo, any scheme (`postgresql://u:p@host`,
 * `mongodb+srv://`, `redis://:p@host` with an empty user, `amqps://`,
 * scheme-relative `//u:p@host`), and random-looking bare userinfo that is a
 * key on its own (Sentry DSNs, `https://<token>@host`); on Sidekiq's gem
 * servers (`contribsys.com`) the user name is part of the license, so it goes too, and with
 * GitHub's `<token>:x-oauth-basic@` the user name is the token. The user name, host,
 * port and path stay: they are what makes a connection error debuggable.
 */
import { REDACTED } from "../marker.js";
import { looksRandom } from "../text-shape.js";
import type { RedactionRule } from "./rule.js";

// `//` + user (no `:`/`@`/`/`) + `:` + password up to the LAST `@` before the path: linear per `//`.
const USER_PASSWORD = /(?<!\/)\/\/([^\s/?#@:"'<>]*):([^\s/?"'<>]+)@(?=([^\s@/?#"'<>:]{1,253}))/g;
/** Hosts whose user name is half of a license credential (Sidekiq Pro/Enterprise gem servers). */
const CREDENTIAL_USER_HOST = /(?:^|\.)contribsys\.com$/i;
/** `floe-analytics-2024`, `build.agent_01`: lowercase words (and short numbers) joined by separators name an account. */
const ACCOUNT_NAME = /^[a-z]+(?:[._\-](?:[a-z]+|\d{1,4}))+$/;
const TOKEN_USER = /(?<!\/)\/\/([^\s/?#@:"'<>]{16,})@(?=[\w\[])/g;

export function redactUrlUserinfo(text: string): string {
  let result = text.replace(USER_PASSWORD, (whole: string, user: string, password: string, host: string) => {
    if (CREDENTIAL_USER_HOST.test(host)) return `//${REDACTED}@`;
    // `https://<token>:x-oauth-basic@github.com/`: the user name is the token, the password a constant.
    if (/^x-oauth-(?:basic|token)$/i.test(password)) return user === "" || user === REDACTED ? whole : `//${REDACTED}:${password}@`;
    return password === REDACTED ? whole : `//${user}:${REDACTED}@`;
  });
  result = result.replace(TOKEN_USER, (whole: string, user: string) =>
    looksRandom(user, 16) && !ACCOUNT_NAME.test(user) ? `//${REDACTED}@` : whole,
  );
  return result;
}

export const urlUserinfoRule: RedactionRule = {
  name: "url-userinfo",
  mayApply: (text) => text.includes("//") && text.includes("@"),
  apply: redactUrlUserinfo,
};
