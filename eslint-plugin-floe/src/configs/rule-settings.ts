/**
 * Rule severities of each config, derived from the rules' `meta.docs`
 * (`recommended: "error" | "warn"`), so a new rule cannot be forgotten.
 */
import type { FloeRuleEntry } from "./types.js";
import { rules, type RuleName } from "../rules/index.js";

export const PLUGIN_NAMESPACE = "floe";

type RulesConfig = Record<string, FloeRuleEntry>;

const ruleNames = Object.keys(rules) as RuleName[];

function docsOf(name: RuleName) {
  const docs = rules[name].meta.docs;
  if (!docs) throw new Error(`rule ${name} has no meta.docs`);
  return docs;
}

export function recommendedRules(): RulesConfig {
  return Object.fromEntries(ruleNames.map((name) => [`${PLUGIN_NAMESPACE}/${name}`, docsOf(name).recommended]));
}

export function strictRules(): RulesConfig {
  return Object.fromEntries(ruleNames.map((name) => [`${PLUGIN_NAMESPACE}/${name}`, "error"]));
}

/** Recommended severities, with `requireSpanType` for every rule that accepts it. */
export function recommendedTypeCheckedRules(): RulesConfig {
  return Object.fromEntries(
    ruleNames.map((name) => {
      const severity = docsOf(name).recommended;
      const entry: FloeRuleEntry = docsOf(name).usesTypeInformation
        ? [severity, { requireSpanType: true }]
        : severity;
      return [`${PLUGIN_NAMESPACE}/${name}`, entry];
    }),
  );
}
