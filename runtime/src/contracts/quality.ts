/** Contract for QUALITY plugins: run data checks and parse their results. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export type CheckStatus = "pass" | "fail" | "warn" | "error" | "skipped";

export interface CheckResult {
  name: string;
  status: CheckStatus;
  failures: number;
  rowsChecked?: number;
  message?: string;
}

export interface QualityReport {
  success: boolean;
  results: CheckResult[];
  passCount: number;
  failCount: number;
  rowsChecked: number;
}

export abstract class QualityPlugin<Request = unknown, Raw = unknown> extends PluginMetadata {
  override get pluginType(): typeof PluginType.QUALITY {
    return PluginType.QUALITY;
  }
  abstract runChecks(request: Request): Promise<QualityReport>;
  abstract parseResults(raw: Raw): Promise<QualityReport>;
}
