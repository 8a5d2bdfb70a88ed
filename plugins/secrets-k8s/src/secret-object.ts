/**
 * The Kubernetes `Secret` object as the plugin reads and writes it: name
 * validation (DNS-1123 subdomain), base64 `data`, and building the object
 * for create and replace while keeping what other writers put there.
 */
import { K8sSecretsError } from "./errors.js";

export interface ObjectMeta {
  name: string;
  namespace?: string;
  resourceVersion?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [field: string]: unknown;
}

export interface SecretObject {
  apiVersion: "v1";
  kind: "Secret";
  metadata: ObjectMeta;
  type?: string;
  data?: Record<string, string>;
  [field: string]: unknown;
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Throws unless `key` is a valid Secret name (lowercase DNS-1123 subdomain, at most 253 characters). */
export function assertSecretName(key: unknown): asserts key is string {
  if (typeof key !== "string" || key.length === 0 || key.length > 253 || !DNS_SUBDOMAIN.test(key)) {
    throw new K8sSecretsError(
      "secret key must be a Kubernetes object name: lowercase letters, digits, '-' and '.', at most 253 characters",
      { code: "INVALID_ARGUMENT" },
    );
  }
}

export function encodeValue(value: string): string {
  return Buffer.from(value, "utf8").toString("base64");
}

export function decodeValue(encoded: string): string {
  return Buffer.from(encoded, "base64").toString("utf8");
}

/** A new Opaque Secret holding `value` under `dataKey`. */
export function newSecret(name: string, namespace: string, dataKey: string, value: string, labels: Record<string, string>): SecretObject {
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name, namespace, labels: { ...labels } },
    type: "Opaque",
    data: { [dataKey]: encodeValue(value) },
  };
}

/** `existing` with `dataKey` replaced and our labels merged; keeps resourceVersion for optimistic concurrency. */
export function replacedSecret(existing: SecretObject, dataKey: string, value: string, labels: Record<string, string>): SecretObject {
  return {
    ...existing,
    metadata: { ...existing.metadata, labels: { ...existing.metadata.labels, ...labels } },
    data: { ...existing.data, [dataKey]: encodeValue(value) },
  };
}

/** Label selector string (`k=v,k2=v2`) for a label map. */
export function labelSelector(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(",");
}

export function isSecretObject(value: unknown): value is SecretObject {
  const v = value as Partial<SecretObject> | undefined;
  return (
    !!v &&
    typeof v === "object" &&
    v.kind === "Secret" &&
    !!v.metadata &&
    typeof v.metadata.name === "string" &&
    (v.data === undefined || (typeof v.data === "object" && v.data !== null))
  );
}
