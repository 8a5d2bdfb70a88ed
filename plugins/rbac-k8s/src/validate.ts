/**
 * Least-privilege checks over RBAC manifests (generated here or anywhere
 * else). Each finding names its rule and object; findings are data, not
 * errors. Rules:
 * - `no-wildcard-verbs`, `no-wildcard-resources`, `no-wildcard-api-groups`: no `*` in a rule.
 * - `no-cluster-admin-binding`: no (Cluster)RoleBinding to `cluster-admin`.
 * - `secrets-need-resource-names`: a rule on secrets names the secrets it covers.
 * - `secrets-read-only`: a rule on secrets allows only `get`.
 * - `role-ref-resolves`: a RoleBinding to a Role refers to a Role in the same set and namespace.
 */
import type { ManifestViolation } from "@floe/runtime";
import { RbacError } from "./errors.js";
import { resourceId, type K8sManifest } from "./manifests.js";

const ROLE_KINDS = new Set(["Role", "ClusterRole"]);
const BINDING_KINDS = new Set(["RoleBinding", "ClusterRoleBinding"]);

export function validate(manifests: readonly unknown[]): ManifestViolation[] {
  if (!Array.isArray(manifests)) throw new RbacError("manifests must be an array", { code: "MANIFEST_UNREADABLE" });
  manifests.forEach(assertReadable);
  const list = manifests as K8sManifest[];
  const roles = new Set(list.filter((m) => m.kind === "Role").map((m) => `${m.metadata.namespace ?? ""}/${m.metadata.name}`));
  const violations: ManifestViolation[] = [];
  const report = (rule: string, manifest: K8sManifest, message: string) =>
    violations.push({ rule, resource: resourceId(manifest), message });

  for (const manifest of list) {
    if (ROLE_KINDS.has(manifest.kind)) {
      (manifest.rules ?? []).forEach((rule, index) => {
        const where = `rule ${index}`;
        if (rule.verbs?.includes("*")) report("no-wildcard-verbs", manifest, `${where} grants every verb ("*")`);
        if (rule.resources?.includes("*")) report("no-wildcard-resources", manifest, `${where} covers every resource ("*")`);
        if (rule.apiGroups?.includes("*")) report("no-wildcard-api-groups", manifest, `${where} covers every API group ("*")`);
        if (rule.resources?.some((r) => r === "secrets" || r === "*")) {
          if (!rule.resourceNames || rule.resourceNames.length === 0) {
            report("secrets-need-resource-names", manifest, `${where} reaches secrets without resourceNames`);
          }
          const extra = (rule.verbs ?? []).filter((v) => v !== "get");
          if (extra.length > 0) report("secrets-read-only", manifest, `${where} allows ${extra.join(", ")} on secrets (only get is allowed)`);
        }
      });
    }
    if (BINDING_KINDS.has(manifest.kind)) {
      const ref = manifest.roleRef;
      if (ref?.name === "cluster-admin") {
        report("no-cluster-admin-binding", manifest, "binds the cluster-admin role");
      } else if (manifest.kind === "RoleBinding" && ref?.kind === "Role" && !roles.has(`${manifest.metadata.namespace ?? ""}/${ref.name}`)) {
        report("role-ref-resolves", manifest, `refers to Role ${ref.name}, which is not in this manifest set`);
      }
    }
  }
  return violations;
}

function assertReadable(manifest: unknown, index: number): void {
  const m = manifest as Partial<K8sManifest> | null;
  if (!m || typeof m !== "object" || typeof m.kind !== "string" || !m.metadata || typeof m.metadata.name !== "string") {
    throw new RbacError(`manifest ${index} is not a Kubernetes object (needs kind and metadata.name)`, { code: "MANIFEST_UNREADABLE" });
  }
}
