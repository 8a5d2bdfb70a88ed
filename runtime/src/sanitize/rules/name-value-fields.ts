/**
 * A credential whose key is stored as data in one field and its value in the
 * next, as config dumps and APIs write environment lists and settings:
 * JSON `{"name": "API_KEY", "value": "x"}`, YAML (Kubernetes env)
 * `- name: DB_PASSWORD\n  value: x` and flow `{name: X, value: x}`, and
 * Hadoop-style XML `<name>fs.s3a.secret.key</name><value>x</value>`. The
 * pair counts when the name names a credential (see credential-pair.ts);
 * names and field words are kept. The XML attribute form
 * (`<add key="X" value="x"/>`) lives in markup-elements.ts.
 */
import { isCredentialPair } from "../credential-pair.js";
import { REDACTED } from "../marker.js";
import type { RedactionRule } from "./rule.js";

const NAME = String.raw`[A-Za-z_][\w.\-]{0,127}`;
// Every field is bounded and delimited, so each attempt is linear.
const JSON_FIELDS = new RegExp(
  String.raw`("(?:name|key|Name|Key)"[ \t]*:[ \t]*"(${NAME})"[ \t\r\n]*,[ \t\r\n]*"(?:value|Value)"[ \t]*:[ \t]*")([^"\\\r\n]{1,1024})(?=")`,
  "g",
);
const YAML_FIELDS = new RegExp(
  String.raw`(\b(?:name|key):[ \t]*(["']?)(${NAME})\2[ \t]*(?:\r?\n[ \t]*(?:-[ \t]+)?|,[ \t]*)value:[ \t]*(["']?))([^\s"',{}\[\]]{1,1024}|(?<=")[^"\r\n]{1,1024}(?=")|(?<=')[^'\r\n]{1,1024}(?='))`,
  "g",
);
const XML_FIELDS = new RegExp(String.raw`(<name>[ \t\r\n]*(${NAME})[ \t\r\n]*</name>[ \t\r\n]*<value>[ \t\r\n]*)([^<\s]{1,4096})(?=[ \t\r\n]*</value>)`, "g");

/** `"value"`, `"Value"`, `value:`, `<value>`: a field these forms need. */
const FIELD_WORD = /["<]?[Vv]alue["'>:]/;

function redactFields(text: string, pattern: RegExp, nameGroup: number, valueGroup: number): string {
  return text.replace(pattern, (whole: string, ...groups: string[]) => {
    const name = groups[nameGroup - 1]!;
    const value = groups[valueGroup - 1]!;
    return isCredentialPair(name, value) ? whole.slice(0, whole.length - value.length) + REDACTED : whole;
  });
}

export function redactNameValueFields(text: string): string {
  let result = text;
  if (result.includes('"value"') || result.includes('"Value"')) result = redactFields(result, JSON_FIELDS, 2, 3);
  if (result.includes("value:")) result = redactFields(result, YAML_FIELDS, 3, 5);
  if (result.includes("<value>")) result = redactFields(result, XML_FIELDS, 2, 3);
  return result;
}

export const nameValueFieldRule: RedactionRule = {
  name: "name-value-fields",
  mayApply: (text) => FIELD_WORD.test(text),
  apply: redactNameValueFields,
};
