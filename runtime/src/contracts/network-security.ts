/**
 * Contract for NETWORK_SECURITY plugins: generate and validate network policies.
 *
 * Validation findings are data, not errors: `validatePolicies` resolves
 * `{ valid: false, violations }` for a policy set that breaks a rule and
 * rejects only on input it cannot read at all.
 */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

/** One broken rule, e.g. `{ rule: "no-open-egress", policy: "NetworkPolicy/etl/allow-egress", message: ... }`. */
export interface PolicyViolation {
  rule: string;
  /** `Kind/namespace/name` of the offending object. */
  policy: string;
  message: string;
}

export interface PolicyValidation {
  valid: boolean;
  violations: PolicyViolation[];
}

export abstract class NetworkSecurityPlugin<Config = unknown, Policy = Record<string, unknown>> extends PluginMetadata {
  override get pluginType(): typeof PluginType.NETWORK_SECURITY {
    return PluginType.NETWORK_SECURITY;
  }
  abstract generatePolicies(config: Config): Promise<Policy[]>;
  abstract validatePolicies(policies: Policy[]): Promise<PolicyValidation>;
}
