/**
 * Typed errors of the dbt Fusion plugin (the runner's own errors come from
 * @floe/plugin-dbt-core, invalid configuration is the plugin kit's ConfigError).
 */
import { DbtError } from "@floe/plugin-dbt-core";

export { ConfigError } from "@floe/runtime/plugin-kit";

/** Fusion was required (`mode: "fusion"`) but no Fusion executable was found. */
export class DbtFusionNotFoundError extends DbtError {
  override name = "DbtFusionNotFoundError";
  constructor(checked: readonly string[]) {
    super(`dbt Fusion not found (checked: ${checked.join(", ") || "nothing"})`, { code: "FUSION_NOT_FOUND" });
  }
}

/** Fusion rejected the run and there is no separate dbt-core executable to fall back to. */
export class DbtFusionFallbackUnavailableError extends DbtError {
  override name = "DbtFusionFallbackUnavailableError";
  constructor(executable: string, options?: { cause?: unknown }) {
    super(
      `dbt Fusion rejected the adapter and the dbt-core executable (${executable}) is Fusion itself; set coreExecutable to a dbt-core install`,
      { code: "FALLBACK_UNAVAILABLE", cause: options?.cause },
    );
  }
}
