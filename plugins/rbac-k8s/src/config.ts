/**
 * Schemas for the plugin options and for the floe RBAC config it turns into
 * manifests (job service accounts, their namespaces, the secrets each may
 * read), validated with zod. Names follow Kubernetes rules so a generated
 * manifest can never be rejected by the API server for its names.
 */
import { describeExpectation, floeContextSchema, parseConfig, type SafeParseSchema } from "@floe/runtime/plugin-kit";
import { z } from "zod";
import type { RbacErrorCode } from "./errors.js";

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
  floe: floeContextSchema.optional(),
});

export type RbacConfigInput = z.input<typeof rbacConfigSchema>;
export type RbacConfig = z.output<typeof rbacConfigSchema>;
export type JobAccess = z.output<typeof jobSchema>;
export type RbacPluginOptionsInput = z.input<typeof pluginOptionsSchema>;
export type RbacPluginOptions = z.output<typeof pluginOptionsSchema>;

const WORDING = {
  regex: "a valid Kubernetes name (lowercase letters, digits, '-')",
  invalid_key: "a valid label key",
};

/** Validates one input (`what`: "floe RBAC" names it "invalid floe RBAC config") or throws the kit's ConfigError. */
export function parseWith<T>(schema: SafeParseSchema<T>, input: unknown, what: string, code?: RbacErrorCode): T {
  return parseConfig(what, schema, input, { describe: (issue) => describeExpectation(issue, WORDING), code });
}
