/** Contract for ORCHESTRATOR plugins: asset definitions, run launch, run status. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export type RunStatus = "QUEUED" | "STARTING" | "STARTED" | "SUCCESS" | "FAILURE" | "CANCELED" | "UNKNOWN";

export abstract class OrchestratorPlugin<Source = unknown, Definitions = unknown, LaunchRequest = unknown> extends PluginMetadata {
  override get pluginType(): typeof PluginType.ORCHESTRATOR {
    return PluginType.ORCHESTRATOR;
  }
  abstract createDefinitions(source: Source): Promise<Definitions>;
  /** Returns the run id. */
  abstract launchRun(request: LaunchRequest): Promise<string>;
  abstract getRunStatus(runId: string): Promise<RunStatus>;
}
