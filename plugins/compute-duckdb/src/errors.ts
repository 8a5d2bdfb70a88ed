/**
 * Typed errors of the DuckDB compute plugin. They are FloePluginErrors, whose
 * messages are sanitized before they reach `Error.message` (and so the
 * stack), because DuckDB echoes SQL text and ATTACH paths, which can hold
 * credentials (e.g. `s3://key:secret@bucket`).
 */
import { defineErrorFamily } from "@floe/runtime/plugin-kit";

/** Invalid configuration: the plugin kit's ConfigError (failing paths, never received values). */
export { ConfigError } from "@floe/runtime/plugin-kit";

const family = defineErrorFamily("DuckDBComputeError", {
  /** The database could not be opened, an extension not loaded, or a database not attached. */
  DuckDBConnectionError: { code: "CONNECTION_FAILED" },
  /** A statement failed (syntax, catalog, constraint, conversion ...). */
  DuckDBQueryError: { code: "QUERY_FAILED" },
});
export const { DuckDBComputeError, DuckDBConnectionError, DuckDBQueryError } = family;
export type DuckDBComputeError = InstanceType<typeof DuckDBComputeError>;
export type DuckDBConnectionError = InstanceType<typeof DuckDBConnectionError>;
export type DuckDBQueryError = InstanceType<typeof DuckDBQueryError>;

/** The plugin was closed and cannot run statements any more. */
export class DuckDBClosedError extends DuckDBComputeError {
  override name = "DuckDBClosedError";
  constructor() {
    super("the DuckDB compute plugin was closed", { code: "CLOSED" });
  }
}

/** The message of an unknown thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
