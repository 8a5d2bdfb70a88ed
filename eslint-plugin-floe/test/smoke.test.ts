/**
 * Runs configs.recommended over the repository's own sources (runtime, codemods, plugins)
 * and asserts that no rule crashes. Findings in others' code are not asserted.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { expect, it } from "vitest";
import plugin from "../src/index.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

it("lints runtime/src, codemods/src and plugins/*/src without a fatal message", async () => {
  const eslint = new ESLint({
    cwd: repoRoot,
    overrideConfigFile: true,
    errorOnUnmatchedPattern: false,
    overrideConfig: [
      { ignores: ["**/node_modules/**", "**/dist/**", "**/fixtures/**"] },
      { files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"], languageOptions: { parser: tsParser } },
      plugin.configs.strict,
    ],
  });
  const results = await eslint.lintFiles(["runtime/src", "codemods/src", "plugins/*/src"]);
  expect(results.length).toBeGreaterThan(10);
  const fatal = results.flatMap((r) => r.messages.filter((m) => m.fatal || m.ruleId === null).map((m) => `${r.filePath}:${m.line} ${m.message}`));
  expect(fatal).toEqual([]);
}, 60_000);
