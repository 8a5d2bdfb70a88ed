/** Contract for INGESTION plugins: run a pipeline from a source into a destination. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export interface PipelineRunResult {
  pipeline: string;
  rowsLoaded: number;
  tables: string[];
}

export abstract class IngestionPlugin<Pipeline = unknown> extends PluginMetadata {
  override get pluginType(): typeof PluginType.INGESTION {
    return PluginType.INGESTION;
  }
  abstract runPipeline(pipeline: Pipeline): Promise<PipelineRunResult>;
}
