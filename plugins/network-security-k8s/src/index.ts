/** `@floe/plugin-network-security-k8s`: floe NETWORK_SECURITY plugin generating and validating NetworkPolicies. */
export { K8sNetworkSecurityPlugin, POLICY_TYPE } from "./k8s-network-security-plugin.js";
export {
  networkConfigSchema,
  pluginOptionsSchema,
  type NetworkConfig,
  type NetworkConfigInput,
  type NetworkPluginOptions,
  type NetworkPluginOptionsInput,
  type PlatformService,
  type PortSpec,
} from "./config.js";
export { ConfigError, NetworkSecurityError, type NetworkSecurityErrorCode } from "./errors.js";
export { isOpenCidr, isValidCidr, OPEN_CIDRS } from "./cidr.js";
export {
  ALLOW_INTERNET_ANNOTATION,
  NAMESPACE_NAME_LABEL,
  type EgressRule,
  type IngressRule,
  type IpBlock,
  type LabelSelector,
  type NetworkPolicy,
  type NetworkPolicyPeer,
  type NetworkPolicyPort,
} from "./policies.js";
export { validate as findViolations } from "./validate.js";
export { parseYaml, renderYaml } from "./yaml-io.js";
export * from "./tracing.js";
