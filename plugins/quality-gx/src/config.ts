/**
 * Configuration of the Great Expectations plugin: which DuckDB database to
 * validate (a file, `:memory:`, or a connection the caller already has) and
 * how many unexpected values to list per expectation.
 */
import { DuckDBConnection } from "@duckdb/node-api";
import { floeContextSchema, parseConfig } from "@floe/runtime/plugin-kit";
import { z } from "zod";

export const gxConfigSchema = z.object({
  /** DuckDB database file or `:memory:`; ignored when `connection` is given. */
  database: z.string().min(1).default(":memory:"),
  /** An open DuckDB connection to validate through (not closed by the plugin). */
  connection: z.instanceof(DuckDBConnection).optional(),
  /** Open `database` read-only. */
  readOnly: z.boolean().default(false),
  /** Length of `partial_unexpected_list` (GX's default is 20). */
  partialUnexpectedCount: z.number().int().nonnegative().default(20),
  floe: floeContextSchema.optional(),
});

export type GxQualityConfig = z.input<typeof gxConfigSchema>;
export type ResolvedGxQualityConfig = z.output<typeof gxConfigSchema>;

/** Validates a config; throws the kit's ConfigError listing `path: problem` for each issue. */
export function parseGxConfig(input: unknown): ResolvedGxQualityConfig {
  return parseConfig("Great Expectations", gxConfigSchema, input ?? {});
}
