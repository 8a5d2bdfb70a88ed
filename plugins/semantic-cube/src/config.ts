/**
 * Configuration of the Cube plugin, validated with zod in the constructor.
 * Failures name the paths and expectations, never the API secret's value.
 */
import { z } from "zod";
import { floeContextSchema, parseConfig } from "@floe/runtime/plugin-kit";

export const cubeConfigSchema = z
  .object({
    /** Base URL of the Cube deployment, e.g. `http://cube:4000`. */
    apiUrl: z.url(),
    /** REST API base path. */
    apiPath: z.string().startsWith("/").default("/cubejs-api/v1"),
    /** `CUBEJS_API_SECRET`: signs the HS256 JWT sent with every query. */
    apiSecret: z.string().min(16, "must be at least 16 characters"),
    /** Claims put in the JWT (Cube's security context). */
    securityContext: z.record(z.string(), z.unknown()).default({}),
    /** Lifetime of each signed JWT. */
    tokenTtlSeconds: z.number().int().positive().default(300),
    /** Directory Cube loads its data model from (`model/` in a Cube project). */
    modelDir: z.string().min(1),
    /** Per-request timeout. */
    timeoutMs: z.number().int().positive().default(10_000),
    /** Delay between polls while Cube answers `Continue wait`. */
    continueWaitIntervalMs: z.number().int().nonnegative().default(1_000),
    /** Polls before giving up on a query that keeps answering `Continue wait`. */
    maxContinueWaitAttempts: z.number().int().positive().default(30),
    floe: floeContextSchema.optional(),
  })
  .strict();

export type CubeConfigInput = z.input<typeof cubeConfigSchema>;
export type CubeConfig = z.output<typeof cubeConfigSchema>;

/** Validates the configuration or throws ConfigError (paths and expectations, never received values). */
export function parseCubeConfig(input: unknown): CubeConfig {
  return parseConfig("cube", cubeConfigSchema, input);
}
