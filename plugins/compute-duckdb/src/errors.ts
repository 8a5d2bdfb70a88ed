/**
 * Typed errors of the DuckDB compute plugin. They are FloePluginErrors, whose
 * messages are sanitized before they reach `Error.message` (and so the
 * stack), because DuckDB echoes SQL text and ATTACH paths, which can hold
 * credentials (e.g. `s3://key:secret@bucket`).
 */
import { FloePluginError } from "@floe/runtime/plugin-kit";

/** Invalid configuration: the plugin kit's ConfigError (failing paths, never received values). */
export { ConfigError } from "@floe/runtime/plugin-kit";

export class DuckDBComputeError extends FloePluginError {
  override name = "DuckDBComputeError";

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, { code, cause: options?.cause });
  }
}

/** The database could not be opened, an extension not loaded, or a database not attached. */
export class DuckDBConnectionError extends DuckDBComputeError {
  override name = "DuckDBConnectionError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("CONNECTION_FAILED", message, options);
  }
}

/** A statement failed (syntax, catalog, constraint, conversion ...). */
export class DuckDBQueryError extends DuckDBComputeError {
  override name = "DuckDBQueryError";
  constructor(message: string, options?: { cause?: unknown }) {
    super("QUERY_FAILED", message, options);
  }
}

/** The plugin was closed and cannot run statements any more. */
export class DuckDBClosedError extends DuckDBComputeError {
  override name = "DuckDBClosedError";
  constructor() {
    super("CLOSED", "the DuckDB compute plugin was closed");
  }
}

/** The message of an unknown thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
