/**
 * Schemas for the plugin options and for the floe RBAC config it turns into
 * manifests (job service accounts, their namespaces, the secrets each may
 * read), validated with zod. Names follow Kubernetes rules so a generated
 * manifest can never be rejected by the API server for its names.
 */
import { z } from "zod";
import { ConfigError, type RbacErrorCode } from "./errors.js";

const dnsLabel = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/).max(63);
const dnsSubdomain = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/).max(253);
const labels = z.record(z.string().regex(/^([a-z0-9.-]+\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/), z.string().max(63));

export const jobSchema = z.object({
  /** Job name; the service account is `floe-job-{name}` unless `serviceAccount` is given. */
  name: dnsLabel,
  namespace: dnsLabel,
  serviceAccount: dnsSubdomain.optional(),
  /** Names of the Secrets (in the job's namespace) the job may `get`. */
  secrets: z.array(dnsSubdomain).default([]),
  /** Mount the service-account token into the job's pods (default false: least privilege). */
  automountToken: z.boolean().default(false),
});

export const rbacConfigSchema = z.object({
  jobs: z.array(jobSchema).min(1),
  /** Labels added to every generated object. */
  labels: labels.default({}),
});

export const pluginOptionsSchema = z.object({
  /** Labels added to every generated object, before the config's own. */
  labels: labels.default({ "app.kubernetes.io/managed-by": "floe" }),
  floe: z
    .object({ namespace: z.string().optional(), productName: z.string().optional(), productVersion: z.string().optional() })
    .optional(),
});

export type RbacConfigInput = z.input<typeof rbacConfigSchema>;
export type RbacConfig = z.output<typeof rbacConfigSchema>;
export type JobAccess = z.output<typeof jobSchema>;
export type RbacPluginOptionsInput = z.input<typeof pluginOptionsSchema>;
export type RbacPluginOptions = z.output<typeof pluginOptionsSchema>;

export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string, code?: RbacErrorCode): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(
    what,
    result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${describeIssue(issue)}`),
    code,
  );
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${issue.expected}`;
    case "too_small":
      return issue.origin === "array" ? `expected at least ${String(issue.minimum)} item(s)` : "expected a non-empty value";
    case "too_big":
      return `expected at most ${String(issue.maximum)} characters`;
    case "invalid_format":
      return "expected a valid Kubernetes name (lowercase letters, digits, '-')";
    case "invalid_key":
      return "expected a valid label key";
    default:
      return "invalid value";
  }
}
