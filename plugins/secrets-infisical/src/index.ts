/** `@floe/plugin-secrets-infisical`: floe SECRETS plugin for Infisical (Universal Auth, v3 raw secrets). */
export { InfisicalSecretsPlugin, PROVIDER, type InfisicalPluginOptions } from "./infisical-secrets-plugin.js";
export { infisicalConfigSchema, parseConfig, type InfisicalConfig, type InfisicalConfigInput } from "./config.js";
export {
  ConfigError,
  InfisicalAuthError,
  InfisicalError,
  InfisicalHttpError,
  InfisicalMalformedResponseError,
  InfisicalNetworkError,
  InfisicalTimeoutError,
  type InfisicalErrorCode,
} from "./errors.js";
export * from "./tracing.js";
