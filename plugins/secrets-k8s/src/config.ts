/**
 * Configuration of the Kubernetes secrets plugin, validated with zod in the
 * constructor. Failures become a ConfigError naming paths and expectations;
 * the received value of a field (a token, a CA) is never echoed.
 */
import { describeExpectation, floeContextSchema, parseConfig as parsePluginConfig } from "@floe/runtime/plugin-kit";
import { z } from "zod";

/** Where Kubernetes mounts a pod's service-account credentials. */
export const DEFAULT_SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const k8sSecretsConfigSchema = z.object({
  /**
   * API server base URL. Default: `https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT`
   * when running in a pod.
   */
  apiServer: z.url({ protocol: /^https?$/ }).optional(),
  /** Namespace holding the secrets. Default: the service account's `namespace` file. */
  namespace: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/).max(63).optional(),
  /** Directory with `token`, `ca.crt` and `namespace` (a mounted service account). */
  serviceAccountDir: z.string().min(1).default(DEFAULT_SERVICE_ACCOUNT_DIR),
  /** Bearer token; overrides the service account's token file. */
  token: z.string().min(1).optional(),
  /** PEM CA bundle that signs the API server's certificate; overrides `ca.crt`. */
  caCert: z.string().min(1).optional(),
  /** Key inside `Secret.data` that holds the value. */
  dataKey: z.string().regex(/^[-._a-zA-Z0-9]+$/).default("value"),
  /** Labels put on every Secret this plugin writes; `listSecrets` selects by them. */
  labels: z
    .record(z.string().min(1), z.string().regex(labelValue))
    .default({ "app.kubernetes.io/managed-by": "floe" }),
  /** How many times a write is retried after a `409 Conflict` on `resourceVersion`. */
  maxConflictRetries: z.number().int().nonnegative().default(3),
  /** Per-request timeout in milliseconds. */
  timeoutMs: z.number().int().positive().default(10_000),
  floe: floeContextSchema.optional(),
});

export type K8sSecretsConfigInput = z.input<typeof k8sSecretsConfigSchema>;
export type K8sSecretsConfig = z.output<typeof k8sSecretsConfigSchema>;

const WORDING = { regex: "a valid Kubernetes name or label value" };

/** Parses the config or throws a ConfigError listing `path: expectation` for each problem. */
export function parseConfig(input: unknown): K8sSecretsConfig {
  return parsePluginConfig("Kubernetes secrets plugin", k8sSecretsConfigSchema, input, {
    describe: (issue) => describeExpectation(issue, WORDING),
  });
}
