/** Contract for SEMANTIC_LAYER plugins: generate and sync the semantic model, query it. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export abstract class SemanticLayerPlugin<Source = unknown, Schema = unknown, Query = unknown, Result = unknown> extends PluginMetadata {
  override get pluginType(): typeof PluginType.SEMANTIC_LAYER {
    return PluginType.SEMANTIC_LAYER;
  }
  abstract generateSchema(source: Source): Promise<Schema>;
  abstract syncSchema(schema: Schema): Promise<void>;
  abstract query(query: Query): Promise<Result>;
}
