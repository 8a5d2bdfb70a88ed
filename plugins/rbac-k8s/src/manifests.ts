/**
 * The Kubernetes RBAC objects this plugin writes and reads, and their
 * generation from a floe RBAC config: per job one ServiceAccount, and when
 * it reads secrets one Role allowing only `get` on exactly those secrets
 * (`resourceNames`) plus the RoleBinding tying them together. Output order
 * and key order are fixed, so the same config always yields the same YAML.
 */
import type { JobAccess, RbacConfig } from "./config.js";

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  verbs: string[];
  nonResourceURLs?: string[];
}

export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
  apiGroup?: string;
}

export interface RoleRef {
  apiGroup: string;
  kind: string;
  name: string;
}

/** Any manifest; validation reads these fields and ignores the rest. */
export interface K8sManifest {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  rules?: PolicyRule[];
  subjects?: Subject[];
  roleRef?: RoleRef;
  automountServiceAccountToken?: boolean;
  [field: string]: unknown;
}

const RBAC_API = "rbac.authorization.k8s.io";

export function serviceAccountName(job: JobAccess): string {
  return job.serviceAccount ?? `floe-job-${job.name}`;
}

export function roleName(job: JobAccess): string {
  return `${serviceAccountName(job)}-secrets-reader`;
}

export function generate(config: RbacConfig, baseLabels: Record<string, string>): K8sManifest[] {
  const jobs = [...config.jobs].sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  const manifests: K8sManifest[] = [];
  for (const job of jobs) {
    const labels = sortKeys({ ...baseLabels, ...config.labels, "floe.dev/job": job.name });
    const meta = (name: string): ObjectMeta => ({ name, namespace: job.namespace, labels });
    const account = serviceAccountName(job);
    manifests.push({
      apiVersion: "v1",
      kind: "ServiceAccount",
      metadata: meta(account),
      automountServiceAccountToken: job.automountToken,
    });
    const secrets = [...new Set(job.secrets)].sort();
    if (secrets.length === 0) continue;
    manifests.push({
      apiVersion: `${RBAC_API}/v1`,
      kind: "Role",
      metadata: meta(roleName(job)),
      rules: [{ apiGroups: [""], resources: ["secrets"], resourceNames: secrets, verbs: ["get"] }],
    });
    manifests.push({
      apiVersion: `${RBAC_API}/v1`,
      kind: "RoleBinding",
      metadata: meta(roleName(job)),
      subjects: [{ kind: "ServiceAccount", name: account, namespace: job.namespace }],
      roleRef: { apiGroup: RBAC_API, kind: "Role", name: roleName(job) },
    });
  }
  return manifests;
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `Kind/namespace/name` (or `Kind/name` for cluster-scoped objects). */
export function resourceId(manifest: K8sManifest): string {
  const ns = manifest.metadata?.namespace;
  return ns ? `${manifest.kind}/${ns}/${manifest.metadata.name}` : `${manifest.kind}/${manifest.metadata?.name}`;
}
