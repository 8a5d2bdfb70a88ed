// The transformed TypeScript fixture packages type-check under strict NodeNext against the real
// @floe/runtime types: the tracerName override, the TRACER_NAME / tracing imports, the
// @tracing.operation decorator (TC39, and legacy where the package's tsconfig sets
// experimentalDecorators) and the generated tracing test skeleton.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Project, ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { loadCases } from "./support/fixture-cases.js";

const TYPECHECKED = [
  "generate-tracing-ts-alert-getter",
  "instrument-operations-ts",
  "instrument-operations-ts-delegation",
  "instrument-operations-ts-helper",
];

const cases = (await loadCases()).filter((c) => TYPECHECKED.includes(c.name));

function usesLegacyDecorators(packageDir: string): boolean {
  try {
    const raw = JSON.parse(readFileSync(path.join(packageDir, "tsconfig.json"), "utf8")) as {
      compilerOptions?: { experimentalDecorators?: boolean };
    };
    return raw.compilerOptions?.experimentalDecorators === true;
  } catch {
    return false;
  }
}

/** One program per decorator dialect (a program is the expensive part). */
function typeCheck(packageDirs: readonly string[], experimentalDecorators: boolean): string {
  const project = new Project({
    skipAddingFilesFromTsConfig: true,
    compilerOptions: {
      strict: true,
      noImplicitOverride: true,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2023.d.ts", "lib.esnext.decorators.d.ts"],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: true,
      noEmit: true,
      types: [],
      experimentalDecorators,
    },
  });
  for (const dir of packageDirs) project.addSourceFilesAtPaths([`${dir}/src/**/*.ts`, `${dir}/test/**/*.ts`]);
  expect(project.getSourceFiles().length).toBeGreaterThan(packageDirs.length);
  return project.formatDiagnosticsWithColorAndContext(project.getPreEmitDiagnostics());
}

describe("generated TypeScript type-checks under strict NodeNext", () => {
  const outputs = cases.map((c) => path.join(c.dir, "output"));

  it("covers every listed fixture", () => {
    expect(cases.map((c) => c.name).sort()).toEqual([...TYPECHECKED].sort());
  });

  it("with TC39 decorators", () => {
    expect(typeCheck(outputs.filter((dir) => !usesLegacyDecorators(dir)), false)).toBe("");
  });

  it("with experimentalDecorators (legacy), as the package's tsconfig asks", () => {
    const legacy = outputs.filter(usesLegacyDecorators);
    expect(legacy.length).toBeGreaterThan(0);
    expect(typeCheck(legacy, true)).toBe("");
  });
});
