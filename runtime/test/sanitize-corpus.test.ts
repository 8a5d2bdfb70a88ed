// The shared sanitizer corpus and our own extra cases, each checked by the corpus README's rules.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sanitizeErrorMessage } from "../src/index.js";

interface CorpusCase {
  id: string;
  family: string;
  message: string;
  secrets: string[];
  keep: string[];
}

function loadCases(file: string): CorpusCase[] {
  const path = fileURLToPath(new URL(`./fixtures/${file}`, import.meta.url));
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as CorpusCase);
}

/** Every 8-character window of a secret (the whole secret when shorter) found in the output. */
function leakedWindows(output: string, secret: string): string[] {
  if (secret.length < 8) return output.includes(secret) ? [secret] : [];
  const leaks: string[] = [];
  for (let i = 0; i + 8 <= secret.length; i++) {
    const window = secret.slice(i, i + 8);
    if (output.includes(window)) leaks.push(window);
  }
  return leaks;
}

function checkCase(c: CorpusCase): void {
  const output = sanitizeErrorMessage(c.message);
  expect(output.length).toBeLessThanOrEqual(500);
  if (c.secrets.length === 0) {
    expect(output).toBe(c.message);
    return;
  }
  for (const secret of c.secrets) expect(leakedWindows(output, secret), `secret ${secret}`).toEqual([]);
  for (const keep of c.keep) expect(output).toContain(keep);
}

const corpus = loadCases("sanitizer-cases.jsonl");
const extra = loadCases("sanitizer-extra-cases.jsonl");

describe("sanitizer corpus (shared development set)", () => {
  it("has the families the README lists", () => {
    expect(corpus.length).toBe(152);
    expect(new Set(corpus.map((c) => c.family)).size).toBeGreaterThanOrEqual(24);
  });
  it.each(corpus.map((c) => [c.id, c.family, c] as const))("%s (%s)", (_id, _family, c) => checkCase(c));
});

describe("sanitizer extra cases (other surface forms, vendors and look-alikes)", () => {
  it("covers benign look-alikes and secrets", () => {
    expect(extra.filter((c) => c.family === "benign").length).toBeGreaterThanOrEqual(40);
    expect(extra.filter((c) => c.secrets.length > 0).length).toBeGreaterThanOrEqual(90);
  });
  it.each(extra.map((c) => [c.id, c.family, c] as const))("%s (%s)", (_id, _family, c) => checkCase(c));
});
