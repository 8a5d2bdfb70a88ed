/**
 * Typed errors of the network-security plugin: invalid options or network config, unreadable policies.
 * On the kit's FloePluginError (messages sanitized when built); invalid
 * configs are the kit's ConfigError, with this plugin's code for its input document.
 */
import { ConfigError, FloePluginError } from "@floe/runtime/plugin-kit";

/** A config (plugin options or the floe document) failed validation; lists paths and expectations. */
export { ConfigError };

export type NetworkSecurityErrorCode = "CONFIG_INVALID" | "NETWORK_CONFIG_INVALID" | "POLICY_UNREADABLE";

export class NetworkSecurityError extends FloePluginError {
  override name = "NetworkSecurityError";
  declare readonly code: NetworkSecurityErrorCode;

  constructor(message: string, code: NetworkSecurityErrorCode) {
    super(message, { code });
  }
}
