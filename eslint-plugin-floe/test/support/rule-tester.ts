/**
 * RuleTester wired to vitest, plus a type-aware variant over the fixture
 * project in test/fixtures (tsconfig.json + file.ts).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { RuleTester, type RunTests } from "@typescript-eslint/rule-tester";
import type { TSESLint } from "@typescript-eslint/utils";
import { afterAll, describe, it } from "vitest";

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const FIXTURES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");
/** The file typed cases are linted as (part of the fixture tsconfig; relative to tsconfigRootDir). */
export const TYPED_FILE = "file.ts";
/** A file inside a fixture package named `floe-alert-pagerduty` (for derived tracer names). */
export const PAGERDUTY_FILE = path.join(FIXTURES_DIR, "floe-alert-pagerduty", "src", "plugin.ts");

export function createRuleTester(): RuleTester {
  return new RuleTester();
}

export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        project: "./tsconfig.json",
        tsconfigRootDir: FIXTURES_DIR,
      },
    },
  });
}

/**
 * `tester.run` with the rule's message ids and options inferred. The rule tester ships its own
 * copy of @typescript-eslint/utils (8.72 vs the plugin's 8.73) whose RuleContext type differs
 * nominally; at run time they are the same ESLint objects.
 */
export function runRule<MessageIds extends string, Options extends readonly unknown[]>(
  tester: RuleTester,
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options, any>,
  tests: RunTests<MessageIds, Options>,
): void {
  tester.run(name, rule as unknown as Parameters<RuleTester["run"]>[1], tests as never);
}
