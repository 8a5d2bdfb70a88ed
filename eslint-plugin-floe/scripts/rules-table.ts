/**
 * Renders the rules documentation of both READMEs (the package's and the repo root's)
 * from the plugin itself: each rule's `meta` (fixable, hasSuggestions, type information)
 * and the configs that actually enable it, so the docs cannot drift from the code
 * (test/plugin.test.ts fails on a stale README; `npm run docs` rewrites them).
 */
import type { TSESLint } from "@typescript-eslint/utils";
import type { FlatConfigFor } from "../src/configs/types.js";
import type { FloeRuleDocs } from "../src/util/create-rule.js";

export const TABLE_BEGIN = "<!-- begin auto-generated rules list -->";
export const TABLE_END = "<!-- end auto-generated rules list -->";
export const SUMMARY_BEGIN = "<!-- begin auto-generated rules summary -->";
export const SUMMARY_END = "<!-- end auto-generated rules summary -->";

type AnyRule = TSESLint.RuleModule<string, readonly unknown[], FloeRuleDocs>;

export interface DocumentedPlugin {
  readonly meta: { readonly namespace: string };
  readonly rules: Readonly<Record<string, AnyRule>>;
  readonly configs: Readonly<Record<string, FlatConfigFor>>;
}

/** Where the README sits relative to the package: rule docs links are relative to it. */
export interface TableOptions {
  /** Prefix of `docs/rules/<name>.md` links: "" in the package README, "eslint-plugin-floe/" at the root. */
  readonly docsPrefix: string;
}

const LEGEND =
  "✅ enabled in the config (⚠️ as a warning) · 🔧 fixable with `--fix` · 💡 has editor suggestions · " +
  "type info: `optional` = works syntactically, confirms Span receivers with type information in `recommended-type-checked`; `required` = needs it";

function severityIn(config: FlatConfigFor, id: string): string {
  const entry = config.rules[id];
  const severity = Array.isArray(entry) ? entry[0] : entry;
  if (severity === "error") return "✅";
  if (severity === "warn") return "⚠️";
  return "";
}

function typeInfo(docs: FloeRuleDocs): string {
  if (docs.requiresTypeChecking) return "required";
  return docs.usesTypeInformation ? "optional" : "";
}

export function renderRulesTable(plugin: DocumentedPlugin, { docsPrefix }: TableOptions = { docsPrefix: "" }): string {
  const configNames = Object.keys(plugin.configs);
  const header = [
    `| Rule | Description | ${configNames.map((c) => `\`${c}\``).join(" | ")} | 🔧 | 💡 | type info |`,
    `| :--- | :--- | ${configNames.map(() => ":---:").join(" | ")} | :---: | :---: | :---: |`,
  ];
  const rows = Object.keys(plugin.rules)
    .sort()
    .map((name) => {
      const meta = plugin.rules[name]!.meta;
      const docs = meta.docs!;
      const id = `${plugin.meta.namespace}/${name}`;
      const configs = configNames.map((c) => severityIn(plugin.configs[c]!, id));
      const cells = [
        `[${id}](${docsPrefix}docs/rules/${name}.md)`,
        docs.description,
        ...configs,
        meta.fixable ? "🔧" : "",
        meta.hasSuggestions ? "💡" : "",
        typeInfo(docs),
      ];
      return `| ${cells.join(" | ")} |`;
    });
  return [LEGEND, "", ...header, ...rows].join("\n");
}

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const count = (n: number, noun: string) => `${NUMBER_WORDS[n] ?? String(n)} ${noun}${n === 1 ? "" : "s"}`;

/** One line for the root README's package table, e.g. "seven rules (four fixable, three with suggestions) and three flat configs". */
export function renderRulesSummary(plugin: DocumentedPlugin): string {
  const rules = Object.values(plugin.rules);
  const fixable = rules.filter((r) => r.meta.fixable).length;
  const suggesting = rules.filter((r) => r.meta.hasSuggestions).length;
  const configs = Object.keys(plugin.configs).length;
  return `${count(rules.length, "rule")} (${NUMBER_WORDS[fixable] ?? fixable} with autofixes, ${NUMBER_WORDS[suggesting] ?? suggesting} with suggestions) and ${count(configs, "flat config")}`;
}

/** Replaces the text between two markers (block form: the table on its own lines; inline form: in a table cell). */
export function withGenerated(readme: string, begin: string, end: string, content: string, inline = false): string {
  const start = readme.indexOf(begin);
  const stop = readme.indexOf(end);
  if (start < 0 || stop < start) throw new Error(`README is missing the markers ${begin} ... ${end}`);
  const body = inline ? content : `\n\n${content}\n\n`;
  return `${readme.slice(0, start + begin.length)}${body}${readme.slice(stop)}`;
}

/** The package README with its rules table regenerated. */
export function packageReadme(readme: string, plugin: DocumentedPlugin): string {
  return withGenerated(readme, TABLE_BEGIN, TABLE_END, renderRulesTable(plugin, { docsPrefix: "" }));
}

/** The root README with its rules section and the package-table summary regenerated. */
export function rootReadme(readme: string, plugin: DocumentedPlugin): string {
  const withTable = withGenerated(readme, TABLE_BEGIN, TABLE_END, renderRulesTable(plugin, { docsPrefix: "eslint-plugin-floe/" }));
  return withGenerated(withTable, SUMMARY_BEGIN, SUMMARY_END, renderRulesSummary(plugin), true);
}
