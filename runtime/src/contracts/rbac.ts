/**
 * Contract for RBAC plugins: generate and validate least-privilege access manifests.
 *
 * Validation findings are data, not errors: `validateManifests` resolves
 * `{ valid: false, violations }` for a manifest set that breaks a rule and
 * rejects only on input it cannot read at all.
 */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

/** One broken rule, e.g. `{ rule: "no-wildcard-verbs", resource: "Role/etl/reader", message: ... }`. */
export interface ManifestViolation {
  rule: string;
  /** `Kind/namespace/name` of the offending object. */
  resource: string;
  message: string;
}

export interface ManifestValidation {
  valid: boolean;
  violations: ManifestViolation[];
}

export abstract class RbacPlugin<Config = unknown, Manifest = Record<string, unknown>> extends PluginMetadata {
  override get pluginType(): typeof PluginType.RBAC {
    return PluginType.RBAC;
  }
  abstract generateManifests(config: Config): Promise<Manifest[]>;
  abstract validateManifests(manifests: Manifest[]): Promise<ManifestValidation>;
}
