/** Contract for STORAGE plugins: object put, get, list and delete. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export abstract class StoragePlugin extends PluginMetadata {
  override get pluginType(): typeof PluginType.STORAGE {
    return PluginType.STORAGE;
  }
  abstract putObject(key: string, body: Uint8Array | string): Promise<void>;
  abstract getObject(key: string): Promise<Uint8Array | undefined>;
  abstract listObjects(prefix?: string): Promise<string[]>;
  abstract deleteObject(key: string): Promise<boolean>;
}
