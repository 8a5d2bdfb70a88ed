/**
 * Typed errors of the Great Expectations plugin. They are FloePluginErrors,
 * whose messages are sanitized first: DuckDB echoes SQL literals and paths.
 */
import { FloePluginError } from "@floe/runtime/plugin-kit";

/** Invalid configuration: the plugin kit's ConfigError (failing paths, never received values). */
export { ConfigError } from "@floe/runtime/plugin-kit";

export class GxQualityError extends FloePluginError {
  override name = "GxQualityError";

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, { code, cause: options?.cause });
  }
}

/** An expectation suite or validation result is not in Great Expectations' format. */
export class InvalidSuiteError extends GxQualityError {
  override name = "InvalidSuiteError";
  readonly issues: readonly string[];

  constructor(what: string, issues: readonly string[]) {
    super("INVALID_DOCUMENT", `invalid ${what}: ${issues.join("; ")}`);
    this.issues = issues;
  }
}

/** The table to validate does not exist. */
export class TableNotFoundError extends GxQualityError {
  override name = "TableNotFoundError";
  constructor(table: string, options?: { cause?: unknown }) {
    super("TABLE_NOT_FOUND", `table ${table} does not exist`, options);
  }
}

/** DuckDB could not be opened or failed outside a single expectation. */
export class GxEngineError extends GxQualityError {
  override name = "GxEngineError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("ENGINE_FAILED", message, options);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
