/**
 * K8sNetworkSecurityPlugin: floe NETWORK_SECURITY plugin for Kubernetes.
 * Generates default-deny NetworkPolicies with explicit allows from a floe
 * network config and validates policy sets, each inside a `security.*` span
 * carrying the policy type and resource count.
 */
import { NetworkSecurityPlugin, type PolicyValidation } from "@floe/runtime";
import {
  networkConfigSchema,
  parseWith,
  pluginOptionsSchema,
  type NetworkConfigInput,
  type NetworkPluginOptions,
  type NetworkPluginOptionsInput,
} from "./config.js";
import { generate, type NetworkPolicy } from "./policies.js";
import { ATTRIBUTES, securitySpan, tracing } from "./tracing.js";
import { validate } from "./validate.js";
import { renderYaml } from "./yaml-io.js";

export const POLICY_TYPE = "network";

export class K8sNetworkSecurityPlugin extends tracing.Plugin(NetworkSecurityPlugin<NetworkConfigInput, NetworkPolicy>) {
  private readonly options: NetworkPluginOptions;

  constructor(options: NetworkPluginOptionsInput = {}) {
    super();
    this.options = parseWith(pluginOptionsSchema, options, "network-security plugin");
  }

  override generatePolicies(config: NetworkConfigInput): Promise<NetworkPolicy[]> {
    return securitySpan("generatePolicies", { [ATTRIBUTES.POLICY_TYPE]: POLICY_TYPE }, async (span) => {
      const parsed = parseWith(networkConfigSchema, config, "floe network", "NETWORK_CONFIG_INVALID");
      const policies = generate(parsed, this.options.labels);
      span.setAttribute(ATTRIBUTES.RESOURCE_COUNT, policies.length);
      if (parsed.namespaces.length === 1) span.setAttribute(ATTRIBUTES.NAMESPACE, parsed.namespaces[0]!.name);
      return policies;
    }, { floe: this.options.floe });
  }

  /** Findings are a verdict: the span is OK with `security.violation_count`; unreadable input rejects. */
  override validatePolicies(policies: NetworkPolicy[]): Promise<PolicyValidation> {
    return securitySpan("validatePolicies", { [ATTRIBUTES.POLICY_TYPE]: POLICY_TYPE }, async (span) => {
      const violations = validate(policies);
      span.setAttribute(ATTRIBUTES.RESOURCE_COUNT, policies.length);
      span.setAttribute(ATTRIBUTES.VIOLATION_COUNT, violations.length);
      return { valid: violations.length === 0, violations };
    }, { floe: this.options.floe });
  }

  /** Generated policies as one multi-document YAML file. */
  async generateYaml(config: NetworkConfigInput): Promise<string> {
    return renderYaml(await this.generatePolicies(config));
  }
}
