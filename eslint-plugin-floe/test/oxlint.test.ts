/**
 * Our rules run unchanged in oxlint, as a JS plugin (its ESLint-compatible plugin API):
 * the built plugin is listed in `.oxlintrc.json`'s `jsPlugins` with the severities of
 * `configs.recommended`, and oxlint and ESLint lint the same tree: the inputs of
 * floe-codemod's fixtures (aliases, namespaces, CommonJS, BOM, CRLF, JSX, plugin
 * packages), the bundled legacy example (with its unparsable script) and a file for what
 * those do not cover (credentials in attributes, a wrong tracer-name category, a call
 * that only gets a suggestion). Both must report the same findings at the same places,
 * and `oxlint --fix` (run until nothing changes) must write what `eslint --fix` writes,
 * except in the files whose module kind the two see differently (SOURCE_TYPE_DIFFERS).
 *
 * What differs is asserted too, so that the list in the README cannot go stale:
 * suggestions are applied only by `oxlint --fix-suggestions`, and oxlint gives JS plugins
 * no type information, so `recommended-type-checked` reports what `recommended` does.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ESLint, type Linter } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FloePlugin } from "../src/index.js";
import { BUILT_PLUGIN, runOxlint, sortFindings, writeOxlintConfig, type Finding } from "./support/oxlint.js";

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const REPO = path.resolve(PACKAGE_DIR, "..");
const CODEMOD_FIXTURES = path.join(REPO, "codemods", "test", "fixtures");

/**
 * Files whose module kind the two linters see differently, and what oxlint's fix does there.
 * ESLint takes a `.js` file as `sourceType: "module"` (its default) and its fix adds an
 * `import`; oxlint infers `script` from a `.js` file without `import`/`export` and
 * `commonjs` for `.cts`, where the rules fix with `require` when the file already
 * `require`s (as floe-codemod does) and otherwise report without a fix.
 */
const SOURCE_TYPE_DIFFERS: Record<string, "as floe-codemod" | "reported, not fixed"> = {
  "codemod/sanitize-exceptions/commonjs-existing.input.js": "as floe-codemod",
  "codemod/sanitize-exceptions/header-bom-crlf.input.js": "reported, not fixed",
  "codemod/sanitize-exceptions/strict-script.input.js": "reported, not fixed",
  "codemod/sanitize-exceptions/script.input.cts": "reported, not fixed",
};

let plugin: FloePlugin;
let tree: string;

/** The tree both linters see, copied out of the repo (no config of ours applies there). */
function copyCorpus(into: string): void {
  for (const transform of ["sanitize-exceptions", "rename-operation-name"]) {
    const dir = path.join(into, "codemod", transform);
    mkdirSync(dir, { recursive: true });
    for (const f of readdirSync(path.join(CODEMOD_FIXTURES, transform)).filter((f) => f.includes(".input."))) {
      cpSync(path.join(CODEMOD_FIXTURES, transform, f), path.join(dir, f));
    }
  }
  for (const project of readdirSync(path.join(CODEMOD_FIXTURES, "project"))) {
    cpSync(path.join(CODEMOD_FIXTURES, "project", project, "input"), path.join(into, "codemod", "project", project), { recursive: true });
  }
  cpSync(path.join(REPO, "examples", "floe-alert-pagerduty"), path.join(into, "example"), { recursive: true });
  cpSync(path.join(PACKAGE_DIR, "test", "fixtures", "oxlint"), path.join(into, "extra"), { recursive: true });
}

function eslintFor(cwd: string, config: Linter.Config, fix = false): ESLint {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    fix,
    overrideConfig: [
      { files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"], languageOptions: { parser: tsParser } },
      // oxlint parses JSX in .js files as well (codemod fixture plain.input.js has some).
      { files: ["**/*.js", "**/*.jsx", "**/*.mjs", "**/*.cjs"], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
      config,
    ],
  });
}

async function eslintFindings(cwd: string, config: Linter.Config): Promise<Finding[]> {
  const results = await eslintFor(cwd, config).lintFiles(["."]);
  return results.flatMap((r) =>
    r.messages.map((m) => ({
      file: path.relative(cwd, r.filePath).split(path.sep).join("/"),
      ruleId: m.ruleId,
      line: m.line,
      column: m.column,
      severity: m.severity === 1 ? ("warn" as const) : ("error" as const),
    })),
  );
}

/** Parse errors are compared by file: the two parsers word and place them differently. */
const parseErrorFiles = (findings: Finding[]) => [...new Set(findings.filter((f) => f.ruleId === null).map((f) => f.file))].sort();
const ruleFindings = (findings: Finding[]) => sortFindings(findings.filter((f) => f.ruleId !== null));

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === ".oxlintrc.json") continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file).split(path.sep).join("/")] = readFileSync(file, "utf8");
  }
  return out;
}

beforeAll(async () => {
  plugin = ((await import(pathToFileURL(BUILT_PLUGIN).href)) as { default: FloePlugin }).default;
  tree = mkdtempSync(path.join(os.tmpdir(), "floe-oxlint-"));
  copyCorpus(tree);
});
afterAll(() => {
  if (tree) rmSync(tree, { recursive: true, force: true });
});

describe("eslint-plugin-floe as an oxlint JS plugin", () => {
  it("reports what ESLint reports, rule by rule and place by place, with configs.recommended", async () => {
    const config = writeOxlintConfig(tree, plugin.configs.recommended.rules as Record<string, unknown>);
    const ox = runOxlint(tree, config, ["."]);
    expect(ox.stderr).toBe("");
    const eslint = await eslintFindings(tree, plugin.configs.recommended as Linter.Config);

    expect(ruleFindings(ox.findings)).toEqual(ruleFindings(eslint));
    expect(parseErrorFiles(ox.findings)).toEqual(parseErrorFiles(eslint));
    expect(parseErrorFiles(eslint)).toContain("example/scripts/release-notes.js");
    // The corpus exercises every rule, at both severities.
    expect(new Set(ruleFindings(ox.findings).map((f) => f.ruleId))).toEqual(new Set(Object.keys(plugin.rules).map((r) => `floe/${r}`)));
    expect(new Set(ox.findings.map((f) => f.severity))).toEqual(new Set(["error", "warn"]));
    expect(ox.status).toBe(1);
  }, 120_000);

  it("the README's .oxlintrc.json turns on the rules of configs.recommended, at its severities", () => {
    const readme = readFileSync(path.join(PACKAGE_DIR, "README.md"), "utf8");
    const block = /```jsonc\n\/\/ \.oxlintrc\.json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block, "README.md has the .oxlintrc.json example").toBeDefined();
    const documented = JSON.parse(block!) as { jsPlugins: string[]; rules: Record<string, unknown> };
    expect(documented.jsPlugins).toEqual(["eslint-plugin-floe"]);
    expect(documented.rules).toEqual(plugin.configs.recommended.rules);
  });

  it("oxlint --fix writes what eslint --fix writes", async () => {
    const oxTree = mkdtempSync(path.join(os.tmpdir(), "floe-oxlint-fix-"));
    try {
      copyCorpus(oxTree);
      const config = writeOxlintConfig(oxTree, plugin.configs.recommended.rules as Record<string, unknown>);
      // oxlint applies one round of non-overlapping fixes per run (two fixes that each add to the
      // `@floe/runtime` import overlap); ESLint repeats up to 10 passes. Run oxlint until nothing changes.
      let rounds = 0;
      for (let previous = ""; rounds < 10; rounds++) {
        runOxlint(oxTree, config, ["."], ["--fix"]);
        const now = JSON.stringify(readTree(oxTree));
        if (now === previous) break;
        previous = now;
      }
      expect(rounds).toBeGreaterThan(1);
      const before = readTree(tree);
      const results = await eslintFor(tree, plugin.configs.recommended as Linter.Config, true).lintFiles(["."]);
      const eslintFixed = { ...before };
      for (const r of results) if (r.output !== undefined) eslintFixed[path.relative(tree, r.filePath).split(path.sep).join("/")] = r.output;
      const changed = Object.keys(eslintFixed).filter((f) => eslintFixed[f] !== before[f]);
      expect(changed.length).toBeGreaterThan(10);
      const oxFixed = readTree(oxTree);
      const differing = Object.keys(eslintFixed).filter((f) => eslintFixed[f] !== oxFixed[f]);
      expect(differing.sort()).toEqual(Object.keys(SOURCE_TYPE_DIFFERS).sort());
      for (const [file, outcome] of Object.entries(SOURCE_TYPE_DIFFERS)) {
        const codemodOutput = readFileSync(path.join(CODEMOD_FIXTURES, "sanitize-exceptions", path.basename(file).replace(".input.", ".output.")), "utf8");
        expect(oxFixed[file], file).toBe(outcome === "as floe-codemod" ? codemodOutput : before[file]);
      }
    } finally {
      rmSync(oxTree, { recursive: true, force: true });
    }
  }, 120_000);

  it("differs where the README says: suggestions only with --fix-suggestions, no type information", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "floe-oxlint-diff-"));
    try {
      cpSync(path.join(PACKAGE_DIR, "test", "fixtures", "oxlint"), dir, { recursive: true });
      const file = "src/plugin.ts";
      const original = readFileSync(path.join(dir, file), "utf8");
      const config = writeOxlintConfig(dir, plugin.configs.recommended.rules as Record<string, unknown>);

      // `span.recordException?.(e)` has a suggestion, no fix: --fix leaves it, --fix-suggestions applies it.
      runOxlint(dir, config, [file], ["--fix"]);
      expect(readFileSync(path.join(dir, file), "utf8")).toContain("span.recordException?.(err);");
      runOxlint(dir, config, [file], ["--fix-suggestions"]);
      const suggested = readFileSync(path.join(dir, file), "utf8");
      expect(suggested).not.toContain("span.recordException?.(err);");
      expect(suggested).toContain("recordSanitizedException");
      writeFileSync(path.join(dir, file), original);

      // A class of our own with a `recordException`: ESLint with type information leaves it alone,
      // oxlint (no type information for JS plugins) reports it as `recommended` does.
      const own = 'class Recorder { recordException(_e: unknown): void {} }\nexport function f(r: Recorder, e: Error): void {\n  r.recordException(e);\n}\n';
      writeFileSync(path.join(dir, "src", "own.ts"), own);
      writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", noEmit: true, types: [] }, include: ["src/own.ts"] }));
      const typed = plugin.configs["recommended-type-checked"];
      const ox = runOxlint(dir, writeOxlintConfig(dir, typed.rules as Record<string, unknown>), ["src/own.ts"]);
      expect(ox.findings.map((f) => f.ruleId)).toEqual(["floe/no-raw-record-exception"]);
      const eslint = new ESLint({
        cwd: dir,
        overrideConfigFile: true,
        overrideConfig: [
          { files: ["**/*.ts"], languageOptions: { parser: tsParser, parserOptions: { project: "./tsconfig.json", tsconfigRootDir: dir } } },
          typed as Linter.Config,
        ],
      });
      const [result] = await eslint.lintFiles(["src/own.ts"]);
      expect(result!.messages).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
