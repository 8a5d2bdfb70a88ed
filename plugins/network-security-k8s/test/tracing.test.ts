import path from "node:path";
import { fileURLToPath } from "node:url";
import { discoverPlugins, loadPlugin } from "@floe/runtime";
import { createTestTracing } from "@floe/runtime/testing";
import { SpanStatusCode } from "@opentelemetry/api";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { K8sNetworkSecurityPlugin, TRACER_NAME } from "../src/index.js";
import { exampleConfig } from "./support/example-config.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const FLOE = { namespace: "analytics", productName: "orders", productVersion: "1.0.0" };

describe("network-security-k8s tracing", () => {
  it("uses the fixed security tracer name", () => {
    expect(TRACER_NAME).toBe("floe.security.network");
    expect(new K8sNetworkSecurityPlugin().tracerName).toBe("floe.security.network");
  });

  it("opens security.generatePolicies with policy type, resource count and floe context", async () => {
    await new K8sNetworkSecurityPlugin({ floe: FLOE }).generatePolicies(exampleConfig);
    const span = tracing.getSpan("security.generatePolicies");
    expect(span.instrumentationScope.name).toBe("floe.security.network");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toEqual({
      "security.policy_type": "network",
      "security.resource_count": 9,
      "floe.operation": "generatePolicies",
      "floe.namespace": "analytics",
      "floe.product.name": "orders",
      "floe.product.version": "1.0.0",
    });
  });

  it("records the namespace when the config has only one", async () => {
    await new K8sNetworkSecurityPlugin().generatePolicies({ namespaces: [{ name: "etl" }] });
    const span = tracing.getSpan("security.generatePolicies");
    expect(span.attributes["security.namespace"]).toBe("etl");
    expect(span.attributes["security.resource_count"]).toBe(2);
  });

  it("records violations as a verdict: span OK with security.violation_count", async () => {
    await new K8sNetworkSecurityPlugin().validatePolicies([
      { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "p", namespace: "etl" }, spec: { podSelector: {}, policyTypes: ["Egress"], egress: [{}] } },
    ]);
    const span = tracing.getSpan("security.validatePolicies");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes["security.resource_count"]).toBe(1);
    expect(span.attributes["security.violation_count"]).toBe(2);
  });

  it("records an invalid config as ERROR", async () => {
    await expect(new K8sNetworkSecurityPlugin().generatePolicies({ namespaces: [] })).rejects.toThrow(/floe network config/);
    const span = tracing.getSpan("security.generatePolicies");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.events[0]!.attributes!["exception.type"]).toBe("NETWORK_CONFIG_INVALID");
  });

  it("is discovered by the registry with its type and tracer name", async () => {
    const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
    const declaration = (await discoverPlugins({ cwd: repoRoot })).find((d) => d.packageName === "@floe/plugin-network-security-k8s");
    expect(declaration?.declaredType).toBe("NETWORK_SECURITY");
    const loaded = await loadPlugin(declaration!);
    expect(loaded.tracerName).toBe("floe.security.network");
    expect(loaded.name).toBe("network-security-k8s");
  });
});
