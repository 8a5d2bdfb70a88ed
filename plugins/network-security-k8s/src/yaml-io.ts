/**
 * Multi-document YAML for policies: deterministic rendering (`---`
 * separated, no anchors, no line folding) and parsing back.
 */
import { parseAllDocuments, stringify } from "yaml";
import { NetworkSecurityError } from "./errors.js";
import type { NetworkPolicy } from "./policies.js";

export function renderYaml(policies: readonly NetworkPolicy[]): string {
  return policies.map((p) => stringify(p, { aliasDuplicateObjects: false, lineWidth: 0 })).join("---\n");
}

export function parseYaml(text: string): NetworkPolicy[] {
  const policies: NetworkPolicy[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new NetworkSecurityError(`YAML is not readable: ${doc.errors[0]!.message}`, { code: "POLICY_UNREADABLE" });
    const value = doc.toJS() as unknown;
    if (value !== null && value !== undefined) policies.push(value as NetworkPolicy);
  }
  return policies;
}
