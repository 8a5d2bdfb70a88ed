/** Contract for SEMANTIC_LAYER plugins: generate and sync the semantic model, query it. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

/** What syncing a generated model to its destination changed. */
export interface SemanticSyncResult {
  /** Files (or model entries) created or rewritten. */
  written: string[];
  /** Files already up to date. */
  unchanged: string[];
  /** Previously generated files that no longer have a model. */
  removed: string[];
}

export abstract class SemanticLayerPlugin<
  Source = unknown,
  Schema = unknown,
  Query = unknown,
  Result = unknown,
  SyncResult = SemanticSyncResult,
> extends PluginMetadata {
  override get pluginType(): typeof PluginType.SEMANTIC_LAYER {
    return PluginType.SEMANTIC_LAYER;
  }
  abstract generateSchema(source: Source): Promise<Schema>;
  abstract syncSchema(schema: Schema): Promise<SyncResult>;
  abstract query(query: Query): Promise<Result>;
}
