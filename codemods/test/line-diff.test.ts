/**
 * The linear line diff and the edit-based changed lines: every unified diff
 * applies (with `diff`'s own applyPatch) to give exactly the new text, small
 * cases match `diff`'s output byte for byte, and the changed lines read off a
 * transform's edits are the lines a `diff -U0` would name.
 */
import { applyPatch, createTwoFilesPatch, structuredPatch } from "diff";
import { describe, expect, it } from "vitest";
import { changedLinesOfEdits } from "../src/core/edit-lines.js";
import { changedLinesOfTexts, diffLines, splitLines, unifiedDiff } from "../src/core/line-diff.js";
import { sanitizeExceptions } from "../src/transforms/sanitize-exceptions.js";
import type { TransformResult } from "../src/core/types.js";

/** Deterministic pseudo-random texts built from a small alphabet of lines (many repeats, like real code). */
function randomText(seed: number, lines: number, alphabet: readonly string[]): string {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(alphabet[Math.floor(next() * alphabet.length)]!);
  return out.join("\n") + (next() < 0.5 ? "\n" : "");
}

function mutate(text: string, seed: number): string {
  let x = seed;
  const next = () => (x = (x * 69069 + 1) % 4294967296) / 4294967296;
  const lines = text.split("\n");
  for (let k = 0; k < 6; k++) {
    const at = Math.floor(next() * lines.length);
    const op = next();
    if (op < 0.33) lines.splice(at, 1);
    else if (op < 0.66) lines.splice(at, 0, `inserted ${k}`);
    else lines[at] = `replaced ${k}`;
  }
  return lines.join("\n");
}

const ALPHABET = ["{", "}", "", "  return x;", "const a = 1;", "foo();", "bar();", "  }"];

describe("unifiedDiff", () => {
  it("applies to the old text to give exactly the new one, on texts full of repeated lines", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const before = randomText(seed, 5 + (seed % 40), ALPHABET);
      const after = mutate(before, seed * 7);
      const patch = unifiedDiff("a/f.ts", "b/f.ts", before, after);
      expect(applyPatch(before, patch), `seed ${seed}`).toBe(after);
    }
  });

  it("prints what diff's createTwoFilesPatch prints for small changes", () => {
    const cases: [string, string][] = [
      ["a\nb\nc\n", "a\nB\nc\nd"],
      ["", "a\n"],
      ["a\n", ""],
      ["x\ny", "x\ny\n"],
      ["1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "1\n2\n3\nfour\n5\n6\n7\n8\n9\nten\n11\n12\n"],
    ];
    for (const [before, after] of cases) {
      expect(unifiedDiff("a/x", "b/x", before, after)).toBe(createTwoFilesPatch("a/x", "b/x", before, after));
    }
  });

  it("stays linear on a file with 20,000 changed lines between unique ones", () => {
    const site = (i: number, call: string) => `export function f${i}(span) {\n  try {\n    run();\n  } catch (err) {\n    ${call}\n  }\n}\n`;
    const before = Array.from({ length: 20_000 }, (_, i) => site(i, "span.recordException(err);")).join("");
    const after = Array.from({ length: 20_000 }, (_, i) => site(i, "recordSanitizedException(span, err);")).join("");
    const regions = diffLines(splitLines(before), splitLines(after));
    expect(regions).toHaveLength(20_000);
    expect(regions[0]).toEqual({ aStart: 4, aEnd: 5, bStart: 4, bEnd: 5 });
    expect(applyPatch(before, unifiedDiff("a", "b", before, after))).toBe(after);
  });

  it("falls back to one replaced block for a big gap without unique lines, still a correct patch", () => {
    const before = "{\n}\n".repeat(800);
    const after = "}\n{\n".repeat(800);
    const patch = unifiedDiff("a", "b", before, after);
    expect(applyPatch(before, patch)).toBe(after);
  });
});

describe("changed lines", () => {
  it("from a linear text comparison: the hunk starts diff -U0 reports", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const before = randomText(seed, 30, ["alpha", "beta", "gamma", "delta", "eps"].map((w, i) => `${w} ${seed % (i + 2)}`));
      const after = mutate(before, seed * 13);
      const expected = structuredPatch("a", "b", before, after, undefined, undefined, { context: 0 }).hunks.map((h) => Math.max(1, h.oldStart + (h.oldLines === 0 ? 1 : 0)));
      // both are correct diffs; when the line alignment is unambiguous (unique lines) they agree
      if (new Set(before.split("\n")).size === before.split("\n").length) expect(changedLinesOfTexts(before, after)).toEqual(expected);
      else expect(changedLinesOfTexts(before, after).length).toBeGreaterThan(0);
    }
  });

  it("from the edits of sanitize-exceptions: the import line and each rewritten call", () => {
    const source = `// header\nimport type { Span } from "@opentelemetry/api";\n\nexport function a(span: Span, e: Error) {\n  span.recordException(e);\n}\n\nexport function b(span: Span, e: Error) {\n  span.recordException(e);\n  span.recordException(e);\n}\n`;
    const result = sanitizeExceptions.transform({ path: "/v/a.ts", source }, "ts", {}) as TransformResult;
    expect(result.edits.length).toBeGreaterThan(0);
    const fromEdits = changedLinesOfEdits(source, result.edits);
    expect(fromEdits).toEqual(changedLinesOfTexts(source, result.text));
    expect(fromEdits).toEqual([3, 5, 9]);
  });

  it("from edits: insertions before a line, after a line, replacements across lines, no-op edits", () => {
    const source = "one\ntwo\nthree\nfour\n";
    expect(changedLinesOfEdits(source, [{ start: 4, end: 4, text: "new\n" }])).toEqual([2]);
    expect(changedLinesOfEdits(source, [{ start: 3, end: 3, text: "\nnew" }])).toEqual([2]);
    expect(changedLinesOfEdits(source, [{ start: 5, end: 10, text: "X" }])).toEqual([2]);
    expect(changedLinesOfEdits(source, [{ start: 0, end: 3, text: "one" }])).toEqual([]);
    expect(
      changedLinesOfEdits(source, [
        { start: 0, end: 1, text: "O" },
        { start: 4, end: 5, text: "T" },
        { start: 14, end: 15, text: "F" },
      ]),
    ).toEqual([1, 4]);
  });
});
