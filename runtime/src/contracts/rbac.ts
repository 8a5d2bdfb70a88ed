/** Contract for RBAC plugins: generate and validate least-privilege access manifests. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export interface ManifestValidation {
  valid: boolean;
  violations: string[];
}

export abstract class RbacPlugin<Config = unknown, Manifest = Record<string, unknown>> extends PluginMetadata {
  override get pluginType(): typeof PluginType.RBAC {
    return PluginType.RBAC;
  }
  abstract generateManifests(config: Config): Promise<Manifest[]>;
  abstract validateManifests(manifests: Manifest[]): Promise<ManifestValidation>;
}
