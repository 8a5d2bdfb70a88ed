// floe-codemod-ignore-file: an unfinished script from the legacy repo; it does not parse, and the codemod must leave it byte-for-byte alone.
import { trace } from "@opentelemetry/api";

export function notes(version {
  const span = trace.getActiveSpan();
  try {
    return `release ${version}`;
  } catch (err) {
    span.recordException(err);
  }
}
