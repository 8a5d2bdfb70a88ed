/**
 * Configuration of the Infisical plugin, validated with zod in the
 * constructor. Failures become a ConfigError naming the paths and what was
 * expected; the received value of a field is never echoed.
 */
import { z } from "zod";
import { ConfigError } from "./errors.js";

const floeContextSchema = z
  .object({
    namespace: z.string().optional(),
    productName: z.string().optional(),
    productVersion: z.string().optional(),
  })
  .optional();

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
  floe: floeContextSchema,
});

export type InfisicalConfigInput = z.input<typeof infisicalConfigSchema>;
export type InfisicalConfig = z.output<typeof infisicalConfigSchema>;

/** Parses the config or throws a ConfigError listing `path: expectation` for each problem. */
export function parseConfig(input: unknown): InfisicalConfig {
  const result = infisicalConfigSchema.safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${describeIssue(issue)}`),
  );
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${issue.expected}`;
    case "too_small":
      return issue.origin === "string" ? "expected a non-empty string" : `expected at least ${String(issue.minimum)}`;
    case "invalid_format":
      return `expected ${issue.format === "starts_with" ? "a path starting with /" : `a valid ${issue.format}`}`;
    default:
      return "invalid value";
  }
}
