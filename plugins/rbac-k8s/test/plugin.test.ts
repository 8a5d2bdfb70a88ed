import { readFileSync } from "node:fs";
import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ConfigError, K8sRbacPlugin, parseYaml, RbacError, renderYaml, type K8sManifest } from "../src/index.js";
import { exampleConfig } from "./support/example-config.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const expectedYaml = readFileSync(new URL("./fixtures/expected-rbac.yaml", import.meta.url), "utf8");
const byId = (manifests: K8sManifest[]) =>
  new Map(manifests.map((m) => [`${m.kind}/${m.metadata.namespace}/${m.metadata.name}`, m]));

describe("generateManifests", () => {
  it("writes exactly the expected YAML (deterministic, sorted, least privilege)", async () => {
    const plugin = new K8sRbacPlugin();
    expect(await plugin.generateYaml(exampleConfig)).toBe(expectedYaml);
    const shuffled = { ...exampleConfig, jobs: [...exampleConfig.jobs].reverse() };
    expect(await plugin.generateYaml(shuffled)).toBe(expectedYaml);
  });

  it("produces YAML that parses back into the same objects", async () => {
    const plugin = new K8sRbacPlugin();
    const manifests = await plugin.generateManifests(exampleConfig);
    const yamlText = renderYaml(manifests);
    expect(parseYaml(yamlText)).toEqual(manifests);
    expect(yamlText.split("\n---\n").map((doc) => parse(doc))).toEqual(manifests);
  });

  it("gives each job a ServiceAccount, and a Role + RoleBinding limited to its secrets by resourceNames", async () => {
    const manifests = parseYaml(await new K8sRbacPlugin().generateYaml(exampleConfig));
    const objects = byId(manifests);
    expect([...objects.keys()]).toEqual([
      "ServiceAccount/analytics/reporting-bot",
      "Role/analytics/reporting-bot-secrets-reader",
      "RoleBinding/analytics/reporting-bot-secrets-reader",
      "ServiceAccount/etl/floe-job-compact",
      "ServiceAccount/etl/floe-job-load-orders",
      "Role/etl/floe-job-load-orders-secrets-reader",
      "RoleBinding/etl/floe-job-load-orders-secrets-reader",
    ]);
    const role = objects.get("Role/etl/floe-job-load-orders-secrets-reader")!;
    expect(role.rules).toEqual([{ apiGroups: [""], resources: ["secrets"], resourceNames: ["api-key", "warehouse-password"], verbs: ["get"] }]);
    const binding = objects.get("RoleBinding/etl/floe-job-load-orders-secrets-reader")!;
    expect(binding.subjects).toEqual([{ kind: "ServiceAccount", name: "floe-job-load-orders", namespace: "etl" }]);
    expect(binding.roleRef).toEqual({ apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "floe-job-load-orders-secrets-reader" });
    expect(objects.get("ServiceAccount/etl/floe-job-compact")!.automountServiceAccountToken).toBe(false);
    expect(objects.get("ServiceAccount/analytics/reporting-bot")!.automountServiceAccountToken).toBe(true);
    for (const m of manifests) {
      expect(m.metadata.labels).toMatchObject({ "app.kubernetes.io/managed-by": "floe", "floe.dev/product": "orders" });
    }
  });

  it("validates its own output as clean", async () => {
    const plugin = new K8sRbacPlugin();
    const manifests = parseYaml(await plugin.generateYaml(exampleConfig));
    await expect(plugin.validateManifests(manifests)).resolves.toEqual({ valid: true, violations: [] });
  });

  it("uses the plugin's labels option", async () => {
    const manifests = await new K8sRbacPlugin({ labels: { team: "data" } }).generateManifests({ jobs: [{ name: "a", namespace: "ns" }] });
    expect(manifests[0]!.metadata.labels).toEqual({ "floe.dev/job": "a", team: "data" });
  });

  it("rejects an invalid RBAC config naming the paths", async () => {
    const error = await new K8sRbacPlugin()
      .generateManifests({ jobs: [{ name: "Bad_Name", namespace: "etl", secrets: ["ok", "NOT OK"] }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as RbacError).code).toBe("RBAC_CONFIG_INVALID");
    expect((error as Error).message).toContain("jobs.0.name: expected a valid Kubernetes name");
    expect((error as Error).message).toContain("jobs.0.secrets.1: expected a valid Kubernetes name");
    await expect(new K8sRbacPlugin().generateManifests({ jobs: [] })).rejects.toThrow("jobs: expected at least 1 item(s)");
  });

  it("rejects two jobs sharing a service account", async () => {
    await expect(
      new K8sRbacPlugin().generateManifests({
        jobs: [
          { name: "a", namespace: "etl", serviceAccount: "shared" },
          { name: "b", namespace: "etl", serviceAccount: "shared" },
        ],
      }),
    ).rejects.toThrow("service account etl/shared is declared twice");
  });

  it("rejects invalid plugin options", () => {
    expect(() => new K8sRbacPlugin({ labels: { "bad key!": "x" } })).toThrow(ConfigError);
  });
});

describe("validateManifests", () => {
  const role = (rules: K8sManifest["rules"], name = "r"): K8sManifest => ({
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "Role",
    metadata: { name, namespace: "etl" },
    rules,
  });
  const binding = (roleRef: K8sManifest["roleRef"], kind = "RoleBinding"): K8sManifest => ({
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind,
    metadata: { name: "b", ...(kind === "RoleBinding" ? { namespace: "etl" } : {}) },
    subjects: [{ kind: "ServiceAccount", name: "sa", namespace: "etl" }],
    roleRef,
  });

  it("flags wildcard verbs, resources and API groups", async () => {
    const result = await new K8sRbacPlugin().validateManifests([role([{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }])]);
    expect(result.valid).toBe(false);
    expect(result.violations.map((v) => v.rule)).toEqual([
      "no-wildcard-verbs",
      "no-wildcard-resources",
      "no-wildcard-api-groups",
      "secrets-need-resource-names",
      "secrets-read-only",
    ]);
    expect(result.violations[0]).toEqual({ rule: "no-wildcard-verbs", resource: "Role/etl/r", message: 'rule 0 grants every verb ("*")' });
  });

  it("flags bindings to cluster-admin", async () => {
    const result = await new K8sRbacPlugin().validateManifests([
      binding({ apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" }, "ClusterRoleBinding"),
    ]);
    expect(result.violations).toEqual([{ rule: "no-cluster-admin-binding", resource: "ClusterRoleBinding/b", message: "binds the cluster-admin role" }]);
  });

  it("flags secrets access without resourceNames and secrets verbs beyond get", async () => {
    const result = await new K8sRbacPlugin().validateManifests([
      role([{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list", "watch"] }]),
    ]);
    expect(result.violations.map((v) => [v.rule, v.message])).toEqual([
      ["secrets-need-resource-names", "rule 0 reaches secrets without resourceNames"],
      ["secrets-read-only", "rule 0 allows list, watch on secrets (only get is allowed)"],
    ]);
  });

  it("flags a RoleBinding whose Role is missing from the set", async () => {
    const result = await new K8sRbacPlugin().validateManifests([binding({ apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "ghost" })]);
    expect(result.violations.map((v) => v.rule)).toEqual(["role-ref-resolves"]);
  });

  it("accepts least-privilege rules on other resources", async () => {
    const result = await new K8sRbacPlugin().validateManifests([
      role([{ apiGroups: ["batch"], resources: ["jobs"], verbs: ["get", "list"] }]),
      binding({ apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "r" }),
    ]);
    expect(result).toEqual({ valid: true, violations: [] });
  });

  it("rejects input that is not Kubernetes objects", async () => {
    const error = await new K8sRbacPlugin().validateManifests([{ kind: "Role" } as never]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RbacError);
    expect((error as RbacError).code).toBe("MANIFEST_UNREADABLE");
    expect(() => parseYaml("kind: [unclosed")).toThrow(RbacError);
  });
});
