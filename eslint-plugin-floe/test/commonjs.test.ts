/**
 * CommonJS users: a `.cjs` file gets fixes that `require` the runtime (never an ESM import),
 * and an `eslint.config.cjs` can use `require("eslint-plugin-floe")` directly (`.default` too).
 * Runs ESLint's Node API in a scratch project with the plugin installed in its node_modules.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FloePlugin } from "../src/index.js";
import { installPlugin } from "./support/installed-plugin.js";

const SOURCE = [
  '"use strict";',
  'const { trace } = require("@opentelemetry/api");',
  "",
  "function report(err) {",
  "  const span = trace.getActiveSpan();",
  "  span?.recordException(err);",
  "  span?.setStatus({ code: 2, message: err.message });",
  "}",
  "",
  "module.exports = { report };",
  "",
].join("\n");

const FIXED = [
  '"use strict";',
  'const { trace } = require("@opentelemetry/api");',
  'const { recordSanitizedException, sanitizeErrorMessage } = require("@floe/runtime");',
  "",
  "function report(err) {",
  "  const span = trace.getActiveSpan();",
  "  if (span) recordSanitizedException(span, err);",
  "  span?.setStatus({ code: 2, message: sanitizeErrorMessage(err.message) });",
  "}",
  "",
  "module.exports = { report };",
  "",
].join("\n");

const CONFIGS: Record<string, [file: string, text: string]> = {
  'require("eslint-plugin-floe")': ["eslint.config.cjs", 'const floe = require("eslint-plugin-floe");\nmodule.exports = [floe.configs.recommended];\n'],
  'require("eslint-plugin-floe").default': [
    "eslint.config.cjs",
    'const floe = require("eslint-plugin-floe").default;\nmodule.exports = [floe.configs.recommended];\n',
  ],
  'import floe from "eslint-plugin-floe"': ["eslint.config.mjs", 'import floe from "eslint-plugin-floe";\nexport default [floe.configs.recommended];\n'],
};

let project: string;
beforeAll(() => {
  project = mkdtempSync(path.join(os.tmpdir(), "floe-cjs-"));
  installPlugin(project);
  writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "cjs-user", private: true }));
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("CommonJS", () => {
  it("require() of the package is the plugin itself, and .default is the same plugin", () => {
    const required = createRequire(path.join(project, "package.json"))("eslint-plugin-floe") as FloePlugin & { default: unknown };
    expect(required.meta.name).toBe("eslint-plugin-floe");
    expect(Object.keys(required.rules)).toContain("no-raw-record-exception");
    expect(required.configs.recommended.plugins.floe).toBe(required);
    expect(required.default).toBe(required);
    expect(Object.keys(required)).toEqual(["meta", "rules", "configs"]);
  });

  const cases = Object.entries(CONFIGS).map(([name, [file, text]]) => ({ name, file, text }));
  it.each(cases)("$name in $file: a .cjs file is fixed with requires", async ({ file: configFile, text: configText }) => {
    const dir = mkdtempSync(path.join(project, "case-"));
    writeFileSync(path.join(dir, configFile), configText);
    mkdirSync(path.join(dir, "lib"));
    writeFileSync(path.join(dir, "lib", "report.cjs"), SOURCE);
    const eslint = new ESLint({ cwd: dir, fix: true });
    const [result] = await eslint.lintFiles(["lib/report.cjs"]);
    expect(result!.messages).toEqual([]);
    expect(result!.output).toBe(FIXED);
  });
});
