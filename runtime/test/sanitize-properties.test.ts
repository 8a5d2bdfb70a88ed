// Properties of sanitizeErrorMessage over generated input (fast-check) and adversarial huge inputs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REDACTED, sanitizeErrorMessage } from "../src/index.js";

const anyText = fc.oneof(fc.string({ maxLength: 600 }), fc.string({ unit: "binary", maxLength: 600 }), fc.string({ unit: "grapheme", maxLength: 200 }));

/** Text assembled from the pieces messages and credentials are made of, so rules actually fire. */
const messageLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "password", "token", "api_key", "secret", "Authorization", "Bearer ", "Basic ", "Cookie: ", "=", ": ", "\"", "'",
        "&", "?", ";", " ", "\n", "\\n", "//", "@", ":", "-----BEGIN PRIVATE KEY-----", "-----END PRIVATE KEY-----",
        "eyJ", ".", "--password ", "AKIA", "ghp_", "xoxb-", "sk-", "4111 1111 1111 1111", "<", ">", "{{", "}}", "${", "}",
        "%3D", "%26", REDACTED, "…", "\uD800", "😀",
      ),
      fc.string({ maxLength: 24 }),
      fc.stringMatching(/^[A-Za-z0-9+/=_-]{8,40}$/),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

const maxLength = fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 700 }));

describe("sanitizeErrorMessage properties", () => {
  it("never throws and always returns a string within maxLength (strings)", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, messageLike), maxLength, (text, max) => {
        const output = sanitizeErrorMessage(text, max === undefined ? undefined : { maxLength: max });
        expect(typeof output).toBe("string");
        expect(output.length).toBeLessThanOrEqual(max ?? 500);
      }),
      { numRuns: 600 },
    );
  });

  it("never throws for arbitrary values", () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withNullPrototype: true, withBoxedValues: true, withSparseArray: true }), (value) => {
        const output = sanitizeErrorMessage(value);
        expect(typeof output).toBe("string");
        expect(output.length).toBeLessThanOrEqual(500);
      }),
      { numRuns: 300 },
    );
  });

  it("is idempotent on its own output", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, messageLike), (text) => {
        const once = sanitizeErrorMessage(text);
        expect(sanitizeErrorMessage(once)).toBe(once);
      }),
      { numRuns: 600 },
    );
  });

  it("leaves short text without credential words, digits runs or URLs unchanged", () => {
    const plain = fc.stringMatching(/^[a-z ,.()'!?-]{0,200}$/);
    fc.assert(
      fc.property(plain, (text) => {
        expect(sanitizeErrorMessage(text)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("redacts a generated credential after a secret-named key in any surface form", () => {
    const key = fc.constantFrom("password", "DB_PASSWORD", "clientSecret", "api_key", "X-Api-Key", "access_token", "auth_token", "PGPASSWORD", "secret");
    const form = fc.constantFrom(
      (k: string, v: string) => `${k}=${v}`,
      (k: string, v: string) => `${k}: ${v}`,
      (k: string, v: string) => `"${k}": "${v}"`,
      (k: string, v: string) => `${k} = '${v} x'`,
      (k: string, v: string) => `--${k} ${v}`,
      (k: string, v: string) => `--${k}=${v}`,
      (k: string, v: string) => `?a=1&${k}=${v}&b=2`,
      (k: string, v: string) => `<${k}>${v}</${k}>`,
    );
    const credential = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9+/_~!*-]{11,39}$/).filter((v) => /[0-9]/.test(v) && /[A-Z]/.test(v) && /[a-z]/.test(v));
    const context = fc.constantFrom("login failed: ", "", "config ", "(");
    fc.assert(
      fc.property(key, form, credential, context, (k, f, v, prefix) => {
        const output = sanitizeErrorMessage(`${prefix}${f(k, v)} host=db.floe.svc`);
        expect(output).not.toContain(v.slice(0, 8));
        expect(output).toContain(REDACTED);
        expect(output).toContain("db.floe.svc");
      }),
      { numRuns: 400 },
    );
  });
});

describe("adversarial huge inputs", () => {
  const MB = 1 << 20;
  const patterns: Record<string, string> = {
    "a:a:": "a:".repeat(MB / 2),
    "://": "://".repeat(MB / 3),
    "password=": "password=".repeat(MB / 9),
    "@@@": "@".repeat(MB),
    "unterminated base64": "A".repeat(MB),
    "unterminated PEM headers": "-----BEGIN PRIVATE KEY-----\n".repeat(MB / 28),
    "Bearer Bearer": "Bearer ".repeat(MB / 7),
    "digits": "4111 ".repeat(MB / 5),
    "quotes": '"password": "'.repeat(MB / 13),
  };

  it.each(Object.entries(patterns))("%s: bounded output at the default limit and with no limit", (_name, input) => {
    const bounded = sanitizeErrorMessage(input);
    expect(bounded.length).toBeLessThanOrEqual(500);
    const unbounded = sanitizeErrorMessage(input, { maxLength: Infinity });
    expect(typeof unbounded).toBe("string");
  });
});
