/**
 * Renders the README rules table from the rules' own `meta`, so the README
 * cannot drift from the code (test/plugin.test.ts checks it; `npm run docs`
 * rewrites it).
 */
import type { TSESLint } from "@typescript-eslint/utils";
import type { FloeRuleDocs } from "../src/util/create-rule.js";

export const TABLE_BEGIN = "<!-- begin auto-generated rules list -->";
export const TABLE_END = "<!-- end auto-generated rules list -->";

type AnyRule = TSESLint.RuleModule<string, readonly unknown[], FloeRuleDocs>;

export function renderRulesTable(rules: Readonly<Record<string, AnyRule>>): string {
  const header = [
    "| Name | Description | Recommended | Fixable | Has suggestions | Requires type info |",
    "| :--- | :--- | :---: | :---: | :---: | :---: |",
  ];
  const rows = Object.keys(rules)
    .sort()
    .map((name) => {
      const meta = rules[name]!.meta;
      const docs = meta.docs!;
      const recommended = docs.recommended === "error" ? "✅ error" : "⚠️ warn";
      const fixable = meta.fixable ? "🔧" : "";
      const suggestions = meta.hasSuggestions ? "💡" : "";
      const typeInfo = docs.requiresTypeChecking ? "💭" : docs.usesTypeInformation ? "optional" : "";
      return `| [floe/${name}](docs/rules/${name}.md) | ${docs.description} | ${recommended} | ${fixable} | ${suggestions} | ${typeInfo} |`;
    });
  return [...header, ...rows].join("\n");
}

/** Replaces the text between the markers with a freshly rendered table. */
export function withRulesTable(readme: string, table: string): string {
  const start = readme.indexOf(TABLE_BEGIN);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error("README is missing the rules-table markers");
  return `${readme.slice(0, start + TABLE_BEGIN.length)}\n\n${table}\n\n${readme.slice(end)}`;
}
