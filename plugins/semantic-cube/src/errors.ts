/**
 * Typed errors of the Cube semantic-layer plugin. Messages that embed what
 * Cube answered are sanitized (and stripped of the API secret) by
 * FloePluginError before they are kept.
 */
import { defineErrorFamily } from "@floe/runtime/plugin-kit";

/** The configuration failed validation; `issues` lists `path: expectation`. */
export { ConfigError } from "@floe/runtime/plugin-kit";

/** Any failure of the Cube plugin; `status` is the HTTP status when Cube answered. */
const family = defineErrorFamily(
  "CubeError",
  {
    /** The dbt manifest is missing or not a manifest. */
    ManifestError: {},
    /** 401/403: Cube rejected the JWT. */
    CubeAuthError: {},
    /** 400: Cube rejected the query (unknown member, bad filter...). */
    CubeQueryError: {},
    /** 5xx from Cube. */
    CubeServerError: {},
    /** One request got no answer within the timeout. */
    CubeTimeoutError: {},
    /** Cube kept answering `Continue wait` for longer than allowed. */
    CubeContinueWaitError: {},
    /** Cube answered with a body that is not the documented shape. */
    MalformedResponseError: {},
  },
);
export const { CubeError, ManifestError, CubeAuthError, CubeQueryError, CubeServerError, CubeTimeoutError, CubeContinueWaitError, MalformedResponseError } = family;
export type CubeError = InstanceType<typeof CubeError>;
export type ManifestError = InstanceType<typeof ManifestError>;
export type CubeAuthError = InstanceType<typeof CubeAuthError>;
export type CubeQueryError = InstanceType<typeof CubeQueryError>;
export type CubeServerError = InstanceType<typeof CubeServerError>;
export type CubeTimeoutError = InstanceType<typeof CubeTimeoutError>;
export type CubeContinueWaitError = InstanceType<typeof CubeContinueWaitError>;
export type MalformedResponseError = InstanceType<typeof MalformedResponseError>;

/** Maps a non-2xx Cube response (`{ "error": "..." }`) to a typed error. */
export function errorFromResponse(
  status: number,
  body: unknown,
  context: string,
  secrets: readonly string[] = [],
): CubeError {
  const detail = typeof (body as { error?: unknown })?.error === "string" ? (body as { error: string }).error : `HTTP ${status}`;
  const message = `${context}: ${status} ${detail}`;
  if (status === 401 || status === 403) return new CubeAuthError(message, { status, code: "UNAUTHORIZED", secrets });
  if (status >= 500) return new CubeServerError(message, { status, code: "SERVER_ERROR", secrets });
  return new CubeQueryError(message, { status, code: status === 404 ? "NOT_FOUND" : "BAD_REQUEST", secrets });
}
