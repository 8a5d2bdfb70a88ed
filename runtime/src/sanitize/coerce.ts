/**
 * Turns any thrown or logged value into text without ever throwing: strings
 * pass through; Errors, objects with a custom `toString`, symbols, bigints,
 * circular objects and objects whose `toString` throws all get a best-effort
 * description, and the last resort is a fixed marker.
 */
const UNPRINTABLE = "<unprintable value>";

export function coerceToText(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    switch (typeof value) {
      case "undefined":
        return "undefined";
      case "number":
      case "boolean":
      case "bigint":
        return String(value);
      case "symbol":
        return value.toString();
      case "function":
        return `[function ${safeName(value)}]`;
      default:
        return describeObject(value as object | null);
    }
  } catch {
    return UNPRINTABLE;
  }
}

function describeObject(value: object | null): string {
  if (value === null) return "null";
  const viaToString = tryString(value);
  if (viaToString !== undefined && viaToString !== "[object Object]") return viaToString;
  const viaJson = tryJson(value);
  if (viaJson !== undefined) return viaJson;
  return viaToString ?? tryTag(value);
}

function tryString(value: object): string | undefined {
  try {
    const text = String(value);
    return typeof text === "string" ? text : undefined;
  } catch {
    return undefined;
  }
}

function tryJson(value: object): string | undefined {
  try {
    const json = JSON.stringify(value);
    return typeof json === "string" ? json : undefined;
  } catch {
    return undefined;
  }
}

function tryTag(value: object): string {
  try {
    return Object.prototype.toString.call(value);
  } catch {
    return UNPRINTABLE;
  }
}

function safeName(fn: unknown): string {
  try {
    const name = (fn as { name?: unknown }).name;
    return typeof name === "string" && name !== "" ? name : "anonymous";
  } catch {
    return "anonymous";
  }
}
