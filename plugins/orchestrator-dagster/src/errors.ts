/**
 * Typed errors of the Dagster plugin: transport failures, GraphQL `errors`,
 * and the error members of Dagster's result unions (`PythonError`,
 * `RunNotFoundError`, `PipelineNotFoundError`...). Messages are sanitized
 * (and stripped of the API token) by FloePluginError.
 */
import { defineErrorFamily } from "@floe/runtime/plugin-kit";

/** The configuration failed validation; `issues` lists `path: expectation`. */
export { ConfigError } from "@floe/runtime/plugin-kit";

/** Any Dagster failure. `code` is the GraphQL `__typename` or a transport code; `status` the HTTP status. */
const family = defineErrorFamily(
  "DagsterError",
  {
    /** Non-2xx HTTP from the GraphQL endpoint. */
    DagsterHttpError: {},
    /** 401/403 or an `UnauthorizedError` result. */
    DagsterUnauthorizedError: {},
    /** The response carried top-level GraphQL `errors`. */
    DagsterGraphQLError: {},
    /** `launchRun` returned an error member (`PipelineNotFoundError`, `RunConfigValidationInvalid`, `PythonError`...). */
    LaunchRunError: {},
    RunNotFoundError: {},
    /** A run ended in FAILURE or CANCELED while being waited for. */
    RunFailedError: {},
    DagsterTimeoutError: {},
    MalformedResponseError: {},
    /** The dbt manifest is missing or not a manifest. */
    ManifestError: {},
  },
);
export const { DagsterError, DagsterHttpError, DagsterUnauthorizedError, DagsterGraphQLError, LaunchRunError, RunNotFoundError, RunFailedError, DagsterTimeoutError, MalformedResponseError, ManifestError } = family;
export type DagsterError = InstanceType<typeof DagsterError>;
export type DagsterHttpError = InstanceType<typeof DagsterHttpError>;
export type DagsterUnauthorizedError = InstanceType<typeof DagsterUnauthorizedError>;
export type DagsterGraphQLError = InstanceType<typeof DagsterGraphQLError>;
export type LaunchRunError = InstanceType<typeof LaunchRunError>;
export type RunNotFoundError = InstanceType<typeof RunNotFoundError>;
export type RunFailedError = InstanceType<typeof RunFailedError>;
export type DagsterTimeoutError = InstanceType<typeof DagsterTimeoutError>;
export type MalformedResponseError = InstanceType<typeof MalformedResponseError>;
export type ManifestError = InstanceType<typeof ManifestError>;

