/**
 * Contract for SECRETS plugins: read, write, delete and list named secrets.
 *
 * Missing secrets are not errors: `getSecret` resolves `undefined` and
 * `deleteSecret` resolves `false`, so callers branch on absence without
 * catching. Every other failure (auth, network, server) rejects with the
 * plugin's typed error. Implementations record only key names on spans
 * (`secrets.key_name`), never values.
 */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export abstract class SecretsPlugin extends PluginMetadata {
  override get pluginType(): typeof PluginType.SECRETS {
    return PluginType.SECRETS;
  }
  /** The secret's value, or undefined when it does not exist. */
  abstract getSecret(key: string): Promise<string | undefined>;
  /** Creates the secret or replaces its value. */
  abstract setSecret(key: string, value: string): Promise<void>;
  /** True when a secret was deleted, false when there was none. */
  abstract deleteSecret(key: string): Promise<boolean>;
  /** Secret names (never values), sorted, optionally only those starting with `prefix`. */
  abstract listSecrets(prefix?: string): Promise<string[]>;
}
