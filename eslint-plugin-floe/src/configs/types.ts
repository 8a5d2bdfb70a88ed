/**
 * The flat-config shape the plugin's configs have (ESLint 9 and 10). Kept
 * structural so that it is assignable both to ESLint's `Linter.Config` and to
 * typescript-eslint's `FlatConfig.Config` in a typed `eslint.config.ts`.
 */
export type FloeRuleEntry = "error" | "warn" | ["error" | "warn", { requireSpanType: boolean }];

export interface FlatConfigFor {
  name: string;
  // The plugin object itself; `any` because ESLint's and typescript-eslint's Plugin types differ.
  plugins: Record<string, any>;
  rules: Record<string, FloeRuleEntry>;
}
