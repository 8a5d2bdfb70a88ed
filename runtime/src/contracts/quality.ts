/** Contract for QUALITY plugins: run data checks and parse their results. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export type CheckStatus = "pass" | "fail" | "warn" | "error" | "skipped";

export interface CheckResult {
  name: string;
  status: CheckStatus;
  /** Failing rows (or failing evaluations) the check reported. */
  failures: number;
  /** Rows the check looked at, when the engine reports it. */
  rowsChecked?: number;
  /** Rows that passed the check, when rowsChecked is known. */
  passCount?: number;
  message?: string;
}

export interface QualityReport<Raw = unknown> {
  success: boolean;
  results: CheckResult[];
  /** Checks that passed. */
  passCount: number;
  /** Checks that failed or errored. */
  failCount: number;
  /** Rows of the checked tables (each table counted once), when the engine reports them; else 0. */
  rowsChecked: number;
  /** The engine's own result document (e.g. a Great Expectations validation result). */
  raw?: Raw;
}

export abstract class QualityPlugin<Request = unknown, Raw = unknown> extends PluginMetadata {
  override get pluginType(): typeof PluginType.QUALITY {
    return PluginType.QUALITY;
  }
  abstract runChecks(request: Request): Promise<QualityReport<Raw>>;
  abstract parseResults(raw: Raw): Promise<QualityReport<Raw>>;
}
