/** Typed errors of the RBAC plugin: invalid plugin or RBAC config, and manifests it cannot read at all. */
export type RbacErrorCode = "CONFIG_INVALID" | "RBAC_CONFIG_INVALID" | "MANIFEST_UNREADABLE";

export class RbacError extends Error {
  override name = "RbacError";
  constructor(
    message: string,
    readonly code: RbacErrorCode,
  ) {
    super(message);
  }
}

/** A config (plugin options or floe RBAC config) failed validation; lists paths and expectations. */
export class ConfigError extends RbacError {
  override name = "ConfigError";
  constructor(
    what: string,
    readonly issues: string[],
    code: RbacErrorCode = "CONFIG_INVALID",
  ) {
    super(`invalid ${what}: ${issues.join("; ")}`, code);
  }
}
