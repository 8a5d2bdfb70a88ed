/**
 * `configs["recommended-type-checked"]`: the recommended rules with
 * `requireSpanType: true`, so that with type information (`parserOptions.projectService`)
 * only receivers the checker confirms are OpenTelemetry Spans are reported. Files
 * without type information (plain JS) are still checked syntactically.
 */
import type { FlatConfigFor } from "./types.js";
import { recommendedTypeCheckedRules } from "./rule-settings.js";

export function recommendedTypeChecked(plugin: object): FlatConfigFor {
  return { name: "floe/recommended-type-checked", plugins: { floe: plugin }, rules: recommendedTypeCheckedRules() };
}
