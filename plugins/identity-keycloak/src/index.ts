/** `@floe/plugin-identity-keycloak`: floe IDENTITY plugin for Keycloak / OIDC. */
export { KeycloakIdentityPlugin, PROVIDER, type KeycloakPluginOptions } from "./keycloak-identity-plugin.js";
export { keycloakConfigSchema, parseConfig, realmFromIssuer, type KeycloakConfig, type KeycloakConfigInput } from "./config.js";
export {
  ConfigError,
  KeycloakAuthError,
  KeycloakDiscoveryError,
  KeycloakError,
  KeycloakHttpError,
  KeycloakJwksError,
  KeycloakMalformedResponseError,
  KeycloakNetworkError,
  KeycloakTimeoutError,
  type KeycloakErrorCode,
} from "./errors.js";
export * from "./tracing.js";
