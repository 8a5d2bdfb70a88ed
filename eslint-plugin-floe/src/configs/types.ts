/** The flat-config shape the plugin's configs have (ESLint 9 and 10). */
import type { TSESLint } from "@typescript-eslint/utils";

export interface FlatConfigFor {
  name: string;
  plugins: Record<string, TSESLint.FlatConfig.Plugin>;
  rules: Record<string, TSESLint.SharedConfig.RuleEntry>;
}
