/**
 * Type tests of the runtime's public types for shapes real plugins have, compiled by the TypeScript
 * compiler in both decorator dialects (TC39 standard decorators and `experimentalDecorators`):
 * `readonly floeApiVersion` / `readonly tracerName` properties over PluginMetadata (TS2610 before), and
 * `attributesFn` taking fewer parameters than the decorated method. The fixtures carry `expectTypeOf`
 * assertions; a mismatching `attributesFn` must still be an error.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "types");

const FILES = ["plugin-metadata-members.ts", "traced-attributes-fn.ts", "traced-attributes-fn-mismatch.ts"];
const programs = new Map<boolean, ts.Program>();

/** One program per decorator dialect over all fixtures, with the options of a stranger's plugin repo. */
function programFor(experimentalDecorators: boolean): ts.Program {
  let program = programs.get(experimentalDecorators);
  if (program) return program;
  program = ts.createProgram(FILES.map((f) => path.join(fixtures, f)), {
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2023.d.ts", "lib.esnext.disposable.d.ts", "lib.esnext.decorators.d.ts"],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
    experimentalDecorators,
  });
  programs.set(experimentalDecorators, program);
  return program;
}

function diagnostics(file: string, experimentalDecorators: boolean): string[] {
  const program = programFor(experimentalDecorators);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(path.join(fixtures, file)))
    .map((d) => `TS${d.code} ${d.file ? path.basename(d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

describe.each([
  ["TC39 decorators", false],
  ["experimentalDecorators", true],
])("public types (%s)", (_mode, experimentalDecorators) => {
  it("a plugin may declare floeApiVersion and tracerName as readonly properties or as accessors", () => {
    expect(diagnostics("plugin-metadata-members.ts", experimentalDecorators)).toEqual([]);
  });

  it("attributesFn may take fewer parameters than the decorated method or wrapped function", () => {
    expect(diagnostics("traced-attributes-fn.ts", experimentalDecorators)).toEqual([]);
  });

  it("an attributesFn whose parameters do not match is an error", () => {
    const found = diagnostics("traced-attributes-fn-mismatch.ts", experimentalDecorators);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join("\n")).toContain("TS2345");
  });
});
