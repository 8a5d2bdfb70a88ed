/**
 * Configuration of the Polaris (Iceberg REST) catalog plugin, validated with
 * zod in the constructor. Failures name the paths and expectations, never the
 * received value of a credential.
 */
import { z } from "zod";
import { floeContextSchema, parseConfig } from "@floe/runtime/plugin-kit";

export const polarisConfigSchema = z
  .object({
    /** Base URL of the Iceberg REST API, e.g. `http://polaris:8181/api/catalog`. */
    uri: z.url(),
    /** Warehouse (Polaris catalog name) sent to `/v1/config`. */
    warehouse: z.string().min(1),
    /** OAuth2 client credentials, exchanged at `/v1/oauth/tokens`. */
    credential: z
      .object({
        clientId: z.string().min(1),
        clientSecret: z.string().min(1),
      })
      .strict()
      .optional(),
    /** A pre-issued bearer token, used when no client credentials are given. */
    token: z.string().min(1).optional(),
    /** OAuth2 scope requested with the client credentials. */
    scope: z.string().min(1).default("PRINCIPAL_ROLE:ALL"),
    /** Refresh a cached token this many seconds before it expires. */
    tokenRefreshMarginSeconds: z.number().int().nonnegative().default(60),
    /** Per-request timeout. */
    timeoutMs: z.number().int().positive().default(10_000),
    floe: floeContextSchema.optional(),
  })
  .strict();

export type PolarisConfigInput = z.input<typeof polarisConfigSchema>;
export type PolarisConfig = z.output<typeof polarisConfigSchema>;

/** Validates the configuration or throws ConfigError (paths and expectations, never received values). */
export function parsePolarisConfig(input: unknown): PolarisConfig {
  return parseConfig("polaris catalog", polarisConfigSchema, input);
}
