/**
 * Configuration of the dbt runner (shared by dbt-core, dbt-fusion and
 * quality-dbt), validated with zod. Credentials never belong here: dbt reads
 * them from profiles.yml or from `env` (e.g. `env_var('DBT_PASSWORD')`),
 * and neither is ever recorded on a span.
 */
import path from "node:path";
import { floeContextSchema, parseConfig } from "@floe/runtime/plugin-kit";
import { z } from "zod";
import type { DbtLogEvent } from "./log-events.js";

export const dbtCliConfigSchema = z.object({
  /** The dbt executable: a name on PATH or a path. */
  executable: z.string().min(1).default("dbt"),
  /** The dbt project (directory holding dbt_project.yml). */
  projectDir: z.string().min(1),
  /** Directory holding profiles.yml (`--profiles-dir`); dbt's default when absent. */
  profilesDir: z.string().min(1).optional(),
  /** `--target-path`, relative to the project; `target` when absent. */
  targetPath: z.string().min(1).optional(),
  /** Default `--target`. */
  target: z.string().min(1).optional(),
  /** Extra environment for dbt (e.g. values profiles.yml reads with env_var()). */
  env: z.record(z.string(), z.string()).default({}),
  /** Whether dbt inherits this process's environment (PATH, HOME ...). */
  inheritEnv: z.boolean().default(true),
  /** Kill dbt after this long. */
  timeoutMs: z.number().int().positive().default(30 * 60_000),
  /** Time between SIGTERM and SIGKILL on timeout. */
  killGraceMs: z.number().int().nonnegative().default(5_000),
  /** Receives every log event as dbt prints it. */
  onLog: z.custom<(event: DbtLogEvent) => void>((v) => typeof v === "function", "expected a function").optional(),
  floe: floeContextSchema.optional(),
});

export type DbtCliConfig = z.input<typeof dbtCliConfigSchema>;
export type ResolvedDbtCliConfig = z.output<typeof dbtCliConfigSchema>;

/** Validates a config; throws the kit's ConfigError listing each failing path. */
export function parseDbtCliConfig(input: unknown): ResolvedDbtCliConfig {
  const config = parseConfig("dbt", dbtCliConfigSchema, input ?? {});
  return {
    ...config,
    projectDir: path.resolve(config.projectDir),
    ...(config.profilesDir ? { profilesDir: path.resolve(config.profilesDir) } : {}),
  };
}
