/** Typed errors of the console telemetry backend. */

/** The configuration failed validation; `problems` lists `path: expectation`. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`invalid console telemetry config: ${problems.join("; ")}`);
  }
}
