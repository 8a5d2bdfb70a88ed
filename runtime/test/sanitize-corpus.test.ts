// The shared sanitizer corpus and our own extra cases, each checked by the corpus README's rules.
import { describe, expect, it } from "vitest";
import { expectSanitizedByCorpusRules, loadSanitizerCases } from "./support/sanitizer-cases.js";

const corpus = loadSanitizerCases("sanitizer-cases.jsonl");
const extra = loadSanitizerCases("sanitizer-extra-cases.jsonl");

describe("sanitizer corpus (shared development set)", () => {
  it("has the families the README lists", () => {
    expect(corpus.length).toBe(152);
    expect(new Set(corpus.map((c) => c.family)).size).toBeGreaterThanOrEqual(24);
  });
  it.each(corpus.map((c) => [c.id, c.family, c] as const))("%s (%s)", (_id, _family, c) => expectSanitizedByCorpusRules(c));
});

describe("sanitizer extra cases (other surface forms, vendors and look-alikes)", () => {
  it("covers benign look-alikes and secrets", () => {
    expect(extra.filter((c) => c.family === "benign").length).toBeGreaterThanOrEqual(40);
    expect(extra.filter((c) => c.secrets.length > 0).length).toBeGreaterThanOrEqual(90);
  });
  it.each(extra.map((c) => [c.id, c.family, c] as const))("%s (%s)", (_id, _family, c) => expectSanitizedByCorpusRules(c));
});
