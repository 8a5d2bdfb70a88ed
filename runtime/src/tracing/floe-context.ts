/**
 * The floe deployment a span belongs to (namespace, data product), carried as
 * `floe.*` attributes on every plugin span. Set once per process with
 * `setFloeContext`, or per call through `floeAttributes` / domain-helper options.
 */
import type { Attributes } from "@opentelemetry/api";
import { FLOE_ATTRIBUTES } from "../conventions.js";

export interface FloeContext {
  namespace?: string;
  productName?: string;
  productVersion?: string;
}

/** `floeAttributes` accepts the structured form or raw `floe.*` keys. */
export type FloeAttributesInput = FloeContext | Attributes;

let processContext: FloeContext = {};

/** Sets the process-wide floe context added to every domain span. Returns the previous one. */
export function setFloeContext(context: FloeContext): FloeContext {
  const previous = processContext;
  processContext = { ...context };
  return previous;
}

export function getFloeContext(): FloeContext {
  return processContext;
}

const STRUCTURED_KEYS: Record<string, string> = {
  namespace: FLOE_ATTRIBUTES.NAMESPACE,
  productName: FLOE_ATTRIBUTES.PRODUCT_NAME,
  productVersion: FLOE_ATTRIBUTES.PRODUCT_VERSION,
};

/** Converts a floe context (or raw `floe.*` attributes) into span attributes, skipping empty values. */
export function toFloeAttributes(input: FloeAttributesInput | undefined, target: Attributes = {}): Attributes {
  if (!input) return target;
  for (const key of Object.keys(input)) {
    const value = (input as Record<string, unknown>)[key];
    if (value === undefined || value === null || value === "") continue;
    const attributeKey = STRUCTURED_KEYS[key] ?? (key.includes(".") ? key : `floe.${key}`);
    target[attributeKey] = value as Attributes[string];
  }
  return target;
}
