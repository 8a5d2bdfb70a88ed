/**
 * Typed errors of the ingestion plugin: source (REST) failures, destination
 * (DuckDB) failures and invalid pipeline specs. Messages are sanitized (and
 * stripped of the source's credentials) by FloePluginError.
 */
import { FloePluginError } from "@floe/runtime/plugin-kit";

/** The plugin configuration or a pipeline spec failed validation; `issues` lists `path: expectation`. */
export { ConfigError } from "@floe/runtime/plugin-kit";

/** Any ingestion failure; `code` says which kind, `status` is the source's HTTP status when there was one. */
export class IngestionError extends FloePluginError {
  override name = "IngestionError";
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
