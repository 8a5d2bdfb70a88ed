/** Contract for SECRETS plugins: read, write, delete and list named secrets. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export abstract class SecretsPlugin extends PluginMetadata {
  override get pluginType(): typeof PluginType.SECRETS {
    return PluginType.SECRETS;
  }
  /** The secret's value, or undefined when it does not exist. */
  abstract getSecret(key: string): Promise<string | undefined>;
  abstract setSecret(key: string, value: string): Promise<void>;
  /** True when a secret was deleted. */
  abstract deleteSecret(key: string): Promise<boolean>;
  /** Secret names (never values). */
  abstract listSecrets(prefix?: string): Promise<string[]>;
}
