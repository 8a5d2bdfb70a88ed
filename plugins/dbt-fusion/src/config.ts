/**
 * Configuration of the dbt Fusion plugin: the dbt runner's settings (project,
 * profiles, env, timeout) plus which executables to try and whether to fall
 * back to dbt-core.
 */
import { dbtCliConfigSchema, parseDbtCliConfig, type ResolvedDbtCliConfig } from "@floe/plugin-dbt-core";
import { parseConfig } from "@floe/runtime/plugin-kit";
import { z } from "zod";

export const dbtFusionConfigSchema = dbtCliConfigSchema.omit({ executable: true }).extend({
  /** `auto`: Fusion when found, else dbt-core. `fusion`: Fusion only. `core`: dbt-core only. */
  mode: z.enum(["auto", "fusion", "core"]).default("auto"),
  /** Fusion executable; default: `dbtf` on PATH, then `coreExecutable` if its `--version` says Fusion. */
  fusionExecutable: z.string().min(1).optional(),
  /** dbt-core executable. */
  coreExecutable: z.string().min(1).default("dbt"),
  /** In `auto` mode, run with dbt-core when Fusion is missing or rejects the adapter. */
  fallback: z.boolean().default(true),
});

export type DbtFusionConfig = z.input<typeof dbtFusionConfigSchema>;

export interface ResolvedDbtFusionConfig {
  mode: "auto" | "fusion" | "core";
  fallback: boolean;
  fusionExecutable?: string;
  /** Runner config for dbt-core (executable = coreExecutable). */
  core: ResolvedDbtCliConfig;
}

export function parseFusionConfig(input: unknown): ResolvedDbtFusionConfig {
  const { mode, fallback, fusionExecutable, coreExecutable, ...runner } = parseConfig("dbt Fusion", dbtFusionConfigSchema, input ?? {});
  return { mode, fallback, fusionExecutable, core: parseDbtCliConfig({ ...runner, executable: coreExecutable }) };
}
