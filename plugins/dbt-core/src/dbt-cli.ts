/**
 * `DbtCli`: runs dbt commands and turns what they leave behind into typed
 * results. Decides between "dbt ran and some nodes failed" (a DbtRunResult
 * with success false, read from a fresh run_results.json) and "dbt could not
 * run" (a typed error built from its sanitized error log lines). Has no
 * tracing of its own: the plugins wrap it in their domain spans.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { DbtInvocation, DbtRunResult } from "@floe/runtime";
import { readManifest, readRunResults, toDbtRunResult, type DbtManifest, type RunResultsArtifact } from "./artifacts.js";
import { buildDbtArgs } from "./dbt-args.js";
import { runDbtProcess, type DbtProcessResult } from "./dbt-process.js";
import { DbtArtifactError, DbtCommandError, DbtProfileError } from "./errors.js";
import type { DbtLogEvent } from "./log-events.js";
import type { ResolvedDbtCliConfig } from "./config.js";

/** Messages that say dbt could not use the profile (connect, authenticate, find it). */
const PROFILE_FAILURE =
  /Database Error|password authentication|authentication failed|could not connect|connection to server|Could not find profile|profiles\.yml|Credentials in profile|Runtime Error.*profile|Unsupported adapter|adapter type/i;

export interface DbtInvocationOutcome {
  result: DbtRunResult;
  /** The run_results.json document this invocation wrote. */
  artifact: RunResultsArtifact;
  /** Every log event dbt printed. */
  events: DbtLogEvent[];
}

export interface DbtVersionOutput {
  exitCode: number | null;
  /** stdout and stderr of `dbt --version`. */
  output: string;
}

async function mtimeOf(file: string): Promise<number | undefined> {
  try {
    return (await fs.stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

export class DbtCli {
  constructor(readonly config: ResolvedDbtCliConfig) {}

  get executable(): string {
    return this.config.executable;
  }

  /** Absolute path of an artifact in the target directory. */
  artifactPath(file: string): string {
    return path.resolve(this.config.projectDir, this.config.targetPath ?? "target", file);
  }

  environment(): NodeJS.ProcessEnv {
    const base = this.config.inheritEnv ? process.env : { PATH: process.env.PATH };
    return { ...base, DBT_SEND_ANONYMOUS_USAGE_STATS: "False", ...this.config.env };
  }

  /** Runs `dbt <command>` and returns its run results; throws a typed error when dbt could not run. */
  async invoke(command: string, invocation: DbtInvocation = {}): Promise<DbtInvocationOutcome> {
    const args = buildDbtArgs(command, invocation, this.config);
    const runResultsPath = this.artifactPath("run_results.json");
    const before = await mtimeOf(runResultsPath);
    const processResult = await runDbtProcess({
      executable: this.config.executable,
      args,
      cwd: this.config.projectDir,
      env: this.environment(),
      timeoutMs: this.config.timeoutMs,
      killGraceMs: this.config.killGraceMs,
      label: command,
      onEvent: this.config.onLog,
    });
    const after = await mtimeOf(runResultsPath);
    const wroteResults = after !== undefined && after !== before;
    if (wroteResults) {
      const artifact = await readRunResults(runResultsPath);
      const loggedId = processResult.events.find((e) => e.invocationId)?.invocationId;
      const artifactId = artifact.metadata.invocation_id;
      if (!loggedId || !artifactId || loggedId === artifactId) {
        return { result: toDbtRunResult(command, artifact, processResult.exitCode), artifact, events: processResult.events };
      }
    }
    if (processResult.exitCode === 0) {
      throw new DbtArtifactError(runResultsPath, `dbt ${command} exited 0 but wrote no run_results.json for this invocation`);
    }
    throw commandError(command, processResult);
  }

  /** Runs `dbt --version` (never throws for a non-zero exit; a missing executable still throws). */
  async version(timeoutMs = Math.min(this.config.timeoutMs, 30_000)): Promise<DbtVersionOutput> {
    const result = await runDbtProcess({
      executable: this.config.executable,
      args: ["--version"],
      cwd: this.config.projectDir,
      env: this.environment(),
      timeoutMs,
      killGraceMs: this.config.killGraceMs,
      label: "--version",
    });
    return { exitCode: result.exitCode, output: `${result.stdout}\n${result.stderr}`.trim() };
  }

  /** Reads the manifest dbt wrote (default: `<target>/manifest.json`). */
  parseManifest(file?: string): Promise<DbtManifest> {
    return readManifest(file ? path.resolve(this.config.projectDir, file) : this.artifactPath("manifest.json"));
  }
}

/** Builds the typed error for a dbt process that failed without results. */
export function commandError(command: string, result: DbtProcessResult): DbtCommandError {
  const messages = result.events.filter((e) => e.level === "error").map((e) => e.msg);
  if (messages.length === 0 && result.stderr.trim() !== "") messages.push(result.stderr.trim().split("\n").slice(-5).join("\n"));
  if (result.signal) messages.push(`terminated by ${result.signal}`);
  const exitCode = result.exitCode;
  return messages.some((m) => PROFILE_FAILURE.test(m))
    ? new DbtProfileError(command, exitCode, messages)
    : new DbtCommandError(command, exitCode, messages);
}
