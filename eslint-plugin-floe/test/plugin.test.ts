import { existsSync, readFileSync } from "node:fs";
import { ESLint, type Linter } from "eslint";
import tseslint from "typescript-eslint";
import tsParser from "@typescript-eslint/parser";
import { describe, expect, it } from "vitest";
import plugin from "../src/index.js";
import { rules } from "../src/rules/index.js";
import { DOCS_BASE_URL } from "../src/util/create-rule.js";
import { packageReadme, renderRulesSummary, rootReadme } from "../scripts/rules-table.js";

const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { name: string; version: string };
const ruleIds = Object.keys(rules).map((name) => `floe/${name}`);

describe("plugin meta", () => {
  it("names itself after the package", () => {
    expect(plugin.meta).toEqual({ name: "eslint-plugin-floe", version: packageJson.version, namespace: "floe" });
    expect(packageJson.name).toBe(plugin.meta.name);
  });

  it("exposes the six rules of the design with fixed ids, and no-legacy-tracing-import", () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(
      [
        "no-legacy-tracing-import",
        "no-operation-name",
        "no-raw-record-exception",
        "no-sensitive-span-attributes",
        "no-unsanitized-span-status",
        "require-tracer-name",
        "valid-tracer-name",
      ].sort(),
    );
  });

  it.each(Object.entries(rules))("%s has docs on disk and a docs URL", (name, rule) => {
    expect(rule.meta.docs?.url).toBe(`${DOCS_BASE_URL}/${name}.md`);
    expect(existsSync(new URL(`../docs/rules/${name}.md`, import.meta.url))).toBe(true);
    const doc = readFileSync(new URL(`../docs/rules/${name}.md`, import.meta.url), "utf8");
    expect(doc).toContain(`(\`floe/${name}\`)`);
  });
});

describe("configs", () => {
  it("recommended: every rule, errors but the attribute rule (a warning)", () => {
    const config = plugin.configs.recommended;
    expect(config.plugins.floe).toBe(plugin);
    expect(Object.keys(config.rules).sort()).toEqual([...ruleIds].sort());
    expect(config.rules["floe/no-sensitive-span-attributes"]).toBe("warn");
    const errors = Object.entries(config.rules).filter(([, v]) => v === "error").map(([k]) => k);
    expect(errors.sort()).toEqual(ruleIds.filter((id) => id !== "floe/no-sensitive-span-attributes").sort());
  });

  it("strict: every rule is an error", () => {
    expect(plugin.configs.strict.plugins.floe).toBe(plugin);
    expect(plugin.configs.strict.rules).toEqual(Object.fromEntries(ruleIds.map((id) => [id, "error"])));
  });

  it("recommended-type-checked: recommended severities, requireSpanType on the span rules", () => {
    const config = plugin.configs["recommended-type-checked"];
    expect(Object.keys(config.rules).sort()).toEqual([...ruleIds].sort());
    expect(config.rules["floe/no-raw-record-exception"]).toEqual(["error", { requireSpanType: true }]);
    expect(config.rules["floe/no-unsanitized-span-status"]).toEqual(["error", { requireSpanType: true }]);
    expect(config.rules["floe/no-sensitive-span-attributes"]).toEqual(["warn", { requireSpanType: true }]);
    expect(config.rules["floe/require-tracer-name"]).toBe("error");
  });
});

describe("docs match the code", () => {
  const packageText = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const rootText = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

  it("the package README's rules table is generated from rule meta and configs and current (npm run docs)", () => {
    expect(packageReadme(packageText, plugin)).toBe(packageText);
    for (const id of ruleIds) expect(packageText).toContain(`[${id}](docs/rules/`);
  });

  it("the root README's rules section and package summary are generated and current (npm run docs)", () => {
    expect(rootReadme(rootText, plugin)).toBe(rootText);
    for (const id of ruleIds) expect(rootText).toContain(`[${id}](eslint-plugin-floe/docs/rules/`);
    expect(rootText).not.toMatch(/\b\w+ rules with autofixes\b/);
  });

  it("the summary counts what the rules do", () => {
    const fixable = Object.values(rules).filter((r) => r.meta.fixable).length;
    const suggesting = Object.values(rules).filter((r) => (r.meta as { hasSuggestions?: boolean }).hasSuggestions).length;
    expect([Object.keys(rules).length, fixable, suggesting]).toEqual([7, 4, 3]);
    expect(renderRulesSummary(plugin)).toBe("seven rules (four with autofixes, three with suggestions) and three flat configs");
  });

  it("a rule that stops being fixable makes the table stale", () => {
    const { fixable: _dropped, ...meta } = rules["no-operation-name"].meta;
    const changed = { ...plugin, rules: { ...rules, "no-operation-name": { ...rules["no-operation-name"], meta } } };
    expect(packageReadme(packageText, changed)).not.toBe(packageText);
    expect(rootReadme(rootText, changed)).not.toBe(rootText);
  });

  it.each(Object.entries(rules))("docs/rules/%s.md states what the rule's meta says", (name, rule) => {
    const badges = readFileSync(new URL(`../docs/rules/${name}.md`, import.meta.url), "utf8").split("\n")[2]!;
    const meta = rule.meta as { fixable?: string; hasSuggestions?: boolean; docs: { recommended: string; usesTypeInformation?: boolean } };
    expect(badges.includes("🔧 fixable")).toBe(Boolean(meta.fixable));
    expect(badges.includes("💡 suggestions")).toBe(Boolean(meta.hasSuggestions));
    expect(badges.includes("type information optional")).toBe(Boolean(meta.docs.usesTypeInformation));
    expect(badges).toContain(`\`recommended\` (${meta.docs.recommended})`);
  });
});

describe("ESLint integration (flat config)", () => {
  const source = [
    'import { trace } from "@opentelemetry/api";',
    "const span = trace.getActiveSpan();",
    "try { run(); } catch (err) {",
    "  span?.recordException(err);",
    "}",
    "",
  ].join("\n");

  it("fixes a plain JavaScript file without type information, even under the type-checked config", async () => {
    const eslint = new ESLint({
      overrideConfigFile: true,
      fix: true,
      overrideConfig: [{ files: ["**/*.js"], languageOptions: { globals: { run: "readonly" } } }, plugin.configs["recommended-type-checked"]],
    });
    const [result] = await eslint.lintText(source, { filePath: "example.js" });
    expect(result!.messages).toEqual([]);
    expect(result!.output).toBe(
      source
        .replace("\n", '\nimport { recordSanitizedException } from "@floe/runtime";\n')
        .replace("span?.recordException(err);", "if (span) recordSanitizedException(span, err);"),
    );
  });

  it("fixed optional calls pass typescript-eslint's recommended rules (no-unused-expressions)", async () => {
    const code = [
      'import type { Span } from "@opentelemetry/api";',
      "export function fail(span: Span | undefined, err: unknown, wrap: (e: unknown) => Error): unknown {",
      "  span?.recordException(err);",
      "  span?.recordException(wrap(err));",
      "  if (err) span?.recordException(err);",
      "  else span?.end();",
      "  const handler = (e: unknown) => span?.recordException(e);",
      "  handler(err);",
      "  return span?.recordException(err);",
      "}",
      "",
    ].join("\n");
    const eslint = new ESLint({
      overrideConfigFile: true,
      fix: true,
      overrideConfig: [...(tseslint.configs.recommended as Linter.Config[]), plugin.configs.recommended],
    });
    const [result] = await eslint.lintText(code, { filePath: "example.ts" });
    expect(result!.messages).toEqual([]);
    expect(result!.output).toBe(
      [
        'import type { Span } from "@opentelemetry/api";',
        'import { recordSanitizedException } from "@floe/runtime";',
        "export function fail(span: Span | undefined, err: unknown, wrap: (e: unknown) => Error): unknown {",
        "  if (span) recordSanitizedException(span, err);",
        "  if (span) recordSanitizedException(span, wrap(err));",
        "  if (err) { if (span) recordSanitizedException(span, err); }",
        "  else span?.end();",
        "  const handler = (e: unknown) => { if (span) recordSanitizedException(span, e); };",
        "  handler(err);",
        "  return span ? recordSanitizedException(span, err) : undefined;",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("reports in TypeScript with the typescript-eslint parser and configs.recommended", async () => {
    const eslint = new ESLint({
      overrideConfigFile: true,
      overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tsParser } }, plugin.configs.recommended],
    });
    const [result] = await eslint.lintText(`declare function run(): void;\n${source}`, { filePath: "example.ts" });
    expect(result!.messages.map((m) => [m.ruleId, m.line])).toEqual([["floe/no-raw-record-exception", 5]]);
  });
});
