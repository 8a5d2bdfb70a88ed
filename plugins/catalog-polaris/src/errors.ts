/**
 * Typed errors of the Polaris catalog plugin: the Iceberg REST error model
 * (`{ "error": { "message", "type", "code" } }`) mapped to one class per
 * condition callers handle. Server text is sanitized (and stripped of the
 * plugin's credentials) by FloePluginError before it is kept.
 */
import { FloePluginError, defineErrorKinds } from "@floe/runtime/plugin-kit";

/** The configuration failed validation; `issues` lists `path: expectation`. */
export { ConfigError } from "@floe/runtime/plugin-kit";

export interface PolarisErrorOptions {
  /** Iceberg error type, e.g. `NoSuchTableException`. */
  type?: string;
  status?: number;
  /** Credentials the plugin holds, stripped from the message. */
  secrets?: readonly (string | undefined)[];
  cause?: unknown;
}

/**
 * Any failure talking to the catalog. `status` is the HTTP status when there was a response;
 * `code` is the class name (what spans have always recorded as `exception.type`).
 */
export class PolarisCatalogError extends FloePluginError {
  override name = "PolarisCatalogError";
  /** Iceberg error type, e.g. `NoSuchTableException`. */
  readonly type: string;
  constructor(message: string, options: PolarisErrorOptions = {}) {
    super(message, {
      code: new.target.name,
      status: options.status,
      secrets: options.secrets,
      cause: options.cause,
    });
    this.type = options.type ?? "PolarisCatalogError";
  }
}

export const { NoSuchNamespaceError, NoSuchTableError, AlreadyExistsError, NamespaceNotEmptyError, NotAuthorizedError, ForbiddenError, BadRequestError, CatalogServerError, CatalogTimeoutError, MalformedResponseError } = defineErrorKinds(PolarisCatalogError, {
  NoSuchNamespaceError: {},
  NoSuchTableError: {},
  AlreadyExistsError: {},
  NamespaceNotEmptyError: {},
  /** 401: missing, expired or rejected credentials. */
  NotAuthorizedError: {},
  /** 403: authenticated but not allowed. */
  ForbiddenError: {},
  BadRequestError: {},
  /** 5xx from the catalog. */
  CatalogServerError: {},
  CatalogTimeoutError: {},
  /** The catalog answered with a body that is not the documented shape. */
  MalformedResponseError: {},
});
export type NoSuchNamespaceError = InstanceType<typeof NoSuchNamespaceError>;
export type NoSuchTableError = InstanceType<typeof NoSuchTableError>;
export type AlreadyExistsError = InstanceType<typeof AlreadyExistsError>;
export type NamespaceNotEmptyError = InstanceType<typeof NamespaceNotEmptyError>;
export type NotAuthorizedError = InstanceType<typeof NotAuthorizedError>;
export type ForbiddenError = InstanceType<typeof ForbiddenError>;
export type BadRequestError = InstanceType<typeof BadRequestError>;
export type CatalogServerError = InstanceType<typeof CatalogServerError>;
export type CatalogTimeoutError = InstanceType<typeof CatalogTimeoutError>;
export type MalformedResponseError = InstanceType<typeof MalformedResponseError>;

type ErrorClass = new (message: string, options: PolarisErrorOptions) => PolarisCatalogError;

const BY_TYPE: Record<string, ErrorClass> = {
  NoSuchNamespaceException: NoSuchNamespaceError,
  NoSuchTableException: NoSuchTableError,
  NoSuchViewException: NoSuchTableError,
  AlreadyExistsException: AlreadyExistsError,
  NamespaceNotEmptyException: NamespaceNotEmptyError,
  NotAuthorizedException: NotAuthorizedError,
  ForbiddenException: ForbiddenError,
  BadRequestException: BadRequestError,
  IllegalArgumentException: BadRequestError,
  ValidationException: BadRequestError,
};

function classForStatus(status: number): ErrorClass {
  if (status === 401) return NotAuthorizedError;
  if (status === 403) return ForbiddenError;
  if (status === 409) return AlreadyExistsError;
  if (status >= 500) return CatalogServerError;
  if (status >= 400 && status < 500) return BadRequestError;
  return PolarisCatalogError;
}

/** Maps an Iceberg REST (or OAuth2) error response to a typed error. */
export function errorFromResponse(
  status: number,
  body: unknown,
  context: string,
  secrets: readonly (string | undefined)[] = [],
): PolarisCatalogError {
  const model = (body as { error?: unknown } | undefined)?.error;
  if (model && typeof model === "object") {
    const { message, type } = model as { message?: unknown; type?: unknown };
    const typeName = typeof type === "string" ? type : `HTTP${status}`;
    const cls = BY_TYPE[typeName] ?? classForStatus(status);
    return new cls(`${context}: ${status} ${typeName}: ${typeof message === "string" ? message : "no message"}`, {
      type: typeName,
      status,
      secrets,
    });
  }
  // OAuth2 token endpoint errors: { "error": "invalid_client", "error_description": "..." }.
  if (typeof model === "string") {
    const description = (body as { error_description?: unknown }).error_description;
    const cls = status === 400 || status === 401 ? NotAuthorizedError : classForStatus(status);
    const suffix = typeof description === "string" ? `: ${description}` : "";
    return new cls(`${context}: ${status} ${model}${suffix}`, { type: model, status, secrets });
  }
  return new (classForStatus(status))(`${context}: HTTP ${status}`, { type: `HTTP${status}`, status, secrets });
}
