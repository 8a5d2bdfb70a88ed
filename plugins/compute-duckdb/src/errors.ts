/**
 * Typed errors of the DuckDB compute plugin. Messages that carry engine
 * output go through `sanitizeErrorMessage` before they reach `Error.message`
 * (and so the stack), because DuckDB echoes SQL text and ATTACH paths, which
 * can hold credentials (e.g. `s3://key:secret@bucket`).
 */
import { sanitizeErrorMessage } from "@floe/runtime";

export class DuckDBComputeError extends Error {
  override readonly name: string = "DuckDBComputeError";
  /** Stable machine-readable code. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(sanitizeErrorMessage(message), options);
    this.code = code;
  }
}

/** The configuration failed validation; lists failing paths, never received values. */
export class ConfigError extends DuckDBComputeError {
  override readonly name = "ConfigError";
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super("CONFIG_INVALID", `invalid DuckDB compute config: ${issues.join("; ")}`);
    this.issues = issues;
  }
}

/** The database could not be opened, an extension not loaded, or a database not attached. */
export class DuckDBConnectionError extends DuckDBComputeError {
  override readonly name = "DuckDBConnectionError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("CONNECTION_FAILED", message, options);
  }
}

/** A statement failed (syntax, catalog, constraint, conversion ...). */
export class DuckDBQueryError extends DuckDBComputeError {
  override readonly name = "DuckDBQueryError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("QUERY_FAILED", message, options);
  }
}

/** The plugin was closed and cannot run statements any more. */
export class DuckDBClosedError extends DuckDBComputeError {
  override readonly name = "DuckDBClosedError";
  constructor() {
    super("CLOSED", "the DuckDB compute plugin was closed");
  }
}

/** The message of an unknown thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
