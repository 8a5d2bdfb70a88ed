/**
 * What the expectations need to know about the table under validation:
 * its quoted name, column names and types (from DESCRIBE), its row count,
 * and a way to run parameterised SQL against it.
 */
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { TableNotFoundError } from "./errors.js";

export type SqlRunner = (sql: string, params?: DuckDBValue[]) => Promise<Record<string, unknown>[]>;

export interface TableContext {
  /** The table as written by the caller, e.g. `main.customers`. */
  readonly table: string;
  /** The quoted relation, e.g. `"main"."customers"`. */
  readonly relation: string;
  /** Column name -> DuckDB type, in table order. */
  readonly columns: ReadonlyMap<string, string>;
  readonly rowCount: number;
  readonly partialUnexpectedCount: number;
  readonly run: SqlRunner;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `schema.table` / `db.schema.table` -> quoted relation. Parts may be double-quoted. */
function quoteRelation(table: string): string {
  const parts = table.match(/"(?:[^"]|"")*"|[^.]+/g) ?? [];
  if (parts.length === 0 || parts.length > 3) throw new TableNotFoundError(table);
  return parts.map((p) => (p.startsWith('"') ? p : quoteIdentifier(p.trim()))).join(".");
}

/** Converts DuckDB's JS values to plain ones (BIGINT -> number, dates -> ISO strings). */
export function plainValue(value: unknown): unknown {
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === "object" && "toString" in value && !Array.isArray(value)) return String(value);
  return value;
}

export function connectionRunner(connection: DuckDBConnection): SqlRunner {
  return async (sql, params) => {
    const reader = await connection.runAndReadAll(sql, params);
    return reader.getRowObjectsJS().map((row) => {
      const plain: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(row)) plain[key] = plainValue(value);
      return plain;
    });
  };
}

export async function describeTable(table: string, run: SqlRunner, partialUnexpectedCount: number): Promise<TableContext> {
  const relation = quoteRelation(table);
  let described: Record<string, unknown>[];
  try {
    described = await run(`DESCRIBE ${relation}`);
  } catch (error) {
    throw new TableNotFoundError(table, { cause: error });
  }
  const columns = new Map(described.map((row) => [String(row.column_name), String(row.column_type)]));
  const [count] = await run(`SELECT count(*) AS n FROM ${relation}`);
  return { table, relation, columns, rowCount: Number(count?.n ?? 0), partialUnexpectedCount, run };
}
