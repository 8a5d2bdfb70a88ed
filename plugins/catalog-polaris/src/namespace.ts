/**
 * Iceberg REST namespace encoding: multi-level namespaces travel as one path
 * segment (or `parent` query value) whose levels are joined by the unit
 * separator `\u001f`, then percent-encoded (`%1F`).
 */
import type { NamespacePath } from "@floe/runtime";

export const NAMESPACE_SEPARATOR = "\u001f";

/** `["sales", "eu"]` -> `sales%1Feu`, for a path segment. */
export function encodeNamespace(namespace: NamespacePath): string {
  return encodeURIComponent(namespace.join(NAMESPACE_SEPARATOR));
}

/** `sales%1Feu` (or its decoded form) -> `["sales", "eu"]`. */
export function decodeNamespace(segment: string): string[] {
  return decodeURIComponent(segment).split(NAMESPACE_SEPARATOR);
}

/** Human-readable form for span attributes and messages: `sales.eu`. */
export function displayNamespace(namespace: NamespacePath): string {
  return namespace.join(".");
}

export function assertNamespace(namespace: NamespacePath): void {
  if (namespace.length === 0 || namespace.some((level) => level.length === 0)) {
    throw new TypeError("a namespace needs at least one non-empty level");
  }
}
