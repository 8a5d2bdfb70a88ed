/**
 * The sanitizer case files (shared corpus, our extra cases, the held-out set) share one format and
 * one check, the corpus README's rules: a case without secrets comes back byte-identical; otherwise
 * no secret (nor any 8-character window of one) survives, every `keep` string does, and the output
 * fits the default 500-character budget. Defined once so both test files check the same thing.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { sanitizeErrorMessage } from "../../src/index.js";
import { leakedSecrets } from "../../src/testing/index.js";

export interface SanitizerCase {
  id: string;
  family: string;
  message: string;
  secrets: string[];
  keep: string[];
}

/** The cases of a JSON-lines file under `test/fixtures/`. */
export function loadSanitizerCases(file: string): SanitizerCase[] {
  return readFileSync(fileURLToPath(new URL(`../fixtures/${file}`, import.meta.url)), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as SanitizerCase);
}

/** Sanitizes the case's message and checks it by the corpus README's rules. */
export function expectSanitizedByCorpusRules(c: SanitizerCase): void {
  const output = sanitizeErrorMessage(c.message);
  expect(output.length).toBeLessThanOrEqual(500);
  if (c.secrets.length === 0) {
    expect(output).toBe(c.message);
    return;
  }
  expect(leakedSecrets(output, c.secrets), `leaked in ${output}`).toEqual([]);
  for (const keep of c.keep) expect(output, `keep ${keep}`).toContain(keep);
}
