/** Typed errors of the dbt quality plugin (running dbt raises @floe/plugin-dbt-core's typed errors). */
import { DbtError } from "@floe/plugin-dbt-core";

/** The configuration failed validation; lists failing paths, never received values. */
export class ConfigError extends DbtError {
  override readonly name = "ConfigError";
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super("CONFIG_INVALID", `invalid dbt quality config: ${issues.join("; ")}`);
    this.issues = issues;
  }
}
