/**
 * Typed errors of the ingestion plugin: source (REST) failures, destination
 * (DuckDB) failures and invalid pipeline specs. Messages are sanitized.
 */
import { sanitizeErrorMessage } from "@floe/runtime";

/** The plugin configuration or a pipeline spec failed validation; `problems` lists `path: expectation`. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: string[], what = "ingestion config") {
    super(`invalid ${what}: ${problems.join("; ")}`);
  }
}

/** Any ingestion failure; `code` says which kind, `status` is the source's HTTP status when there was one. */
export class IngestionError extends Error {
  override name = "IngestionError";
  readonly code: string;
  readonly status: number | undefined;
  constructor(message: string, options: { code?: string; status?: number; cause?: unknown } = {}) {
    super(sanitizeErrorMessage(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code ?? "INGESTION_ERROR";
    this.status = options.status;
  }
}

/** The REST source answered with an error status (after retries for 429/5xx). */
export class SourceHttpError extends IngestionError {
  override name = "SourceHttpError";
}
/** The REST source did not answer within the timeout (after retries). */
export class SourceTimeoutError extends IngestionError {
  override name = "SourceTimeoutError";
}
/** The REST source answered with a body the pipeline cannot read (not JSON, no rows where expected). */
export class MalformedResponseError extends IngestionError {
  override name = "MalformedResponseError";
}
/** Loading into DuckDB failed (type conflict, missing primary key...); nothing was committed. */
export class DestinationError extends IngestionError {
  override name = "DestinationError";
}
