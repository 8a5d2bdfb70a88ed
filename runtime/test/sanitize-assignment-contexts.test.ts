// Every assignment context real code and config use, carried in a message, a stack trace and a status:
// a freshly generated secret goes and every other byte of the context stays.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REDACTED, sanitizeErrorMessage } from "../src/index.js";
import { ALNUM, ASSIGNMENT_CONTEXTS, BASE64, CARRIERS, HEX, fill, identifierArb, randomMixed, randomFrom } from "./support/secret-contexts.js";

const secretArb = fc.oneof(
  fc.integer({ min: 16, max: 48 }).map((n) => randomMixed(ALNUM, n)),
  fc.integer({ min: 20, max: 44 }).map((n) => randomMixed(BASE64, n)),
  fc.integer({ min: 32, max: 64 }).map((n) => randomFrom(HEX, n).replace(/^./, "a").replace(/.$/, "7")),
);

describe("assignment contexts", () => {
  for (const [contextName, template] of Object.entries(ASSIGNMENT_CONTEXTS)) {
    for (const [carrierName, carry] of Object.entries(CARRIERS)) {
      it(`${contextName} in a ${carrierName}: only the value goes`, () => {
        fc.assert(
          fc.property(identifierArb, secretArb, (identifier, secret) => {
            const input = carry(fill(template, identifier, secret));
            expect(sanitizeErrorMessage(input)).toBe(carry(fill(template, identifier, REDACTED)));
          }),
          { numRuns: 25 },
        );
      });
    }
  }

  it.each([
    ['<add key="ClearTextPassword" value="{s}" />'],
    ['<property name="spring.datasource.password" value="{s}"/>'],
    ["<ApiKey>\n\t{s}\n</ApiKey>"],
    ["<licenseKey>{s}</licenseKey>"],
  ])("markup %s", (template) => {
    const secret = randomMixed(ALNUM, 32);
    expect(sanitizeErrorMessage(template.replace("{s}", secret))).toBe(template.replace("{s}", REDACTED));
  });

  it.each([
    "<primaryKey>id</primaryKey>",
    "<cacheKey>users:42:profile</cacheKey>",
    '<entry name="tokenizer" value="bert-base-uncased" />',
    '<add key="ClientSettingsProvider.ServiceUri" value="https://example.com/svc" />',
    '<requestKey>\n    6f1c8a2e-4b3d-4e5f-9a0b-1c2d3e4f5a6b\n</requestKey>',
    'var tokenCount int = 42',
    'f(token, limit)',
    'headers.set("X-Request-Id", "req-2024-11-24")',
    'System.setProperty("PASSWORD_MIN_LENGTH", "12")',
    'TOKEN_URL ?= "https://auth.floe.dev/token"',
    "name,value\ntoken_type,bearer",
    "user,token_count,region\nfloe,42,eu-west-1",
    "env:\n- name: LOG_LEVEL\n  value: debug",
    '{"name": "token_endpoint", "value": "https://auth.floe.dev/token"}',
    "<property>\n  <name>fs.s3a.endpoint</name>\n  <value>s3.eu-west-1.amazonaws.com</value>\n</property>",
    "description: |\n  rotate the signing key monthly",
    "password: |\n  ${DB_PASSWORD}",
    "retrying after 3 attempts, token refresh pending, backoff 2s",
    "set -x PATH /usr/local/bin",
    "ENV NODE_ENV production",
    'config["token_type"] = "bearer"',
    'if (headers["authorization"] == expected) return',
    'description = """rotate the signing key monthly"""',
  ])("leaves look-alikes byte-identical: %s", (text) => {
    expect(sanitizeErrorMessage(text)).toBe(text);
  });
});

describe("values with their own separators", () => {
  it("a spaced assignment keeps a value that contains '=' whole (`key = a=b`)", () => {
    const secret = `${randomMixed(ALNUM, 20)}=${randomMixed(ALNUM, 12)}=${randomMixed(ALNUM, 4)}`;
    expect(sanitizeErrorMessage(`intercomToken = ${secret}`)).toBe(`intercomToken = ${REDACTED}`);
  });

  it("an empty value before the next pair stays empty (`password= user=floe`)", () => {
    expect(sanitizeErrorMessage("password= user=floe host=db")).toBe("password= user=floe host=db");
  });
});
