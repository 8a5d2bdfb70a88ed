import { readFileSync } from "node:fs";
import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  ConfigError,
  isValidCidr,
  K8sNetworkSecurityPlugin,
  NetworkSecurityError,
  parseYaml,
  renderYaml,
  type NetworkPolicy,
} from "../src/index.js";
import { exampleConfig } from "./support/example-config.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const expectedYaml = readFileSync(new URL("./fixtures/expected-network-policies.yaml", import.meta.url), "utf8");
const names = (policies: NetworkPolicy[]) => policies.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);

describe("generatePolicies", () => {
  it("writes exactly the expected YAML, whatever the input order", async () => {
    const plugin = new K8sNetworkSecurityPlugin();
    expect(await plugin.generateYaml(exampleConfig)).toBe(expectedYaml);
    const shuffled = {
      ...exampleConfig,
      namespaces: [...exampleConfig.namespaces].reverse(),
      platformServices: [...(exampleConfig.platformServices ?? [])].reverse(),
    };
    expect(await plugin.generateYaml(shuffled)).toBe(expectedYaml);
  });

  it("parses back into the generated objects", async () => {
    const policies = await new K8sNetworkSecurityPlugin().generatePolicies(exampleConfig);
    expect(parseYaml(renderYaml(policies))).toEqual(policies);
  });

  it("gives every namespace a default deny, DNS and platform egress; CIDR egress only where declared", async () => {
    const policies = parseYaml(await new K8sNetworkSecurityPlugin().generateYaml(exampleConfig));
    expect(names(policies)).toEqual([
      "etl/floe-default-deny",
      "etl/floe-allow-dns",
      "etl/floe-allow-platform-egress",
      "etl/floe-allow-egress-cidrs",
      "floe-platform/floe-default-deny",
      "floe-platform/floe-allow-dns",
      "floe-platform/floe-allow-platform-egress",
      "floe-platform/floe-allow-ingress-otel-collector",
      "floe-platform/floe-allow-ingress-polaris",
    ]);
    const [deny, dns, platform, cidrs] = policies;
    expect(deny!.spec).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    expect(dns!.spec.egress).toEqual([
      {
        to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
        ports: [{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }],
      },
    ]);
    expect(platform!.spec.egress!.map((r) => [r.to![0]!.podSelector!.matchLabels, r.ports!.map((p) => p.port)])).toEqual([
      [{ app: "otel-collector" }, [4317, 4318]],
      [{ "app.kubernetes.io/name": "polaris" }, [8181]],
    ]);
    expect(cidrs!.spec.egress).toEqual([{ to: [{ ipBlock: { cidr: "10.20.0.0/16", except: ["10.20.99.0/24"] } }], ports: [{ protocol: "TCP", port: 5432 }] }]);
    expect(cidrs!.metadata.annotations).toBeUndefined();
    const ingress = policies.find((p) => p.metadata.name === "floe-allow-ingress-polaris")!;
    expect(ingress.spec.podSelector).toEqual({ matchLabels: { "app.kubernetes.io/name": "polaris" } });
    expect(ingress.spec.ingress![0]!.from).toEqual([
      { namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: ["etl", "floe-platform"] }] } },
    ]);
    for (const p of policies) expect(p.metadata.labels).toEqual({ "app.kubernetes.io/managed-by": "floe", "floe.dev/product": "orders" });
  });

  it("validates its own output as clean", async () => {
    const plugin = new K8sNetworkSecurityPlugin();
    const policies = parseYaml(await plugin.generateYaml(exampleConfig));
    await expect(plugin.validatePolicies(policies)).resolves.toEqual({ valid: true, violations: [] });
  });

  it("permits an open CIDR only with allowInternetEgress, and marks the policy", async () => {
    const plugin = new K8sNetworkSecurityPlugin();
    const error = await plugin.generatePolicies({ namespaces: [{ name: "etl", egressCidrs: [{ cidr: "0.0.0.0/0" }] }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain("namespaces.0.egressCidrs.0.cidr: an open CIDR requires allowInternetEgress: true");

    const policies = await plugin.generatePolicies({
      namespaces: [{ name: "etl", allowInternetEgress: true, egressCidrs: [{ cidr: "0.0.0.0/0", ports: [{ port: 443 }] }] }],
    });
    const open = policies.find((p) => p.metadata.name === "floe-allow-egress-cidrs")!;
    expect(open.metadata.annotations).toEqual({ "floe.dev/allow-internet-egress": "true" });
    await expect(plugin.validatePolicies(policies)).resolves.toEqual({ valid: true, violations: [] });
  });

  it("omits the platform policy when there are no platform services, and uses a custom DNS location", async () => {
    const policies = await new K8sNetworkSecurityPlugin({ labels: {} }).generatePolicies({
      namespaces: [{ name: "solo" }],
      dns: { namespace: "dns-system", podSelector: { app: "coredns" } },
    });
    expect(names(policies)).toEqual(["solo/floe-default-deny", "solo/floe-allow-dns"]);
    expect(policies[1]!.spec.egress![0]!.to![0]!.namespaceSelector).toEqual({ matchLabels: { "kubernetes.io/metadata.name": "dns-system" } });
    expect(policies[0]!.metadata.labels).toEqual({});
  });

  it("rejects an invalid network config naming the paths", async () => {
    const error = await new K8sNetworkSecurityPlugin()
      .generatePolicies({
        namespaces: [{ name: "etl", egressCidrs: [{ cidr: "10.0.0.0/33" }] }],
        platformServices: [{ name: "p", namespace: "x", podSelector: {}, ports: [{ port: 70000 }] }],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as NetworkSecurityError).code).toBe("NETWORK_CONFIG_INVALID");
    const message = (error as Error).message;
    expect(message).toContain("namespaces.0.egressCidrs.0.cidr: expected an IPv4 or IPv6 CIDR block");
    expect(message).toContain("platformServices.0.podSelector: expected at least one label");
    expect(message).toContain("platformServices.0.ports.0.port: expected at most 65535");
  });

  it("parses CIDRs strictly", () => {
    expect(["10.0.0.0/8", "192.168.1.0/24", "fd00::/8", "::/0", "0.0.0.0/0"].every(isValidCidr)).toBe(true);
    expect(["10.0.0.0", "10.0.0.0/33", "300.1.1.1/8", "fd00::/129", "abc/8", "10.0.0.0/x"].some(isValidCidr)).toBe(false);
  });
});

describe("validatePolicies", () => {
  const deny = (ns = "etl"): NetworkPolicy => ({
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name: "deny", namespace: ns },
    spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
  });
  const policy = (spec: Partial<NetworkPolicy["spec"]>, extra: Partial<NetworkPolicy["metadata"]> = {}): NetworkPolicy => ({
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name: "p", namespace: "etl", ...extra },
    spec: { podSelector: {}, ...spec },
  });
  const rules = async (policies: NetworkPolicy[]) =>
    (await new K8sNetworkSecurityPlugin().validatePolicies(policies)).violations.map((v) => v.rule);

  it("requires a default deny in every namespace", async () => {
    const result = await new K8sNetworkSecurityPlugin().validatePolicies([
      deny("etl"),
      policy({ policyTypes: ["Egress"], egress: [{ to: [{ podSelector: {} }] }] }, { namespace: "analytics" }),
    ]);
    expect(result.valid).toBe(false);
    expect(result.violations).toEqual([
      {
        rule: "default-deny-required",
        policy: "Namespace/analytics",
        message: "namespace analytics has no default-deny policy (podSelector {}, policyTypes Ingress and Egress, no rules)",
      },
    ]);
  });

  it("flags 0.0.0.0/0 and ::/0 without the explicit annotation, and open ingress always", async () => {
    expect(await rules([deny(), policy({ policyTypes: ["Egress"], egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }] })])).toEqual(["no-open-cidr"]);
    expect(await rules([deny(), policy({ policyTypes: ["Egress"], egress: [{ to: [{ ipBlock: { cidr: "::/0" } }] }] })])).toEqual(["no-open-cidr"]);
    expect(
      await rules([
        deny(),
        policy({ policyTypes: ["Egress"], egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }] }, { annotations: { "floe.dev/allow-internet-egress": "true" } }),
      ]),
    ).toEqual([]);
    expect(
      await rules([
        deny(),
        policy({ policyTypes: ["Ingress"], ingress: [{ from: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }] }, { annotations: { "floe.dev/allow-internet-egress": "true" } }),
      ]),
    ).toEqual(["no-open-cidr"]);
  });

  it("flags rules without peers (allow everything)", async () => {
    expect(await rules([deny(), policy({ policyTypes: ["Egress"], egress: [{ ports: [{ protocol: "TCP", port: 443 }] }] })])).toEqual(["no-unrestricted-rule"]);
    expect(await rules([deny(), policy({ policyTypes: ["Ingress"], ingress: [{ from: [] }] })])).toEqual(["no-unrestricted-rule"]);
  });

  it("flags rules of a direction missing from policyTypes", async () => {
    expect(await rules([deny(), policy({ policyTypes: ["Ingress"], egress: [{ to: [{ podSelector: {} }] }] })])).toEqual(["policy-types-match-rules"]);
  });

  it("flags malformed selectors and peers", async () => {
    const result = await new K8sNetworkSecurityPlugin().validatePolicies([
      deny(),
      policy({
        policyTypes: ["Egress"],
        egress: [
          {
            to: [
              { ipBlock: { cidr: "10.0.0.0/8" }, podSelector: {} },
              {},
              { namespaceSelector: { matchExpressions: [{ key: "team", operator: "In" }] } },
              { namespaceSelector: { matchExpressions: [{ key: "team", operator: "Exists", values: ["x"] }] } },
              { podSelector: { matchExpressions: [{ key: "team", operator: "Near", values: ["x"] }] } },
              { podSelector: { matchLabels: { "bad key!": "x" } } },
            ],
          },
        ],
      }),
    ]);
    expect(result.violations.map((v) => v.message)).toEqual([
      "spec.egress[0].to[0] combines ipBlock with selectors",
      "spec.egress[0].to[1] names no peer",
      "spec.egress[0].to[2].namespaceSelector.matchExpressions[0] (In) needs values",
      "spec.egress[0].to[3].namespaceSelector.matchExpressions[0] (Exists) must not have values",
      'spec.egress[0].to[4].podSelector.matchExpressions[0] has unknown operator "Near"',
      'spec.egress[0].to[5].podSelector.matchLabels has an invalid label "bad key!"',
    ]);
    expect(new Set(result.violations.map((v) => v.rule))).toEqual(new Set(["valid-selectors"]));
  });

  it("flags invalid ports and CIDRs", async () => {
    expect(
      await rules([
        deny(),
        policy({
          policyTypes: ["Egress"],
          egress: [
            {
              to: [{ ipBlock: { cidr: "10.0.0.0/40", except: ["nope"] } }],
              ports: [{ protocol: "ICMP", port: 0 }, { protocol: "TCP", port: 8000, endPort: 7000 }],
            },
          ],
        }),
      ]),
    ).toEqual(["valid-cidr", "valid-cidr", "valid-ports", "valid-ports", "valid-ports"]);
  });

  it("rejects input that is not NetworkPolicies", async () => {
    const error = await new K8sNetworkSecurityPlugin().validatePolicies([{ kind: "Pod", metadata: { name: "x" } } as never]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkSecurityError);
    expect((error as NetworkSecurityError).code).toBe("POLICY_UNREADABLE");
    expect(() => parseYaml("spec: [unclosed")).toThrow(NetworkSecurityError);
  });
});
