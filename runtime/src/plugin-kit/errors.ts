/**
 * The base of every plugin's typed errors. Its message is sanitized at
 * construction (and stripped of the secrets the plugin names), so a typed
 * error can be logged, rethrown or recorded without leaking what a peer echoed.
 */
import { redactKnownSecrets } from "../sanitize/known-secrets.js";

export interface PluginErrorOptions {
  /** Stable machine-readable code, e.g. `TIMEOUT`, `NOT_FOUND`, `HTTP_ERROR`. */
  code: string;
  /** HTTP (or protocol) status the failure came with, when there was one. */
  status?: number;
  /** Secrets the plugin knows by value, removed from the message before sanitizing. */
  secrets?: readonly (string | undefined)[];
  cause?: unknown;
}

/** Longer than an exception event keeps, so callers still see the whole story. */
const PLUGIN_ERROR_MAX_LENGTH = 1000;

export class FloePluginError extends Error {
  override name = "FloePluginError";
  readonly code: string;
  readonly status: number | undefined;

  constructor(message: string, options: PluginErrorOptions) {
    super(redactKnownSecrets(message, options.secrets ?? [], { maxLength: PLUGIN_ERROR_MAX_LENGTH }), {
      cause: options.cause,
    });
    this.code = options.code;
    this.status = options.status;
  }
}

/** The peer did not answer in time. */
export class PluginTimeoutError extends FloePluginError {
  override name = "PluginTimeoutError";
}

/** The peer could not be reached (refused, DNS, reset). */
export class PluginUnreachableError extends FloePluginError {
  override name = "PluginUnreachableError";
}

/** The peer answered with something that is not what its protocol promises. */
export class MalformedResponseError extends FloePluginError {
  override name = "MalformedResponseError";
}
