/** Contract for ORCHESTRATOR plugins: asset definitions, run launch, run status. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

/** Run lifecycle states (Dagster's `RunStatus` enum; other orchestrators map onto it). */
export type RunStatus =
  | "QUEUED"
  | "NOT_STARTED"
  | "MANAGED"
  | "STARTING"
  | "STARTED"
  | "SUCCESS"
  | "FAILURE"
  | "CANCELING"
  | "CANCELED"
  | "UNKNOWN";

/** States a run never leaves. */
export const TERMINAL_RUN_STATUSES: readonly RunStatus[] = ["SUCCESS", "FAILURE", "CANCELED"];

export abstract class OrchestratorPlugin<Source = unknown, Definitions = unknown, LaunchRequest = unknown> extends PluginMetadata {
  override get pluginType(): typeof PluginType.ORCHESTRATOR {
    return PluginType.ORCHESTRATOR;
  }
  abstract createDefinitions(source: Source): Promise<Definitions>;
  /** Returns the run id. */
  abstract launchRun(request: LaunchRequest): Promise<string>;
  abstract getRunStatus(runId: string): Promise<RunStatus>;
}
