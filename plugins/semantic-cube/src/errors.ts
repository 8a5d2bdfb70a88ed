/**
 * Typed errors of the Cube semantic-layer plugin. Messages that embed what
 * Cube answered are sanitized (and stripped of the API secret) by
 * FloePluginError before they are kept.
 */
import { FloePluginError } from "@floe/runtime/plugin-kit";

/** The configuration failed validation; `issues` lists `path: expectation`. */
export { ConfigError } from "@floe/runtime/plugin-kit";

/** Any failure of the Cube plugin; `status` is the HTTP status when Cube answered. */
export class CubeError extends FloePluginError {
  override name = "CubeError";
}

/** The dbt manifest is missing or not a manifest. */
export class ManifestError extends CubeError {
  override name = "ManifestError";
}
/** 401/403: Cube rejected the JWT. */
export class CubeAuthError extends CubeError {
  override name = "CubeAuthError";
}
/** 400: Cube rejected the query (unknown member, bad filter...). */
export class CubeQueryError extends CubeError {
  override name = "CubeQueryError";
}
/** 5xx from Cube. */
export class CubeServerError extends CubeError {
  override name = "CubeServerError";
}
/** One request got no answer within the timeout. */
export class CubeTimeoutError extends CubeError {
  override name = "CubeTimeoutError";
}
/** Cube kept answering `Continue wait` for longer than allowed. */
export class CubeContinueWaitError extends CubeError {
  override name = "CubeContinueWaitError";
}
/** Cube answered with a body that is not the documented shape. */
export class MalformedResponseError extends CubeError {
  override name = "MalformedResponseError";
}

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
