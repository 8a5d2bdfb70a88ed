/**
 * Checks over NetworkPolicies (generated here or anywhere else). Findings
 * are data, not errors; each names its rule and policy. Rules:
 * - `default-deny-required`: every namespace with policies has one selecting all pods, denying ingress and egress.
 * - `no-open-cidr`: no `0.0.0.0/0` / `::/0` peer, unless an egress policy carries
 *   `floe.dev/allow-internet-egress: "true"` (the config's explicit permission).
 * - `no-unrestricted-rule`: every rule names its peers (a rule without `to`/`from` allows everyone).
 * - `policy-types-match-rules`: rules of a direction listed in `policyTypes` (else Kubernetes ignores them).
 * - `valid-selectors`: label selectors well formed; a peer is either an ipBlock or selectors, never both or neither.
 * - `valid-ports`: protocol TCP/UDP/SCTP, port 1-65535 (or a named port), endPort not below port.
 * - `valid-cidr`: ipBlock CIDRs parse.
 */
import type { PolicyViolation } from "@floe/runtime";
import { isOpenCidr, isValidCidr } from "./cidr.js";
import { NetworkSecurityError } from "./errors.js";
import {
  ALLOW_INTERNET_ANNOTATION,
  policyId,
  type LabelSelector,
  type NetworkPolicy,
  type NetworkPolicyPeer,
  type NetworkPolicyPort,
} from "./policies.js";

const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const OPERATORS = new Set(["In", "NotIn", "Exists", "DoesNotExist"]);
const PROTOCOLS = new Set(["TCP", "UDP", "SCTP"]);

export function validate(policies: readonly unknown[]): PolicyViolation[] {
  if (!Array.isArray(policies)) throw new NetworkSecurityError("policies must be an array", { code: "POLICY_UNREADABLE" });
  policies.forEach(assertReadable);
  const list = policies as NetworkPolicy[];
  const violations: PolicyViolation[] = [];
  const report = (rule: string, policy: NetworkPolicy, message: string) => violations.push({ rule, policy: policyId(policy), message });

  const namespaces = new Set(list.map((p) => p.metadata.namespace ?? ""));
  for (const ns of [...namespaces].sort()) {
    const hasDeny = list.some((p) => (p.metadata.namespace ?? "") === ns && isDefaultDeny(p));
    if (!hasDeny) {
      violations.push({
        rule: "default-deny-required",
        policy: `Namespace/${ns}`,
        message: `namespace ${ns} has no default-deny policy (podSelector {}, policyTypes Ingress and Egress, no rules)`,
      });
    }
  }

  for (const policy of list) {
    const { spec } = policy;
    checkSelector(spec.podSelector, "spec.podSelector", policy, report);
    const types = spec.policyTypes;
    if (types && spec.egress?.length && !types.includes("Egress")) {
      report("policy-types-match-rules", policy, "has egress rules but policyTypes lacks Egress");
    }
    if (types && spec.ingress?.length && !types.includes("Ingress")) {
      report("policy-types-match-rules", policy, "has ingress rules but policyTypes lacks Ingress");
    }
    const internetAllowed = policy.metadata.annotations?.[ALLOW_INTERNET_ANNOTATION] === "true";
    (spec.egress ?? []).forEach((rule, i) => {
      const where = `spec.egress[${i}]`;
      if (!rule.to || rule.to.length === 0) report("no-unrestricted-rule", policy, `${where} has no "to": it allows egress to everywhere`);
      (rule.to ?? []).forEach((peer, j) => checkPeer(peer, `${where}.to[${j}]`, internetAllowed, policy, report));
      (rule.ports ?? []).forEach((port, j) => checkPort(port, `${where}.ports[${j}]`, policy, report));
    });
    (spec.ingress ?? []).forEach((rule, i) => {
      const where = `spec.ingress[${i}]`;
      if (!rule.from || rule.from.length === 0) report("no-unrestricted-rule", policy, `${where} has no "from": it allows ingress from everywhere`);
      (rule.from ?? []).forEach((peer, j) => checkPeer(peer, `${where}.from[${j}]`, false, policy, report));
      (rule.ports ?? []).forEach((port, j) => checkPort(port, `${where}.ports[${j}]`, policy, report));
    });
  }
  return violations;
}

type Report = (rule: string, policy: NetworkPolicy, message: string) => void;

function isDefaultDeny(policy: NetworkPolicy): boolean {
  const { spec } = policy;
  const selectsAll = isEmptySelector(spec.podSelector);
  const types = spec.policyTypes ?? [];
  return selectsAll && types.includes("Ingress") && types.includes("Egress") && !spec.ingress?.length && !spec.egress?.length;
}

function isEmptySelector(selector: LabelSelector | undefined): boolean {
  return !!selector && Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

function checkPeer(peer: NetworkPolicyPeer, where: string, internetAllowed: boolean, policy: NetworkPolicy, report: Report): void {
  const hasSelectors = peer.podSelector !== undefined || peer.namespaceSelector !== undefined;
  if (peer.ipBlock && hasSelectors) report("valid-selectors", policy, `${where} combines ipBlock with selectors`);
  if (!peer.ipBlock && !hasSelectors) report("valid-selectors", policy, `${where} names no peer`);
  if (peer.podSelector) checkSelector(peer.podSelector, `${where}.podSelector`, policy, report);
  if (peer.namespaceSelector) checkSelector(peer.namespaceSelector, `${where}.namespaceSelector`, policy, report);
  if (peer.ipBlock) {
    const blocks = [peer.ipBlock.cidr, ...(peer.ipBlock.except ?? [])];
    for (const cidr of blocks) {
      if (typeof cidr !== "string" || !isValidCidr(cidr)) report("valid-cidr", policy, `${where}.ipBlock has an invalid CIDR ${JSON.stringify(cidr)}`);
    }
    if (typeof peer.ipBlock.cidr === "string" && isOpenCidr(peer.ipBlock.cidr) && !internetAllowed) {
      report("no-open-cidr", policy, `${where} opens ${peer.ipBlock.cidr} without ${ALLOW_INTERNET_ANNOTATION}: "true"`);
    }
  }
}

function checkSelector(selector: LabelSelector | undefined, where: string, policy: NetworkPolicy, report: Report): void {
  if (!selector || typeof selector !== "object") {
    report("valid-selectors", policy, `${where} is missing`);
    return;
  }
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (!LABEL_KEY.test(key) || typeof value !== "string" || !LABEL_VALUE.test(value) || value.length > 63) {
      report("valid-selectors", policy, `${where}.matchLabels has an invalid label ${JSON.stringify(key)}`);
    }
  }
  (selector.matchExpressions ?? []).forEach((expr, i) => {
    const at = `${where}.matchExpressions[${i}]`;
    if (!LABEL_KEY.test(expr.key ?? "")) report("valid-selectors", policy, `${at} has an invalid key`);
    if (!OPERATORS.has(expr.operator)) {
      report("valid-selectors", policy, `${at} has unknown operator ${JSON.stringify(expr.operator)}`);
    } else if ((expr.operator === "In" || expr.operator === "NotIn") && !expr.values?.length) {
      report("valid-selectors", policy, `${at} (${expr.operator}) needs values`);
    } else if ((expr.operator === "Exists" || expr.operator === "DoesNotExist") && expr.values?.length) {
      report("valid-selectors", policy, `${at} (${expr.operator}) must not have values`);
    }
  });
}

function checkPort(port: NetworkPolicyPort, where: string, policy: NetworkPolicy, report: Report): void {
  if (port.protocol !== undefined && !PROTOCOLS.has(port.protocol)) {
    report("valid-ports", policy, `${where} has unknown protocol ${JSON.stringify(port.protocol)}`);
  }
  if (typeof port.port === "number" && (!Number.isInteger(port.port) || port.port < 1 || port.port > 65535)) {
    report("valid-ports", policy, `${where} port ${port.port} is outside 1-65535`);
  }
  if (port.endPort !== undefined && (typeof port.port !== "number" || port.endPort < port.port || port.endPort > 65535)) {
    report("valid-ports", policy, `${where} endPort ${port.endPort} is not a valid range end`);
  }
}

function assertReadable(policy: unknown, index: number): void {
  const p = policy as Partial<NetworkPolicy> | null;
  if (!p || typeof p !== "object" || p.kind !== "NetworkPolicy" || !p.metadata || typeof p.metadata.name !== "string" || !p.spec || typeof p.spec !== "object") {
    throw new NetworkSecurityError(`policy ${index} is not a NetworkPolicy (needs kind, metadata.name and spec)`, { code: "POLICY_UNREADABLE" });
  }
}
