/**
 * Code scanning: ESLint's SARIF formatter (`@microsoft/eslint-formatter-sarif`, what
 * GitHub's ESLint code-scanning workflow uses) over our rules. What the plugin controls
 * must be there: every reported floe rule in `tool.driver.rules` with its description
 * and a help link to its docs page (which exists), results pointing at the rule with a
 * region (line and column) and the right level.
 *
 * The formatter is a devDependency; test/code-scanning/sarif.test.ts (repo root) also
 * validates its output against the SARIF 2.1.0 schema.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { describe, expect, it } from "vitest";
import plugin from "../src/index.js";
import { rules } from "../src/rules/index.js";
import { DOCS_BASE_URL } from "../src/util/create-rule.js";

const FORMATTER = createRequire(import.meta.url).resolve("@microsoft/eslint-formatter-sarif");
const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const SOURCE = [
  'import { SpanStatusCode, type Span } from "@opentelemetry/api";',
  'import { traced } from "@floe/iceberg/telemetry";',
  "",
  "export const run = traced({ operationName: \"run\" }, (span: Span, err: Error) => {",
  "  span.recordException(err);",
  "  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });",
  '  span.setAttribute("db.password", "x");',
  "});",
  "",
].join("\n");

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string; helpUri?: string; shortDescription?: { text: string } }> } };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
    }>;
  }>;
}

describe("SARIF", () => {
  it("@microsoft/eslint-formatter-sarif: floe rules with descriptions, docs links and regions", async () => {
    const eslint = new ESLint({
      cwd: PACKAGE_DIR,
      overrideConfigFile: true,
      overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tsParser } }, plugin.configs.recommended],
    });
    const results = await eslint.lintText(SOURCE, { filePath: path.join(PACKAGE_DIR, "example.ts") });
    const formatter = await eslint.loadFormatter(FORMATTER);
    // ESLint hands the formatter `cwd` and the `rulesMeta` of the reported rules itself.
    const log = JSON.parse(await formatter.format(results)) as SarifLog;

    expect(log.version).toBe("2.1.0");
    const [run] = log.runs;
    const found = run!.results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.region.startLine, r.locations[0]!.physicalLocation.region.startColumn]);
    expect(found).toEqual([
      ["floe/no-legacy-tracing-import", "error", 2, 10],
      ["floe/no-operation-name", "error", 4, 29],
      ["floe/no-raw-record-exception", "error", 5, 3],
      ["floe/no-unsanitized-span-status", "error", 6, 57],
      ["floe/no-sensitive-span-attributes", "warning", 7, 21],
    ]);

    for (const result of run!.results) {
      const rule = run!.tool.driver.rules[result.ruleIndex]!;
      expect(rule.id).toBe(result.ruleId);
      const name = result.ruleId.replace(/^floe\//, "") as keyof typeof rules;
      expect(rule.shortDescription?.text).toBe(rules[name].meta.docs?.description);
      expect(rule.helpUri).toBe(`${DOCS_BASE_URL}/${name}.md`);
      // The help link names a docs page the package ships.
      expect(existsSync(path.join(PACKAGE_DIR, "docs", "rules", `${name}.md`))).toBe(true);
      expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/^file:\/\/.*\/example\.ts$/);
    }
  });
});
