/**
 * Typed errors of the ingestion plugin: source (REST) failures, destination
 * (DuckDB) failures and invalid pipeline specs. Messages are sanitized (and
 * stripped of the source's credentials) by FloePluginError.
 */
import { defineErrorFamily } from "@floe/runtime/plugin-kit";

/** The plugin configuration or a pipeline spec failed validation; `issues` lists `path: expectation`. */
export { ConfigError } from "@floe/runtime/plugin-kit";

/** Any ingestion failure; `code` says which kind, `status` is the source's HTTP status when there was one. */
const family = defineErrorFamily(
  "IngestionError",
  {
    /** The REST source answered with an error status (after retries for 429/5xx). */
    SourceHttpError: {},
    /** The REST source did not answer within the timeout (after retries). */
    SourceTimeoutError: {},
    /** The REST source answered with a body the pipeline cannot read (not JSON, no rows where expected). */
    MalformedResponseError: {},
    /** Loading into DuckDB failed (type conflict, missing primary key...); nothing was committed. */
    DestinationError: {},
  },
);
export const { IngestionError, SourceHttpError, SourceTimeoutError, MalformedResponseError, DestinationError } = family;
export type IngestionError = InstanceType<typeof IngestionError>;
export type SourceHttpError = InstanceType<typeof SourceHttpError>;
export type SourceTimeoutError = InstanceType<typeof SourceTimeoutError>;
export type MalformedResponseError = InstanceType<typeof MalformedResponseError>;
export type DestinationError = InstanceType<typeof DestinationError>;

