/**
 * Configuration of the Dagster plugin, validated with zod in the constructor.
 * Failures name the paths and expectations, never the API token's value.
 */
import { z } from "zod";
import { floeContextSchema, parseConfig } from "@floe/runtime/plugin-kit";

export const dagsterConfigSchema = z
  .object({
    /** Dagster webserver base URL; GraphQL is served at `<url>/graphql`. */
    url: z.url(),
    /** Dagster+ user token, sent as `Dagster-Cloud-Api-Token`. */
    apiToken: z.string().min(1).optional(),
    /** Code location and repository the jobs live in. */
    repositoryLocationName: z.string().min(1),
    repositoryName: z.string().min(1).default("__repository__"),
    /** Prefix prepended to every dbt asset key (dagster-dbt's `key_prefix`). */
    assetKeyPrefix: z.array(z.string().min(1)).default([]),
    timeoutMs: z.number().int().positive().default(10_000),
    /** Delay between `runOrError` polls in `waitForRun`. */
    pollIntervalMs: z.number().int().nonnegative().default(2_000),
    /** Polls before `waitForRun` gives up. */
    maxPolls: z.number().int().positive().default(900),
    floe: floeContextSchema.optional(),
  })
  .strict();

export type DagsterConfigInput = z.input<typeof dagsterConfigSchema>;
export type DagsterConfig = z.output<typeof dagsterConfigSchema>;

/** Validates the configuration or throws ConfigError (paths and expectations, never received values). */
export function parseDagsterConfig(input: unknown): DagsterConfig {
  return parseConfig("dagster", dagsterConfigSchema, input);
}
