/**
 * jscodeshift-style fixture pairs: `<case>.input.<ext>` must become exactly
 * `<case>.output.<ext>` (bytes: BOM and CRLF included), and a second run on
 * the output must change nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { processFile } from "../src/core/process-file.js";
import { decodeSource, encodeSource } from "../src/core/source-text.js";
import type { FileTransform } from "../src/core/types.js";
import { loadTransform, TRANSFORMS } from "../src/transforms/index.js";

const FILE_TRANSFORMS: Record<string, FileTransform> = {};
for (const entry of TRANSFORMS.values()) {
  if (entry.kind === "file") FILE_TRANSFORMS[entry.name] = (await loadTransform(entry.name)) as FileTransform;
}

const FIXTURES = path.join(import.meta.dirname, "fixtures");

/** Runs a transform the way the runner does (decode, transform, re-parse, encode) and returns the new bytes. */
function run(transform: string, file: string): { status: string; bytes: string; reason?: string } {
  const raw = readFileSync(file, "utf8");
  const outcome = processFile({ path: file }, [FILE_TRANSFORMS[transform]!], {});
  const bytes = outcome.content === undefined ? raw : encodeSource(outcome.content, decodeSource(raw));
  return { status: outcome.status, bytes, reason: outcome.reason };
}

for (const transform of Object.keys(FILE_TRANSFORMS)) {
  describe(transform, () => {
    const dir = path.join(FIXTURES, transform);
    const inputs = readdirSync(dir).filter((f) => f.includes(".input."));
    it("has fixtures for TS, TSX, JS, MTS and CJS", () => {
      const exts = new Set(inputs.map((f) => path.extname(f)));
      for (const ext of [".ts", ".tsx", ".js", ".mts", ".cjs"]) expect(exts).toContain(ext);
    });
    for (const input of inputs) {
      const inputPath = path.join(dir, input);
      const outputPath = path.join(dir, input.replace(".input.", ".output."));
      it(`${input} -> ${path.basename(outputPath)}`, () => {
        const result = run(transform, inputPath);
        expect(result.reason).toBeUndefined();
        expect(result.bytes).toBe(readFileSync(outputPath, "utf8"));
      });
      it(`${input}: a second run on the output changes nothing`, () => {
        const again = run(transform, outputPath);
        expect(["unchanged", "skipped"]).toContain(again.status);
        expect(again.bytes).toBe(readFileSync(outputPath, "utf8"));
      });
    }
  });
}

describe("byte-level fixtures", () => {
  it("CRLF fixtures stay CRLF with no bare LF", () => {
    for (const transform of Object.keys(FILE_TRANSFORMS)) {
      const out = readFileSync(path.join(FIXTURES, transform, "crlf.output.ts"), "utf8");
      expect(out).toContain("\r\n");
      expect(out.replace(/\r\n/g, "")).not.toContain("\n");
      expect(out).not.toBe(readFileSync(path.join(FIXTURES, transform, "crlf.input.ts"), "utf8"));
    }
  });
  it("BOM fixtures keep their BOM", () => {
    for (const transform of Object.keys(FILE_TRANSFORMS)) {
      const out = readFileSync(path.join(FIXTURES, transform, "bom.output.ts"), "utf8");
      expect(out.charCodeAt(0)).toBe(0xfeff);
      expect(out.indexOf("\uFEFF", 1)).toBe(-1);
    }
  });
});
