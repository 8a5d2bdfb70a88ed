/**
 * Typed errors of the Great Expectations plugin. They are FloePluginErrors,
 * whose messages are sanitized first: DuckDB echoes SQL literals and paths.
 */
import { defineErrorFamily } from "@floe/runtime/plugin-kit";

/** Invalid configuration: the plugin kit's ConfigError (failing paths, never received values). */
export { ConfigError } from "@floe/runtime/plugin-kit";

export const { GxQualityError } = defineErrorFamily("GxQualityError", {});
export type GxQualityError = InstanceType<typeof GxQualityError>;

/** An expectation suite or validation result is not in Great Expectations' format. */
export class InvalidSuiteError extends GxQualityError {
  override name = "InvalidSuiteError";
  readonly issues: readonly string[];

  constructor(what: string, issues: readonly string[]) {
    super(`invalid ${what}: ${issues.join("; ")}`, { code: "INVALID_DOCUMENT" });
    this.issues = issues;
  }
}

/** The table to validate does not exist. */
export class TableNotFoundError extends GxQualityError {
  override name = "TableNotFoundError";
  constructor(table: string, options?: { cause?: unknown }) {
    super(`table ${table} does not exist`, { code: "TABLE_NOT_FOUND", cause: options?.cause });
  }
}

/** DuckDB could not be opened or failed outside a single expectation. */
export class GxEngineError extends GxQualityError {
  override name = "GxEngineError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, { code: "ENGINE_FAILED", cause: options?.cause });
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
