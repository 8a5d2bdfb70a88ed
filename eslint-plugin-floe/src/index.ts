/**
 * eslint-plugin-floe: lint rules that keep floe plugins instrumented and their
 * spans free of credentials. Flat config only:
 *
 * ```js
 * import floe from "eslint-plugin-floe";
 * export default [floe.configs.recommended];
 * ```
 *
 * or, in a CommonJS `eslint.config.cjs`, `const floe = require("eslint-plugin-floe");`.
 */
import { readFileSync } from "node:fs";
import { recommended } from "./configs/recommended.js";
import { recommendedTypeChecked } from "./configs/recommended-type-checked.js";
import { PLUGIN_NAMESPACE } from "./configs/rule-settings.js";
import { strict } from "./configs/strict.js";
import type { FlatConfigFor } from "./configs/types.js";
import { rules } from "./rules/index.js";

const { name, version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  name: string;
  version: string;
};

export interface FloePlugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: {
    recommended: FlatConfigFor;
    strict: FlatConfigFor;
    "recommended-type-checked": FlatConfigFor;
  };
}

const plugin = {
  meta: { name, version, namespace: PLUGIN_NAMESPACE },
  rules,
  configs: {} as FloePlugin["configs"],
} satisfies FloePlugin;

plugin.configs.recommended = recommended(plugin);
plugin.configs.strict = strict(plugin);
plugin.configs["recommended-type-checked"] = recommendedTypeChecked(plugin);

const floe: FloePlugin = plugin;

// CommonJS configs (`eslint.config.cjs`): Node's require(esm) returns the "module.exports" export,
// so `require("eslint-plugin-floe")` is the plugin itself; `.default` keeps working for code
// written against the namespace (non-enumerable, so the plugin's own keys are unchanged).
Object.defineProperty(floe, "default", { value: floe, enumerable: false });

export { rules };
export type { FlatConfigFor };
export { floe as "module.exports" };
export default floe;
