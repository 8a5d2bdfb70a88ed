/**
 * NetworkPolicy objects and their generation from a floe network config.
 * Per namespace: `floe-default-deny` (all ingress and egress), then allows
 * for DNS, the platform services and declared egress CIDRs; and in a
 * platform service's namespace, ingress to that service from the floe
 * namespaces. Order and key order are fixed, so output is deterministic.
 */
import { isOpenCidr } from "./cidr.js";
import type { NetworkConfig, PlatformService, PortSpec } from "./config.js";

export interface LabelSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface IpBlock {
  cidr: string;
  except?: string[];
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: IpBlock;
}

export interface NetworkPolicyPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}

export interface EgressRule {
  to?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

export interface IngressRule {
  from?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

export interface NetworkPolicy {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: {
    podSelector: LabelSelector;
    policyTypes?: string[];
    ingress?: IngressRule[];
    egress?: EgressRule[];
  };
}

/** Annotation that records the config's explicit permission for an open CIDR. */
export const ALLOW_INTERNET_ANNOTATION = "floe.dev/allow-internet-egress";
/** Label every namespace carries since Kubernetes 1.22: the stable way to select a namespace by name. */
export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

const API_VERSION = "networking.k8s.io/v1";

export function generate(config: NetworkConfig, baseLabels: Record<string, string>): NetworkPolicy[] {
  const labels = sortKeys({ ...baseLabels, ...config.labels });
  const namespaces = [...config.namespaces].sort((a, b) => a.name.localeCompare(b.name));
  const namespaceNames = namespaces.map((n) => n.name);
  const services = [...config.platformServices].sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  const policy = (name: string, namespace: string, spec: NetworkPolicy["spec"], annotations?: Record<string, string>): NetworkPolicy => ({
    apiVersion: API_VERSION,
    kind: "NetworkPolicy",
    metadata: { name, namespace, labels, ...(annotations ? { annotations } : {}) },
    spec,
  });

  const policies: NetworkPolicy[] = [];
  for (const ns of namespaces) {
    policies.push(policy("floe-default-deny", ns.name, { podSelector: {}, policyTypes: ["Ingress", "Egress"] }));
    policies.push(
      policy("floe-allow-dns", ns.name, {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          {
            to: [{ namespaceSelector: byNamespace(config.dns.namespace), podSelector: { matchLabels: sortKeys(config.dns.podSelector) } }],
            ports: [
              { protocol: "UDP", port: 53 },
              { protocol: "TCP", port: 53 },
            ],
          },
        ],
      }),
    );
    if (services.length > 0) {
      policies.push(
        policy("floe-allow-platform-egress", ns.name, {
          podSelector: {},
          policyTypes: ["Egress"],
          egress: services.map((service) => ({
            to: [{ namespaceSelector: byNamespace(service.namespace), podSelector: { matchLabels: sortKeys(service.podSelector) } }],
            ports: ports(service.ports),
          })),
        }),
      );
    }
    if (ns.egressCidrs.length > 0) {
      const open = ns.egressCidrs.some((block) => isOpenCidr(block.cidr));
      policies.push(
        policy(
          "floe-allow-egress-cidrs",
          ns.name,
          {
            podSelector: {},
            policyTypes: ["Egress"],
            egress: ns.egressCidrs.map((block) => ({
              to: [{ ipBlock: { cidr: block.cidr, ...(block.except?.length ? { except: [...block.except].sort() } : {}) } }],
              ...(block.ports?.length ? { ports: ports(block.ports) } : {}),
            })),
          },
          open ? { [ALLOW_INTERNET_ANNOTATION]: "true" } : undefined,
        ),
      );
    }
    for (const service of services.filter((s) => s.namespace === ns.name)) {
      policies.push(policy(`floe-allow-ingress-${service.name}`, ns.name, serviceIngress(service, namespaceNames)));
    }
  }
  return policies;
}

/** Ingress to a platform service from every floe namespace, on the service's ports. */
function serviceIngress(service: PlatformService, namespaces: string[]): NetworkPolicy["spec"] {
  return {
    podSelector: { matchLabels: sortKeys(service.podSelector) },
    policyTypes: ["Ingress"],
    ingress: [
      {
        from: [{ namespaceSelector: { matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: "In", values: [...namespaces] }] } }],
        ports: ports(service.ports),
      },
    ],
  };
}

function byNamespace(name: string): LabelSelector {
  return { matchLabels: { [NAMESPACE_NAME_LABEL]: name } };
}

function ports(specs: PortSpec[]): NetworkPolicyPort[] {
  return specs.map((p) => ({ protocol: p.protocol, port: p.port }));
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function policyId(policy: NetworkPolicy): string {
  return `${policy.kind}/${policy.metadata.namespace ?? ""}/${policy.metadata.name}`;
}
