/** Contract for LINEAGE_BACKEND plugins: emit OpenLineage run and dataset events. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export abstract class LineageBackendPlugin<RunEvent = unknown, DatasetEvent = unknown> extends PluginMetadata {
  override get pluginType(): typeof PluginType.LINEAGE_BACKEND {
    return PluginType.LINEAGE_BACKEND;
  }
  abstract emitRunEvent(event: RunEvent): Promise<void>;
  abstract emitDatasetEvent(event: DatasetEvent): Promise<void>;
}
