// Pathological 200 KB inputs aimed at each rule family added for the public-scanner formats (assignment
// operators, markup, vendor alternations, base64 JWTs, headless PEM, DER bodies, JWK, RSAKeyValue,
// webhook paths, YAML block scalars, name/value fields, CSV rows, environment commands, triple quotes). Every rule is written without nested quantifiers; these inputs must come back as a
// string, bounded at the default limit, and the whole input is scanned with no limit.
import { describe, expect, it } from "vitest";
import { sanitizeErrorMessage } from "../src/index.js";

const SIZE = 200 * 1024;
const repeatTo = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const INPUTS: Record<string, string> = {
  "Go typed assignments": repeatTo("var fooToken string "),
  "spaces after a key": `token${" ".repeat(SIZE)}`,
  "make operators": repeatTo("FOO_TOKEN ::?= "),
  "PHP concat": repeatTo("$fooToken .= "),
  "quoted call arguments": repeatTo('"FOO_TOKEN", '),
  "unclosed markup": repeatTo("<fooToken>\n    "),
  "open tags without close": `<fooToken>${"x".repeat(SIZE)}`,
  "name/value attributes": repeatTo('<add key="ClearTextPassword" value="'),
  "vendor prefixes": repeatTo("ghp_sk-AKIAxoxb-glpat-pscale_pw_"),
  "long digit runs": "1".repeat(SIZE),
  "telegram-like": repeatTo("12345678:A"),
  "base64 zeros": "A".repeat(SIZE),
  "base64 JWT prefix": repeatTo("ZXlK"),
  "headless PEM ends": repeatTo("-----END PRIVATE KEY-----\n"),
  "headless body lines": `${"QUJD\n".repeat(SIZE / 5)}-----END PRIVATE KEY-----`,
  "DER prefixes": repeatTo("MIIEvQIBADAN\n"),
  "escaped DER lines": `MIIEvQIBADAN${"QUJD\\n".repeat(SIZE / 6)}`,
  "JWK members": `"kty"${repeatTo('"d":"')}`,
  "RSAKeyValue without close": repeatTo("<RSAKeyValue><D>"),
  "slack webhook paths": `hooks.slack.com/services/${"/".repeat(SIZE)}`,
  "x-oauth-basic": repeatTo("//a:x-oauth-basic@"),
  "vendor-named keys": repeatTo("algolia_admin = "),
  "bundler keys": repeatTo("BUNDLE_GEMS__CONTRIBSYS__COM="),
  "ANSI-C quotes": repeatTo("export FOO_TOKEN=$'"),
  "escaped line breaks in values": `FOO_TOKEN=${"a\\".repeat(SIZE / 2)}`,
  "nested YAML block scalars": repeatTo("key: |\n  "),
  "YAML block scalar lines": `password: |\n${"  x\n".repeat(SIZE / 4)}`,
  "name/value fields": repeatTo("- name: PASSWORD\n  value: "),
  "JSON name/value fields": repeatTo('{"name":"token","value":"'),
  "Hadoop name/value elements": repeatTo("<name>token</name><value>"),
  "CSV credential columns": repeatTo("user,password\n"),
  "CSV name/value rows": repeatTo("x,api_token\n"),
  "credential words in one long word": repeatTo("passtokensecret"),
  "environment commands": repeatTo("set -x -g FOO_TOKEN "),
  "subscript assignments": repeatTo('ENV["FOO_TOKEN"] = '),
  "unclosed triple quotes": repeatTo('password = """'),
};

describe("adversarial 200 KB inputs", () => {
  it.each(Object.entries(INPUTS))("%s: never throws, bounded at the default limit, scans all with no limit", (_name, input) => {
    const bounded = sanitizeErrorMessage(input);
    expect(typeof bounded).toBe("string");
    expect(bounded.length).toBeLessThanOrEqual(500);
    const unbounded = sanitizeErrorMessage(input, { maxLength: Infinity });
    expect(typeof unbounded).toBe("string");
    expect(unbounded.length).toBeLessThanOrEqual(2 * input.length);
  });
});
