/** Typed errors of the dbt Fusion plugin (the runner's own errors come from @floe/plugin-dbt-core). */
import { DbtError } from "@floe/plugin-dbt-core";

/** The configuration failed validation; lists failing paths, never received values. */
export class ConfigError extends DbtError {
  override readonly name = "ConfigError";
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super("CONFIG_INVALID", `invalid dbt Fusion config: ${issues.join("; ")}`);
    this.issues = issues;
  }
}

/** Fusion was required (`mode: "fusion"`) but no Fusion executable was found. */
export class DbtFusionNotFoundError extends DbtError {
  override readonly name = "DbtFusionNotFoundError";
  constructor(checked: readonly string[]) {
    super("FUSION_NOT_FOUND", `dbt Fusion not found (checked: ${checked.join(", ") || "nothing"})`);
  }
}

/** Fusion rejected the run and there is no separate dbt-core executable to fall back to. */
export class DbtFusionFallbackUnavailableError extends DbtError {
  override readonly name = "DbtFusionFallbackUnavailableError";
  constructor(executable: string, options?: { cause?: unknown }) {
    super(
      "FALLBACK_UNAVAILABLE",
      `dbt Fusion rejected the adapter and the dbt-core executable (${executable}) is Fusion itself; set coreExecutable to a dbt-core install`,
      options,
    );
  }
}
