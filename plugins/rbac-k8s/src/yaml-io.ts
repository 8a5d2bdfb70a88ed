/**
 * Multi-document YAML for manifests: deterministic rendering (`---`
 * separated, no anchors, fixed line width) and parsing back, so output can
 * be committed, diffed and applied with `kubectl apply -f`.
 */
import { parseAllDocuments, stringify } from "yaml";
import { RbacError } from "./errors.js";
import type { K8sManifest } from "./manifests.js";

export function renderYaml(manifests: readonly K8sManifest[]): string {
  return manifests.map((m) => stringify(m, { aliasDuplicateObjects: false, lineWidth: 0 })).join("---\n");
}

export function parseYaml(text: string): K8sManifest[] {
  const documents = parseAllDocuments(text);
  const manifests: K8sManifest[] = [];
  for (const doc of documents) {
    if (doc.errors.length > 0) throw new RbacError(`YAML is not readable: ${doc.errors[0]!.message}`, { code: "MANIFEST_UNREADABLE" });
    const value = doc.toJS() as unknown;
    if (value !== null && value !== undefined) manifests.push(value as K8sManifest);
  }
  return manifests;
}
