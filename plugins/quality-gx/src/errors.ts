/**
 * Typed errors of the Great Expectations plugin. Engine messages go through
 * `sanitizeErrorMessage` first: DuckDB echoes SQL literals and paths.
 */
import { sanitizeErrorMessage } from "@floe/runtime";

export class GxQualityError extends Error {
  override readonly name: string = "GxQualityError";
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(sanitizeErrorMessage(message), options);
    this.code = code;
  }
}

/** The configuration failed validation; lists failing paths, never received values. */
export class ConfigError extends GxQualityError {
  override readonly name = "ConfigError";
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super("CONFIG_INVALID", `invalid Great Expectations config: ${issues.join("; ")}`);
    this.issues = issues;
  }
}

/** An expectation suite or validation result is not in Great Expectations' format. */
export class InvalidSuiteError extends GxQualityError {
  override readonly name = "InvalidSuiteError";
  readonly issues: readonly string[];

  constructor(what: string, issues: readonly string[]) {
    super("INVALID_DOCUMENT", `invalid ${what}: ${issues.join("; ")}`);
    this.issues = issues;
  }
}

/** The table to validate does not exist. */
export class TableNotFoundError extends GxQualityError {
  override readonly name = "TableNotFoundError";
  constructor(table: string, options?: { cause?: unknown }) {
    super("TABLE_NOT_FOUND", `table ${table} does not exist`, options);
  }
}

/** DuckDB could not be opened or failed outside a single expectation. */
export class GxEngineError extends GxQualityError {
  override readonly name = "GxEngineError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("ENGINE_FAILED", message, options);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
