/** `@floe/plugin-secrets-k8s`: floe SECRETS plugin storing secrets as Kubernetes Secret objects. */
export { K8sSecretsPlugin, PROVIDER, type K8sSecretsPluginOptions } from "./k8s-secrets-plugin.js";
export {
  DEFAULT_SERVICE_ACCOUNT_DIR,
  k8sSecretsConfigSchema,
  parseConfig,
  type K8sSecretsConfig,
  type K8sSecretsConfigInput,
} from "./config.js";
export {
  ConfigError,
  K8sApiError,
  K8sConflictError,
  K8sMalformedResponseError,
  K8sNetworkError,
  K8sNotFoundError,
  K8sSecretsError,
  K8sTimeoutError,
  type K8sSecretsErrorCode,
} from "./errors.js";
export { readServiceAccount, inClusterApiServer, type ServiceAccountFiles } from "./service-account.js";
export type { SecretObject } from "./secret-object.js";
export * from "./tracing.js";
