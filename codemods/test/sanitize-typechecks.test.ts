/**
 * sanitize-exceptions output type-checks against the real @floe/runtime types:
 * ES modules (bundler resolution), and CommonJS TypeScript under NodeNext with
 * `verbatimModuleSyntax`, where an ES `import` would not compile (TS1286) and
 * the codemod writes `import floeRuntime = require("@floe/runtime")` instead.
 * Non-Span receivers the guard left alone still type-check (a rewrite into
 * `recordSanitizedException(ledger, e)` would not).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { PACKAGE_DIR } from "./helpers.js";

const FIXTURES = path.join(import.meta.dirname, "fixtures", "sanitize-exceptions");
const read = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

const temp = mkdtempSync(path.join(os.tmpdir(), "floe-sanitize-typecheck-"));
// @floe/runtime and @opentelemetry/api resolve from the repository's node_modules.
symlinkSync(path.join(PACKAGE_DIR, "..", "node_modules"), path.join(temp, "node_modules"), "dir");
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Writes the files to a fresh folder (module format follows the extension, as on disk) and type-checks them. */
function diagnostics(files: Record<string, string>, options: ts.CompilerOptions): string {
  const dir = mkdtempSync(path.join(temp, "case-"));
  mkdirSync(dir, { recursive: true });
  const roots = Object.entries(files).map(([name, text]) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  });
  const program = ts.createProgram(roots, { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, types: ["node"], ...options });
  const host: ts.FormatDiagnosticsHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => dir, getNewLine: () => "\n" };
  return ts.formatDiagnostics(ts.getPreEmitDiagnostics(program), host);
}

describe("sanitize-exceptions output type-checks", () => {
  it("ES modules: setStatus shapes, the Span guard's notes, a relative class", () => {
    const text = diagnostics(
      {
        "set-status-shapes.ts": read("set-status-shapes.output.ts"),
        "span-guard.ts": read("span-guard.output.ts").replace('"./span-guard-journal"', '"./span-guard-journal.js"'),
        "span-guard-journal.ts": read("span-guard-journal.ts"),
      },
      { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
    );
    expect(text).toBe("");
  });

  it("CommonJS TypeScript under NodeNext + verbatimModuleSyntax: import = require, created or reused", () => {
    const asScript = (source: string) => source.replace(/^export function (\w+)/m, "function $1").concat("export = fail;\n");
    const cjs = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, verbatimModuleSyntax: true };
    expect(
      diagnostics({ "created.cts": asScript(read("import-equals.output.ts")), "reused.cts": asScript(read("import-equals-existing.output.ts")) }, cjs),
    ).toBe("");
    // The ES import the codemod avoids would not compile here.
    const esImport = asScript(read("import-equals.output.ts"))
      .replace('import floeRuntime = require("@floe/runtime");', 'import { recordSanitizedException, sanitizeErrorMessage } from "@floe/runtime";')
      .replace(/floeRuntime\./g, "");
    expect(diagnostics({ "es-import.cts": esImport }, cjs)).toContain("TS1286");
  });
});
