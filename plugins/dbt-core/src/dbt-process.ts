/**
 * Runs one dbt process: streams stdout line by line as dbt log events,
 * keeps a bounded tail of stderr, and enforces a timeout by killing the
 * whole process group (SIGTERM, then SIGKILL after a grace period).
 */
import { spawn } from "node:child_process";
import { parseLogLine, LineSplitter, type DbtLogEvent } from "./log-events.js";
import { DbtExecutableNotFoundError, DbtTimeoutError } from "./errors.js";

export interface DbtProcessOptions {
  executable: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Time between SIGTERM and SIGKILL when the timeout fires. */
  killGraceMs: number;
  /** Name used in timeout errors (`run`, `--version`, ...). */
  label: string;
  onEvent?: (event: DbtLogEvent) => void;
}

export interface DbtProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  events: DbtLogEvent[];
  /** Last part of stderr (at most 8 KiB). */
  stderr: string;
  /** Raw stdout text (at most 64 KiB), for commands like `--version`. */
  stdout: string;
}

const STDERR_TAIL = 8 * 1024;
const STDOUT_KEEP = 64 * 1024;

export function runDbtProcess(options: DbtProcessOptions): Promise<DbtProcessResult> {
  return new Promise((resolve, reject) => {
    const events: DbtLogEvent[] = [];
    let stderr = "";
    let stdout = "";
    let timedOut = false;
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;

    const child = spawn(options.executable, options.args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      // Own process group, so a timeout kills dbt and anything it started.
      detached: process.platform !== "win32",
    });

    const killGroup = (signal: NodeJS.Signals) => {
      if (child.pid === undefined) return;
      try {
        if (process.platform === "win32") child.kill(signal);
        else process.kill(-child.pid, signal);
      } catch {
        // Already gone.
      }
    };

    const timer = setTimeout(() => {
      timedOut = true;
      killGroup("SIGTERM");
      killTimer = setTimeout(() => killGroup("SIGKILL"), options.killGraceMs);
      killTimer.unref();
    }, options.timeoutMs);

    const lines = new LineSplitter((line) => {
      const event = parseLogLine(line);
      if (!event) return;
      events.push(event);
      try {
        options.onEvent?.(event);
      } catch {
        // A throwing listener must not break the run.
      }
    });
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      if (stdout.length < STDOUT_KEEP) stdout += chunk.slice(0, STDOUT_KEEP - stdout.length);
      lines.push(chunk);
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL);
    });

    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      fn();
    };

    child.on("error", (error: NodeJS.ErrnoException) => {
      finish(() =>
        reject(
          error.code === "ENOENT" || error.code === "EACCES"
            ? new DbtExecutableNotFoundError(options.executable, { cause: error })
            : error,
        ),
      );
    });
    child.on("close", (exitCode, signal) => {
      lines.flush();
      finish(() => {
        if (timedOut) reject(new DbtTimeoutError(options.label, options.timeoutMs));
        else resolve({ exitCode, signal, events, stderr, stdout });
      });
    });
  });
}
