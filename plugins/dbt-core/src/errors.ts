/**
 * Typed errors of the dbt runner. dbt's output embeds whatever the adapter
 * said, and adapters print connection strings and DSNs with passwords; the
 * plugin kit's FloePluginError sanitizes every message before it becomes
 * `Error.message` (and therefore the stack).
 */
import { sanitizeErrorMessage } from "@floe/runtime";
import { defineErrorFamily } from "@floe/runtime/plugin-kit";

/** Invalid configuration: the kit's ConfigError (lists failing paths, never received values). */
export { ConfigError } from "@floe/runtime/plugin-kit";

/** Any failure of the dbt runner; the kinds below carry what their callers need to know. */
export const { DbtError } = defineErrorFamily("DbtError", {});
export type DbtError = InstanceType<typeof DbtError>;

/** The dbt executable does not exist or is not executable. */
export class DbtExecutableNotFoundError extends DbtError {
  override name = "DbtExecutableNotFoundError";
  readonly executable: string;

  constructor(executable: string, options?: { cause?: unknown }) {
    super(`dbt executable not found or not executable: ${executable}`, { code: "EXECUTABLE_NOT_FOUND", cause: options?.cause });
    this.executable = executable;
  }
}

/** dbt ran longer than the configured timeout and was killed. */
export class DbtTimeoutError extends DbtError {
  override name = "DbtTimeoutError";
  readonly timeoutMs: number;

  constructor(command: string, timeoutMs: number) {
    super(`dbt ${command} did not finish within ${timeoutMs} ms and was killed`, { code: "TIMEOUT" });
    this.timeoutMs = timeoutMs;
  }
}

/** dbt exited non-zero without producing results (a project, profile or CLI error). */
export class DbtCommandError extends DbtError {
  override name: string = "DbtCommandError";
  readonly exitCode: number | null;
  /** The error messages dbt logged, sanitized. */
  readonly errors: readonly string[];

  constructor(command: string, exitCode: number | null, errors: readonly string[], code = "COMMAND_FAILED") {
    const detail = errors.length > 0 ? errors.join("\n") : "(no error output)";
    super(`dbt ${command} failed (exit code ${exitCode ?? "none"}): ${detail}`, { code });
    this.exitCode = exitCode;
    this.errors = errors.map((e) => sanitizeErrorMessage(e, { maxLength: 2000 }));
  }
}

/** dbt could not connect with, or could not read, the profile (credentials, host, missing profile). */
export class DbtProfileError extends DbtCommandError {
  override name = "DbtProfileError";

  constructor(command: string, exitCode: number | null, errors: readonly string[]) {
    super(command, exitCode, errors, "PROFILE_ERROR");
  }
}

/** An artifact (run_results.json, manifest.json) is missing, stale or not what dbt writes. */
export class DbtArtifactError extends DbtError {
  override name = "DbtArtifactError";
  readonly path: string;

  constructor(path: string, problem: string, options?: { cause?: unknown }) {
    super(`${path}: ${problem}`, { code: "ARTIFACT_INVALID", cause: options?.cause });
    this.path = path;
  }
}
