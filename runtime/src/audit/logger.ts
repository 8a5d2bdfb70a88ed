/**
 * Structured warnings for the audit: one JSON object per gap, so log
 * pipelines can alert on `event` without parsing prose.
 */
import type { InstrumentationWarning } from "./verify-instrumentation.js";

export interface StructuredLogger {
  warn(record: Record<string, unknown>): void;
}

export const AUDIT_EVENT = "floe.instrumentation.audit";

/** Writes one JSON line per record to stderr. */
export const stderrLogger: StructuredLogger = {
  warn(record) {
    process.stderr.write(`${JSON.stringify({ level: "warn", ...record })}\n`);
  },
};

export function logInstrumentationWarnings(
  warnings: readonly InstrumentationWarning[],
  logger: StructuredLogger,
  stage: string,
): void {
  for (const warning of warnings) {
    logger.warn({ event: AUDIT_EVENT, stage, ...warning });
  }
}
