/** Typed errors of the Jaeger telemetry backend. */

/** The configuration failed validation; `problems` lists `path: expectation` (never a header's value). */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`invalid jaeger telemetry config: ${problems.join("; ")}`);
  }
}
