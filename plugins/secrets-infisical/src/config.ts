/**
 * Configuration of the Infisical plugin, validated with zod in the
 * constructor. Failures become a ConfigError naming the paths and what was
 * expected; the received value of a field is never echoed.
 */
import { describeExpectation, floeContextSchema, parseConfig as parsePluginConfig } from "@floe/runtime/plugin-kit";
import { z } from "zod";

export const infisicalConfigSchema = z.object({
  /** Base URL of the Infisical instance, e.g. `https://app.infisical.com`. */
  siteUrl: z.url({ protocol: /^https?$/ }).default("https://app.infisical.com"),
  /** Universal Auth machine identity client id. */
  clientId: z.string().min(1),
  /** Universal Auth machine identity client secret. */
  clientSecret: z.string().min(1),
  /** Infisical project (workspace) id. */
  workspaceId: z.string().min(1),
  /** Environment slug, e.g. `dev`, `prod`. */
  environment: z.string().min(1),
  /** Folder the secrets live in. */
  secretPath: z.string().startsWith("/").default("/"),
  /** Per-request timeout in milliseconds. */
  timeoutMs: z.number().int().positive().default(10_000),
  /** Log in again this many seconds before the access token expires. */
  refreshSkewSeconds: z.number().int().nonnegative().default(60),
  floe: floeContextSchema.optional(),
});

export type InfisicalConfigInput = z.input<typeof infisicalConfigSchema>;
export type InfisicalConfig = z.output<typeof infisicalConfigSchema>;

const WORDING = { starts_with: "a path starting with /" };

/** Parses the config or throws a ConfigError listing `path: expectation` for each problem. */
export function parseConfig(input: unknown): InfisicalConfig {
  return parsePluginConfig("Infisical plugin", infisicalConfigSchema, input, {
    describe: (issue) => describeExpectation(issue, WORDING),
  });
}
