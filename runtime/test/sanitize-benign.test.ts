// Benign look-alikes stay byte-identical (property tests): identifiers, UUIDs, git SHAs and digests,
// trace ids, file paths and stack frames, URLs without credentials, version strings, and base64 that
// is not a credential, bare and after ordinary keys, in messages that look like real errors.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sanitizeErrorMessage } from "../src/index.js";

const hex = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${min},${max}}$`));
const word = fc.stringMatching(/^[a-z]{2,10}$/);
const identifier = fc.oneof(
  fc.tuple(word, word).map(([a, b]) => `${a}${b[0]!.toUpperCase()}${b.slice(1)}`),
  fc.tuple(word, word, fc.integer({ min: 0, max: 99 })).map(([a, b, n]) => `${a}_${b}_${n}`),
  fc.tuple(word, word).map(([a, b]) => `${a[0]!.toUpperCase()}${a.slice(1)}${b[0]!.toUpperCase()}${b.slice(1)}Error`),
);
const uuid = fc.uuid();
const gitSha = fc.oneof(hex(40, 40), hex(7, 12));
const digest = hex(64, 64).map((h) => `sha256:${h}`);
const traceId = hex(32, 32);
const filePath = fc.tuple(fc.array(word, { minLength: 1, maxLength: 4 }), word, fc.constantFrom("ts", "js", "py", "sql", "yaml")).map(([dirs, f, ext]) => `/app/${dirs.join("/")}/${f}.${ext}`);
const stackFrame = fc.tuple(identifier, identifier, filePath, fc.nat(999), fc.nat(99)).map(([cls, fn, path, line, col]) => `    at ${cls}.${fn} (${path}:${line + 1}:${col + 1})`);
const url = fc.tuple(fc.array(word, { minLength: 2, maxLength: 3 }), fc.array(word, { maxLength: 3 }), fc.nat(100)).map(([host, path, page]) => `https://${host.join(".")}/${path.join("/")}?page=${page}&limit=50`);
const version = fc.tuple(fc.nat(30), fc.nat(30), fc.nat(99), fc.constantFrom("", "-rc.1", "-beta.2+build.7", "+sha.5114f85")).map(([a, b, c, suffix]) => `${a}.${b}.${c}${suffix}`);
const prose = fc.array(fc.constantFrom("the", "request", "failed", "while", "loading", "table", "orders", "retry", "later", "connection", "reset"), { minLength: 3, maxLength: 8 }).map((w) => w.join(" "));
const base64Text = prose.map((text) => Buffer.from(`${text} at ${new Date(0).toISOString()}`).toString("base64"));

const BENIGN = { identifier, uuid, gitSha, digest, traceId, filePath, stackFrame, url, version, base64Text };

/** Keys under which these values appear in real messages; none names a credential. */
const KEYED = ["request_id", "commit", "image", "trace_id", "path", "url", "version", "payload", "run_id", "checksum"];

describe("benign text stays byte-identical", () => {
  for (const [name, arbitrary] of Object.entries(BENIGN)) {
    it(`${name}: bare, in a sentence, after an ordinary key, in JSON and in a stack trace`, () => {
      fc.assert(
        fc.property(arbitrary, fc.constantFrom(...KEYED), prose, (value, key, sentence) => {
          const texts = [
            value,
            `${sentence}: ${value}`,
            `${key}=${value} ${sentence}`,
            JSON.stringify({ [key]: value, status: 503 }),
            `Error: ${sentence} (${value})\n    at Runner.execute (/app/src/runner.ts:77:5)`,
          ];
          for (const text of texts) expect(sanitizeErrorMessage(text, { maxLength: 4000 })).toBe(text);
        }),
        { numRuns: 150 },
      );
    });
  }

  it("a whole realistic stack trace with ids and versions", () => {
    fc.assert(
      fc.property(fc.array(stackFrame, { minLength: 2, maxLength: 8 }), uuid, version, gitSha, (frames, id, v, sha) => {
        const text = `CatalogError: table orders not found (request ${id}, floe ${v}, build ${sha})\n${frames.join("\n")}`;
        expect(sanitizeErrorMessage(text, { maxLength: 4000 })).toBe(text);
      }),
      { numRuns: 150 },
    );
  });
});
