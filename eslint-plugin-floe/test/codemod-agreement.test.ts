/**
 * The lint fix and the codemod write the same code: `eslint --fix` with
 * `floe/no-raw-record-exception` over the inputs of floe-codemod's sanitize-exceptions
 * fixtures that only rewrite `recordException` calls gives the codemod's expected outputs,
 * byte for byte (the optional-chain forms, temporaries, import placement).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { expect, it } from "vitest";
import plugin from "../src/index.js";

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../codemods/test/fixtures/sanitize-exceptions");
const RECORD_EXCEPTION_ONLY = ["optional-chaining.input.ts", "side-effect-receivers.input.ts", "component.input.tsx"];

it.each(RECORD_EXCEPTION_ONLY)("%s: eslint --fix writes what floe-codemod sanitize-exceptions writes", async (name) => {
  const file = path.join(FIXTURES, name);
  const eslint = new ESLint({
    cwd: FIXTURES,
    overrideConfigFile: true,
    fix: true,
    overrideConfig: [
      { files: ["**/*.ts", "**/*.tsx"], languageOptions: { parser: tsParser } },
      { ...plugin.configs.recommended, rules: { "floe/no-raw-record-exception": "error" } },
    ],
  });
  const [result] = await eslint.lintText(readFileSync(file, "utf8"), { filePath: file });
  expect(result!.messages).toEqual([]);
  expect(result!.output).toBe(readFileSync(file.replace(".input.", ".output."), "utf8"));
});
