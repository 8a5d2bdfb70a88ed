/**
 * Typed errors of the network-security plugin: invalid options or network config, unreadable policies.
 * On the kit's FloePluginError (messages sanitized when built); invalid
 * configs are the kit's ConfigError, with this plugin's code for its input document.
 */
import { ConfigError, defineErrorFamily } from "@floe/runtime/plugin-kit";

/** A config (plugin options or the floe document) failed validation; lists paths and expectations. */
export { ConfigError };

export type NetworkSecurityErrorCode = "CONFIG_INVALID" | "NETWORK_CONFIG_INVALID" | "POLICY_UNREADABLE";

export const { NetworkSecurityError } = defineErrorFamily("NetworkSecurityError", {}, { codes: "" as NetworkSecurityErrorCode });
export type NetworkSecurityError = InstanceType<typeof NetworkSecurityError>;
