import path from "node:path";
import { fileURLToPath } from "node:url";
import { discoverPlugins, loadPlugin } from "@floe/runtime";
import { createTestTracing } from "@floe/runtime/testing";
import { SpanStatusCode } from "@opentelemetry/api";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { K8sRbacPlugin, TRACER_NAME } from "../src/index.js";
import { exampleConfig } from "./support/example-config.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const FLOE = { namespace: "analytics", productName: "orders", productVersion: "1.0.0" };

describe("rbac-k8s tracing", () => {
  it("uses the fixed security tracer name", () => {
    expect(TRACER_NAME).toBe("floe.security.rbac");
    expect(new K8sRbacPlugin().tracerName).toBe("floe.security.rbac");
  });

  it("opens security.generateManifests with policy type, resource count and floe context", async () => {
    await new K8sRbacPlugin({ floe: FLOE }).generateManifests(exampleConfig);
    const span = tracing.getSpan("security.generateManifests");
    expect(span.instrumentationScope.name).toBe("floe.security.rbac");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toEqual({
      "security.policy_type": "rbac",
      "security.resource_count": 7,
      "floe.operation": "generateManifests",
      "floe.namespace": "analytics",
      "floe.product.name": "orders",
      "floe.product.version": "1.0.0",
    });
  });

  it("records the namespace when the config has only one", async () => {
    await new K8sRbacPlugin().generateManifests({ jobs: [{ name: "a", namespace: "etl", secrets: ["s"] }] });
    expect(tracing.getSpan("security.generateManifests").attributes["security.namespace"]).toBe("etl");
  });

  it("records violations as a verdict: span OK with security.violation_count", async () => {
    const plugin = new K8sRbacPlugin();
    await plugin.validateManifests([
      { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "r", namespace: "etl" }, rules: [{ resources: ["*"], verbs: ["*"] }] },
    ]);
    const span = tracing.getSpan("security.validateManifests");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes["security.resource_count"]).toBe(1);
    expect(span.attributes["security.violation_count"]).toBe(4);
  });

  it("records an invalid config as ERROR", async () => {
    await expect(new K8sRbacPlugin().generateManifests({ jobs: "nope" } as never)).rejects.toThrow(/floe RBAC config/);
    const span = tracing.getSpan("security.generateManifests");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.events[0]!.attributes!["exception.type"]).toBe("RBAC_CONFIG_INVALID");
  });

  it("records counts, not the secret names it grants", async () => {
    await new K8sRbacPlugin().generateManifests({ jobs: [{ name: "a", namespace: "etl", secrets: ["prod-db-credentials"] }] });
    expect(tracing.getSpan("security.generateManifests").attributes["security.resource_count"]).toBeGreaterThan(0);
    expect(tracing.findLeaks(["prod-db-credentials"])).toEqual([]);
  });

  it("is discovered by the registry with its type and tracer name", async () => {
    const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
    const declaration = (await discoverPlugins({ cwd: repoRoot })).find((d) => d.packageName === "@floe/plugin-rbac-k8s");
    expect(declaration?.declaredType).toBe("RBAC");
    const loaded = await loadPlugin(declaration!);
    expect(loaded.tracerName).toBe("floe.security.rbac");
    expect(loaded.name).toBe("rbac-k8s");
  });
});
