/**
 * Typed errors of the RBAC plugin: invalid plugin or RBAC config, and manifests it cannot read at all.
 * On the kit's FloePluginError (messages sanitized when built); invalid
 * configs are the kit's ConfigError, with this plugin's code for its input document.
 */
import { ConfigError, defineErrorFamily } from "@floe/runtime/plugin-kit";

/** A config (plugin options or the floe document) failed validation; lists paths and expectations. */
export { ConfigError };

export type RbacErrorCode = "CONFIG_INVALID" | "RBAC_CONFIG_INVALID" | "MANIFEST_UNREADABLE";

export const { RbacError } = defineErrorFamily("RbacError", {}, { codes: "" as RbacErrorCode });
export type RbacError = InstanceType<typeof RbacError>;
