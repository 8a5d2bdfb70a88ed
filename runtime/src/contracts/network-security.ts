/** Contract for NETWORK_SECURITY plugins: generate and validate network policies. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export interface PolicyValidation {
  valid: boolean;
  violations: string[];
}

export abstract class NetworkSecurityPlugin<Config = unknown, Policy = Record<string, unknown>> extends PluginMetadata {
  override get pluginType(): typeof PluginType.NETWORK_SECURITY {
    return PluginType.NETWORK_SECURITY;
  }
  abstract generatePolicies(config: Config): Promise<Policy[]>;
  abstract validatePolicies(policies: Policy[]): Promise<PolicyValidation>;
}
