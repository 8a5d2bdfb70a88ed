/**
 * Normalizes rows and infers their table schema, the way dlt does for a
 * JSON source: identifiers in snake_case, nested objects flattened into
 * `parent__child` columns, lists kept as JSON, and a DuckDB type per column
 * from the values seen (widened when rows disagree).
 */
export type ColumnType = "BOOLEAN" | "BIGINT" | "DOUBLE" | "DATE" | "TIMESTAMPTZ" | "VARCHAR" | "JSON";

export interface ColumnSchema {
  name: string;
  type: ColumnType;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** `userId` -> `user_id`, `Created At` -> `created_at`, `2fa` -> `_2fa`. */
export function normalizeIdentifier(name: string): string {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_{3,}/g, "__")
    .replace(/^_+(?=[a-z])|(?<!_)_+$/g, "");
  const safe = snake === "" ? "_" : snake;
  return /^[a-z_]/.test(safe) ? safe : `_${safe}`;
}

/** Flattens nested objects into `a__b` columns; arrays stay whole (stored as JSON). */
export function flattenRow(row: Record<string, unknown>, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, value] of Object.entries(row)) {
    const name = prefix + normalizeIdentifier(key);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      flattenRow(value as Record<string, unknown>, `${name}__`, out);
    } else {
      out[name] = value;
    }
  }
  return out;
}

export function typeOfValue(value: unknown): ColumnType | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "boolean") return "BOOLEAN";
  if (typeof value === "number") return Number.isInteger(value) ? "BIGINT" : "DOUBLE";
  if (typeof value === "bigint") return "BIGINT";
  if (typeof value === "string") {
    if (ISO_DATE.test(value)) return "DATE";
    if (ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value.replace(" ", "T")))) return "TIMESTAMPTZ";
    return "VARCHAR";
  }
  return "JSON";
}

/** The narrowest type holding both. */
export function widen(a: ColumnType | undefined, b: ColumnType | undefined): ColumnType | undefined {
  if (a === undefined) return b;
  if (b === undefined || a === b) return a;
  const pair = new Set([a, b]);
  if (pair.has("BIGINT") && pair.has("DOUBLE")) return "DOUBLE";
  if (pair.has("DATE") && pair.has("TIMESTAMPTZ")) return "TIMESTAMPTZ";
  return "VARCHAR";
}

/** Columns in first-seen order; a column that is only ever null becomes VARCHAR. */
export function inferSchema(rows: readonly Record<string, unknown>[]): ColumnSchema[] {
  const types = new Map<string, ColumnType | undefined>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) types.set(name, widen(types.get(name), typeOfValue(value)));
  }
  return [...types].map(([name, type]) => ({ name, type: type ?? "VARCHAR" }));
}
