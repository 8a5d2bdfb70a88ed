/**
 * The type-aware rules (`requireSpanType`, as in `recommended-type-checked`) on every
 * TypeScript minor of the peer range: optional spans (`span?.recordException`,
 * `s?.setStatus`, `s?.setAttribute("password", ...)`) are reported, a class of our own with
 * the same methods is not. TypeScript 6 renumbered `TypeFlags`; hard-coded numbers made
 * every optional span silently unreported.
 *
 * The repo's TypeScript always runs. Other minors run through scratch installs outside the
 * repo (`node scripts/ts-matrix.mjs install`) and are skipped, by name, when absent: the
 * plugin's src/ is copied into each scratch project, so that its lazily loaded `typescript`
 * resolves to that project's TypeScript, as it would in a user's project.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import os from "node:os";
import path from "node:path";
import { Linter } from "eslint";
import type * as ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import repoPlugin, { type FloePlugin } from "../src/index.js";
import { typescript as repoTypescript } from "../src/util/typescript.js";
import { isInstalled, matrixDir, TS_MATRIX } from "../scripts/ts-matrix.mjs";

const repoRequire = createRequire(import.meta.url);

const SOURCE = `import { SpanStatusCode, type Span } from "@opentelemetry/api";

class Recorder {
  recordException(_e: unknown): void {}
  setStatus(_s: { code: number; message?: string }): void {}
  setAttribute(_k: string, _v: unknown): this { return this; }
}

export function fail(span: Span | undefined, s: Span | undefined, r: Recorder, e: Error): void {
  span?.recordException(e);
  s?.setStatus({ code: SpanStatusCode.ERROR, message: e.message });
  s?.setAttribute("password", "hunter2");
  r.recordException(e);
  r.setStatus({ code: SpanStatusCode.ERROR, message: e.message });
  r.setAttribute("password", "hunter2");
}
`;

const EXPECTED = [
  { ruleId: "floe/no-raw-record-exception", line: 10 },
  { ruleId: "floe/no-unsanitized-span-status", line: 11 },
  { ruleId: "floe/no-sensitive-span-attributes", line: 12 },
];

const scratchDirs: string[] = [];
afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/** A small TS project (tsconfig + file) that resolves `@opentelemetry/api` from the repo. */
function writeProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "floe-ts-matrix-"));
  scratchDirs.push(dir);
  const tsconfig = {
    compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true, noEmit: true, types: [] },
    include: ["file.ts"],
  };
  writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
  writeFileSync(path.join(dir, "file.ts"), SOURCE);
  mkdirSync(path.join(dir, "node_modules", "@opentelemetry"), { recursive: true });
  const entry = repoRequire.resolve("@opentelemetry/api");
  const otelApi = entry.slice(0, entry.lastIndexOf(`${path.sep}@opentelemetry${path.sep}api${path.sep}`)) + `${path.sep}@opentelemetry${path.sep}api`;
  symlinkSync(otelApi, path.join(dir, "node_modules", "@opentelemetry", "api"), "dir");
  return dir;
}

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

interface Setup {
  plugin: FloePlugin;
  parser: Linter.Parser;
  /** The `typescript` the plugin loaded, and the one installed where it runs. */
  pluginTypescript: typeof ts;
  installedTypescript: typeof ts;
}

/** A fresh copy of the plugin's sources inside a scratch project, loaded from there. */
async function setupIn(dir: string): Promise<Setup> {
  const copy = path.join(dir, "eslint-plugin-floe");
  rmSync(copy, { recursive: true, force: true });
  cpSync(path.join(PACKAGE_DIR, "src"), path.join(copy, "src"), { recursive: true });
  cpSync(path.join(PACKAGE_DIR, "package.json"), path.join(copy, "package.json"));
  const load = createRequire(path.join(copy, "package.json"));
  const index = (await import(pathToFileURL(path.join(copy, "src", "index.ts")).href)) as { default: FloePlugin };
  const loader = (await import(pathToFileURL(path.join(copy, "src", "util", "typescript.ts")).href)) as { typescript: () => typeof ts };
  return {
    plugin: index.default,
    parser: load("@typescript-eslint/parser") as Linter.Parser,
    pluginTypescript: loader.typescript(),
    installedTypescript: load("typescript") as typeof ts,
  };
}

function setupInRepo(): Setup {
  return {
    plugin: repoPlugin,
    parser: repoRequire("@typescript-eslint/parser") as Linter.Parser,
    pluginTypescript: repoTypescript(),
    installedTypescript: repoRequire("typescript") as typeof ts,
  };
}

function lintWith({ plugin, parser }: Setup, project: string) {
  const linter = new Linter({ configType: "flat", cwd: project });
  return linter.verify(
    SOURCE,
    [
      {
        files: ["**/*.ts"],
        languageOptions: { parser, parserOptions: { project: "./tsconfig.json", tsconfigRootDir: project } },
      },
      { files: ["**/*.ts"], ...plugin.configs["recommended-type-checked"] } as Linter.Config,
    ],
    path.join(project, "file.ts"),
  );
}

function checkTypeScript(setup: Setup): string {
  // The plugin reads `ts.TypeFlags` of the TypeScript installed where it runs.
  expect(setup.pluginTypescript).toBe(setup.installedTypescript);
  const messages = lintWith(setup, writeProject());
  expect(messages.filter((m) => m.fatal || !m.ruleId)).toEqual([]);
  expect(messages.map(({ ruleId, line }) => ({ ruleId, line }))).toEqual(EXPECTED);
  return setup.installedTypescript.version;
}

describe("type-aware rules on every TypeScript minor of the peer range", () => {
  it(`the repo's TypeScript (${(repoRequire("typescript/package.json") as { version: string }).version})`, () => {
    checkTypeScript(setupInRepo());
  });

  for (const version of TS_MATRIX) {
    const dir = matrixDir(version);
    const installed = isInstalled(version);
    const title = installed ? `TypeScript ${version}` : `TypeScript ${version} (skipped: not installed in ${dir}; run node scripts/ts-matrix.mjs install)`;
    it.skipIf(!installed)(title, async () => {
      expect(checkTypeScript(await setupIn(dir))).toBe(version);
    }, 60_000);
  }
});
