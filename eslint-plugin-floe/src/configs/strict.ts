/** `configs.strict`: every rule as an error. */
import type { FlatConfigFor } from "./types.js";
import { strictRules } from "./rule-settings.js";

export function strict(plugin: object): FlatConfigFor {
  return { name: "floe/strict", plugins: { floe: plugin }, rules: strictRules() };
}
