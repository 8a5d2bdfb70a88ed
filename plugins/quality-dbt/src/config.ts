/**
 * Configuration of the dbt quality plugin: dbt-core's runner settings plus
 * how to count the rows a test looked at (dbt itself does not report it).
 */
import { dbtCliConfigSchema, parseDbtCliConfig, type ResolvedDbtCliConfig } from "@floe/plugin-dbt-core";
import { parseConfig } from "@floe/runtime/plugin-kit";
import { z } from "zod";

/** Counts the rows of a relation (e.g. `"db"."main"."customers"`), for `rowsChecked`. */
export type RowCounter = (relationName: string) => Promise<number>;

export const dbtQualityConfigSchema = dbtCliConfigSchema.extend({
  /** Optional: counts rows of the model each test is attached to. */
  countRows: z.custom<RowCounter>((v) => typeof v === "function", "expected a function").optional(),
  /** Treat dbt `warn` results as failures. */
  warnAsFailure: z.boolean().default(false),
});

export type DbtQualityConfig = z.input<typeof dbtQualityConfigSchema>;

export interface ResolvedDbtQualityConfig {
  runner: ResolvedDbtCliConfig;
  countRows?: RowCounter;
  warnAsFailure: boolean;
}

export function parseQualityConfig(input: unknown): ResolvedDbtQualityConfig {
  const { countRows, warnAsFailure, ...runner } = parseConfig("dbt quality", dbtQualityConfigSchema, input ?? {});
  return { runner: parseDbtCliConfig(runner), countRows, warnAsFailure };
}
