/** `@floe/plugin-rbac-k8s`: floe RBAC plugin generating and validating Kubernetes RBAC manifests. */
export { K8sRbacPlugin, POLICY_TYPE } from "./k8s-rbac-plugin.js";
export {
  rbacConfigSchema,
  pluginOptionsSchema,
  type JobAccess,
  type RbacConfig,
  type RbacConfigInput,
  type RbacPluginOptions,
  type RbacPluginOptionsInput,
} from "./config.js";
export { ConfigError, RbacError, type RbacErrorCode } from "./errors.js";
export { roleName, serviceAccountName, type K8sManifest, type PolicyRule, type RoleRef, type Subject } from "./manifests.js";
export { validate as findViolations } from "./validate.js";
export { parseYaml, renderYaml } from "./yaml-io.js";
export * from "./tracing.js";
