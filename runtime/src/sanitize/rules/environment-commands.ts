/**
 * Environment variables set without an `=`: csh `setenv FOO_TOKEN x`,
 * fish `set -x FOO_TOKEN x`, a Dockerfile's legacy `ENV FOO_TOKEN x`, and
 * subscript assignments to an environment or settings map
 * (`os.environ["FOO_TOKEN"] = "x"`, Ruby `ENV['FOO_TOKEN'] = 'x'`). The name
 * must name a credential; the value goes, the command and name stay.
 */
import { REDACTED } from "../marker.js";
import { isSecretKeyName } from "../secret-key-names.js";
import { valueExtent } from "../value-extent.js";
import { Splicer, type RedactionRule } from "./rule.js";

const NAME = String.raw`[A-Za-z_][\w.\-]{0,127}`;
// Each attempt is anchored at a command word or a `[`; names and blanks are bounded.
const SET_COMMAND = new RegExp(String.raw`(?<![\w\-])(?:setenv|ENV|set(?:[ \t]+-[A-Za-z]{1,4}){1,3})[ \t]{1,16}(${NAME})[ \t]{1,16}(?=[^\s=])`, "g");
const SUBSCRIPT_HINT = /["'][ \t]*\][ \t]*(?:\|\||\?\?)?=/;
const SUBSCRIPT = new RegExp(String.raw`\[[ \t]*(["'])(${NAME})\1[ \t]*\][ \t]*(?:\|\||\?\?)?=(?!=)[ \t]*`, "g");

function redactAfter(text: string, pattern: RegExp, nameGroup: number): string {
  const out = new Splicer(text);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (!isSecretKeyName(m[nameGroup]!)) continue;
    const value = valueExtent(text, pattern.lastIndex, { equals: true, spaced: false });
    if (value?.secret) out.replace(value.start, value.end, REDACTED);
    if (value) pattern.lastIndex = Math.max(pattern.lastIndex, value.next);
  }
  return out.toString();
}

export function redactEnvironmentCommands(text: string): string {
  const commands = text.includes("ENV") || text.includes("setenv") || /set[ \t]+-/.test(text) ? redactAfter(text, SET_COMMAND, 1) : text;
  return SUBSCRIPT_HINT.test(commands) ? redactAfter(commands, SUBSCRIPT, 2) : commands;
}

export const environmentCommandRule: RedactionRule = {
  name: "environment-commands",
  // Plain-word checks first: this runs for every message.
  mayApply: (text) => text.includes("ENV") || text.includes("setenv") || text.includes("set -") || (text.includes("]") && SUBSCRIPT_HINT.test(text)),
  apply: redactEnvironmentCommands,
};
