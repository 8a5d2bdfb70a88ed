/**
 * Typed errors of the RBAC plugin: invalid plugin or RBAC config, and manifests it cannot read at all.
 * On the kit's FloePluginError (messages sanitized when built); invalid
 * configs are the kit's ConfigError, with this plugin's code for its input document.
 */
import { ConfigError, FloePluginError } from "@floe/runtime/plugin-kit";

/** A config (plugin options or the floe document) failed validation; lists paths and expectations. */
export { ConfigError };

export type RbacErrorCode = "CONFIG_INVALID" | "RBAC_CONFIG_INVALID" | "MANIFEST_UNREADABLE";

export class RbacError extends FloePluginError {
  override name = "RbacError";
  declare readonly code: RbacErrorCode;

  constructor(message: string, code: RbacErrorCode) {
    super(message, { code });
  }
}
