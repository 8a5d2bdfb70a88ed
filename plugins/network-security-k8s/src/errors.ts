/** Typed errors of the network-security plugin: invalid options or network config, unreadable policies. */
export type NetworkSecurityErrorCode = "CONFIG_INVALID" | "NETWORK_CONFIG_INVALID" | "POLICY_UNREADABLE";

export class NetworkSecurityError extends Error {
  override name = "NetworkSecurityError";
  constructor(
    message: string,
    readonly code: NetworkSecurityErrorCode,
  ) {
    super(message);
  }
}

/** A config failed validation; lists paths and expectations. */
export class ConfigError extends NetworkSecurityError {
  override name = "ConfigError";
  constructor(
    what: string,
    readonly issues: string[],
    code: NetworkSecurityErrorCode = "CONFIG_INVALID",
  ) {
    super(`invalid ${what}: ${issues.join("; ")}`, code);
  }
}
