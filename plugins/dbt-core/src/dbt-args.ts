/**
 * Builds dbt's command line from an invocation: the subcommand, the project
 * and profiles directories, node selection and per-run flags, always with
 * `--log-format json` so the output can be streamed as structured events.
 */
import type { DbtInvocation } from "@floe/runtime";

export interface DbtArgsContext {
  projectDir: string;
  profilesDir?: string;
  targetPath?: string;
  /** Default target when the invocation names none. */
  target?: string;
}

export function buildDbtArgs(command: string, invocation: DbtInvocation, context: DbtArgsContext): string[] {
  const args = [command, "--log-format", "json", "--project-dir", context.projectDir];
  if (context.profilesDir) args.push("--profiles-dir", context.profilesDir);
  if (context.targetPath) args.push("--target-path", context.targetPath);
  const target = invocation.target ?? context.target;
  if (target) args.push("--target", target);
  if (invocation.select?.length) args.push("--select", ...invocation.select);
  if (invocation.exclude?.length) args.push("--exclude", ...invocation.exclude);
  if (invocation.selector) args.push("--selector", invocation.selector);
  if (invocation.vars && Object.keys(invocation.vars).length > 0) args.push("--vars", JSON.stringify(invocation.vars));
  if (invocation.threads !== undefined) args.push("--threads", String(invocation.threads));
  if (invocation.fullRefresh && (command === "run" || command === "build")) args.push("--full-refresh");
  return args;
}
