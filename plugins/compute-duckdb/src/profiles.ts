/**
 * Renders the plugin configuration as a dbt-duckdb profile (the
 * `outputs.<target>` block of profiles.yml), with dbt-duckdb's key names.
 */
import type { DbtProfileOutput, DbtProfiles } from "@floe/runtime";
import type { ResolvedDuckDBComputeConfig } from "./config.js";

export function duckdbProfileOutput(config: ResolvedDuckDBComputeConfig): DbtProfileOutput {
  const output: DbtProfileOutput = { type: "duckdb", path: config.path };
  if (config.threads !== undefined) output.threads = config.threads;
  if (config.extensions.length > 0) output.extensions = [...config.extensions];
  if (Object.keys(config.settings).length > 0) output.settings = { ...config.settings };
  if (config.attach.length > 0) {
    output.attach = config.attach.map((db) => ({
      path: db.path,
      alias: db.alias,
      ...(db.readOnly !== undefined ? { read_only: db.readOnly } : {}),
      ...(db.type !== undefined ? { type: db.type } : {}),
    }));
  }
  return output;
}

export function duckdbProfiles(config: ResolvedDuckDBComputeConfig, target = config.target): DbtProfiles {
  return { [config.profileName]: { target, outputs: { [target]: duckdbProfileOutput(config) } } };
}
