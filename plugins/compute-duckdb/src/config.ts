/**
 * Configuration of the DuckDB compute plugin, validated with zod. The shape
 * follows dbt-duckdb's profile keys (path, threads, extensions, settings,
 * attach) so `getProfiles` is a faithful rendering of it.
 */
import { floeContextSchema, parseConfig as parsePluginConfig } from "@floe/runtime/plugin-kit";
import { z } from "zod";

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected an identifier ([A-Za-z_][A-Za-z0-9_]*)");

export const attachSchema = z.object({
  /** Database file (or URL understood by a loaded extension). */
  path: z.string().min(1),
  /** Catalog name the database is attached under. */
  alias: identifier,
  readOnly: z.boolean().optional(),
  /** Storage type for non-DuckDB files, e.g. `sqlite`. */
  type: identifier.optional(),
});

const settingValue = z.union([z.string(), z.number(), z.boolean()]);

export const duckDBConfigSchema = z.object({
  /** Database file, or `:memory:`. */
  path: z.string().min(1).default(":memory:"),
  threads: z.number().int().positive().optional(),
  /** Extensions to load on open (installed first when DuckDB knows them but they are not installed). */
  extensions: z.array(identifier).default([]),
  /** DuckDB configuration options, e.g. `{ memory_limit: "1GB" }`. */
  settings: z.record(identifier, settingValue).default({}),
  /** Databases attached on open. */
  attach: z.array(attachSchema).default([]),
  /** Name of the dbt profile `getProfiles` renders. */
  profileName: z.string().min(1).default("floe"),
  /** Default dbt target name. */
  target: z.string().min(1).default("dev"),
  /** Floe deployment context put on every span. */
  floe: floeContextSchema.optional(),
});

export type DuckDBComputeConfig = z.input<typeof duckDBConfigSchema>;
export type ResolvedDuckDBComputeConfig = z.output<typeof duckDBConfigSchema>;
export type AttachedDatabase = z.output<typeof attachSchema>;

/** What opening a database needs (a subset of the plugin config, so other DuckDB users can open one too). */
export type DuckDBSessionOptions = Pick<ResolvedDuckDBComputeConfig, "path" | "threads" | "extensions" | "settings" | "attach">;

/** Validates a config; throws the kit's ConfigError listing `path: problem` for each issue. */
export function parseConfig(input: unknown): ResolvedDuckDBComputeConfig {
  return parsePluginConfig("DuckDB compute", duckDBConfigSchema, input ?? {});
}
