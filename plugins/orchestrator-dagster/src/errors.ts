/**
 * Typed errors of the Dagster plugin: transport failures, GraphQL `errors`,
 * and the error members of Dagster's result unions (`PythonError`,
 * `RunNotFoundError`, `PipelineNotFoundError`...). Messages are sanitized
 * (and stripped of the API token) by FloePluginError.
 */
import { FloePluginError } from "@floe/runtime/plugin-kit";

/** The configuration failed validation; `issues` lists `path: expectation`. */
export { ConfigError } from "@floe/runtime/plugin-kit";

/** Any Dagster failure. `code` is the GraphQL `__typename` or a transport code; `status` the HTTP status. */
export class DagsterError extends FloePluginError {
  override name = "DagsterError";
}

/** Non-2xx HTTP from the GraphQL endpoint. */
export class DagsterHttpError extends DagsterError {
  override name = "DagsterHttpError";
}
/** 401/403 or an `UnauthorizedError` result. */
export class DagsterUnauthorizedError extends DagsterError {
  override name = "DagsterUnauthorizedError";
}
/** The response carried top-level GraphQL `errors`. */
export class DagsterGraphQLError extends DagsterError {
  override name = "DagsterGraphQLError";
}
/** `launchRun` returned an error member (`PipelineNotFoundError`, `RunConfigValidationInvalid`, `PythonError`...). */
export class LaunchRunError extends DagsterError {
  override name = "LaunchRunError";
}
export class RunNotFoundError extends DagsterError {
  override name = "RunNotFoundError";
}
/** A run ended in FAILURE or CANCELED while being waited for. */
export class RunFailedError extends DagsterError {
  override name = "RunFailedError";
}
export class DagsterTimeoutError extends DagsterError {
  override name = "DagsterTimeoutError";
}
export class MalformedResponseError extends DagsterError {
  override name = "MalformedResponseError";
}
/** The dbt manifest is missing or not a manifest. */
export class ManifestError extends DagsterError {
  override name = "ManifestError";
}
