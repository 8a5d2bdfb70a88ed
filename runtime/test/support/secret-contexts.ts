/**
 * The assignment contexts real code and config put a credential in (after gitleaks' sample
 * generator: INI, JSON, XML, YAML, C#, Go, Java, Kotlin, PHP, Python, make, logstash, shell,
 * `System.setProperty`, YAML block scalars, name/value fields, CSV rows), the places an error carries them
 * (alone, as a thrown string is; in a message, a stack trace, a status), and
 * generators of fresh random values in a given alphabet, so family tests never reuse fixed strings.
 */
import { randomInt } from "node:crypto";
import fc from "fast-check";

/** `{i}` camel identifier, `{I}` upper identifier, `{s}` the secret. */
export const ASSIGNMENT_CONTEXTS: Readonly<Record<string, string>> = {
  "ini quoted": '{i}Token="{s}"',
  "ini quoted spaced": '{i}Token = "{s}"',
  "ini bare": "{i}Token={s}",
  "ini bare spaced": "{i}Token = {s}",
  json: '{\n    "{i}_token": "{s}"\n}',
  "json with escaped newline": '{"config.ini": "{I}_TOKEN={s}\\nBACKUP_ENABLED=true"}',
  "xml element": "<{i}Token>{s}</{i}Token>",
  "xml element multiline": "<{i}Token>\n    {s}\n</{i}Token>",
  "xml secret element multiline": "<{i}_secret>\n  {s}\n</{i}_secret>",
  "xml name/value attributes": '<entry name="{i}Token" value="{s}" />',
  "yaml bare": "{i}_token: {s}",
  "yaml single quote": "{i}_token: '{s}'",
  "yaml double quote": '{i}_token: "{s}"',
  "c#": 'string {i}Token = "{s}";',
  "go var": 'var {i}Token string = "{s}"',
  "go short": '{i}Token := "{s}"',
  "go backticks": "{i}Token := `{s}`",
  java: 'String {i}Token = "{s}";',
  "kotlin no type": 'var {i}Token = "{s}"',
  "kotlin typed": 'val {i}Token: String = "{s}"',
  "typescript typed": 'const {i}Token: string = "{s}";',
  "rust typed": 'let {i}_token: &str = "{s}";',
  "php concat": '${i}Token .= "{s}"',
  "php null coalesce": '${i}Token ??= "{s}"',
  "python single": "{i}Token = '{s}'",
  "python double": '{i}Token = "{s}"',
  "java setProperty": 'System.setProperty("{I}_TOKEN", "{s}")',
  "python setenv": "os.environ.setdefault('{I}_TOKEN', '{s}')",
  logstash: '  "{i}Token" => "{s}"',
  "make recursive": '{I}_TOKEN = "{s}"',
  "make simple": '{I}_TOKEN := "{s}"',
  "make shell": '{I}_TOKEN ::= "{s}"',
  "make evaluated shell": '{I}_TOKEN :::= "{s}"',
  "make conditional": '{I}_TOKEN ?= "{s}"',
  "make append": '{I}_TOKEN += "{s}"',
  "env bare": "{I}_TOKEN={s}",
  "env double": '{I}_TOKEN="{s}"',
  "shell export single": "export {I}_TOKEN='{s}'",
  "shell export double": 'export {I}_TOKEN="{s}"',
  "shell export ansi-c": "export {I}_TOKEN=$'{s}'",
  "shell export bare": "export {I}_TOKEN={s}",
  "yaml block literal": "{i}_token: |\n  {s}",
  "yaml block folded": "{i}_token: >-\n  {s}",
  "json name/value fields": '{"name": "{I}_TOKEN", "value": "{s}"}',
  "yaml name/value (env list)": "env:\n- name: {I}_TOKEN\n  value: {s}",
  "yaml flow name/value": "{name: {I}_TOKEN, value: '{s}'}",
  "xml name/value elements": "<property>\n  <name>{i}.token</name>\n  <value>{s}</value>\n</property>",
  "csv name/value row": "name,value\n{i}_token,{s}",
  "fish set -x": "set -x {I}_TOKEN {s}",
  "csh setenv": "setenv {I}_TOKEN {s}",
  "dockerfile legacy ENV": "ENV {I}_TOKEN {s}",
  "python environ subscript": 'os.environ["{I}_TOKEN"] = "{s}"',
  "ruby ENV subscript": "ENV['{I}_TOKEN'] = '{s}'",
  "python triple-quoted": '{i}_token = """{s}"""',
  "toml triple-quoted": "{i}_token = '''{s}'''",
  "csv header column": "exported rows:\nuser,{i}_token,region\nfloe,{s},eu-west-1",
};

/** Where an error carries the text: its message, its stack trace, the span status. */
export const CARRIERS: Readonly<Record<string, (context: string) => string>> = {
  bare: (c) => c,
  message: (c) => `failed to load settings (line 3): ${c}`,
  stack: (c) => `Error: invalid config\n${c}\n    at loadConfig (/app/src/config.ts:41:11)\n    at async main (/app/src/index.ts:9:3)`,
  status: (c) => `503 from https://api.floe.dev/v1/config: ${c}`,
};

export function fill(template: string, identifier: string, secret: string): string {
  const upper = identifier.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
  return template.replaceAll("{i}", identifier).replaceAll("{I}", upper).replaceAll("{s}", secret);
}

/** Lowercase-first identifiers such as `adafruit`, `myApp`, `svc2`. */
export const identifierArb = fc.stringMatching(/^[a-z][a-z]{2,8}(?:[A-Z][a-z]{2,6})?\d?$/);

export const ALPHA_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const ALPHA_LOWER = "abcdefghijklmnopqrstuvwxyz";
export const DIGITS = "0123456789";
export const ALNUM = ALPHA_UPPER + ALPHA_LOWER + DIGITS;
export const HEX = "0123456789abcdef";
export const BASE64URL = ALNUM + "-_";
export const BASE64 = ALNUM + "+/";

/** `n` characters drawn uniformly from `alphabet` (crypto randomness: a fresh value every run). */
export function randomFrom(alphabet: string, n: number): string {
  let out = "";
  for (let i = 0; i < n; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** Like randomFrom, but with at least one digit, one lowercase and one uppercase letter when the alphabet has them. */
export function randomMixed(alphabet: string, n: number): string {
  for (;;) {
    const value = randomFrom(alphabet, n);
    const needs = [/[0-9]/, /[a-z]/, /[A-Z]/].filter((re) => re.test(alphabet));
    if (needs.every((re) => re.test(value))) return value;
  }
}
