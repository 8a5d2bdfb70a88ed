/** `configs.recommended`: every rule; leaks and missing instrumentation are errors, suspicious attributes warnings. */
import type { FlatConfigFor } from "./types.js";
import { recommendedRules } from "./rule-settings.js";

export function recommended(plugin: object): FlatConfigFor {
  return { name: "floe/recommended", plugins: { floe: plugin }, rules: recommendedRules() };
}
