/**
 * The DuckDB destination: creates or evolves the target table from the
 * inferred schema, appends, merges on a primary key (staging table, delete
 * matching keys, insert) or replaces, and stores the pipeline's incremental
 * state and a load record, all in one transaction: a failed load leaves the
 * data and the state untouched.
 */
import { randomUUID } from "node:crypto";
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { DestinationError } from "./errors.js";
import type { ColumnSchema } from "./schema-inference.js";

export const STATE_TABLE = "_floe_pipeline_state";
export const LOADS_TABLE = "_floe_loads";
export const LOAD_ID_COLUMN = "_floe_load_id";

const INSERT_CHUNK = 200;

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export interface PipelineState {
  cursorField: string;
  lastValue: string | number;
}

export interface LoadRequest {
  pipeline: string;
  resource: string;
  schema: string;
  table: string;
  columns: ColumnSchema[];
  rows: Record<string, unknown>[];
  disposition: "append" | "merge" | "replace";
  primaryKey: string[];
  loadId: string;
  state: PipelineState | undefined;
}

function toParam(value: unknown, type: string): DuckDBValue {
  if (value === null || value === undefined) return null;
  if (type === "JSON") return JSON.stringify(value);
  if (typeof value === "object") return JSON.stringify(value);
  if (type === "VARCHAR") return String(value);
  return value as DuckDBValue;
}

export class DuckDbDestination {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(path: string): Promise<DuckDbDestination> {
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run(
      `CREATE TABLE IF NOT EXISTS ${STATE_TABLE} (pipeline_name VARCHAR, resource_name VARCHAR, cursor_field VARCHAR, last_value VARCHAR, load_id VARCHAR, updated_at TIMESTAMPTZ, PRIMARY KEY (pipeline_name, resource_name))`,
    );
    await connection.run(
      `CREATE TABLE IF NOT EXISTS ${LOADS_TABLE} (load_id VARCHAR PRIMARY KEY, pipeline_name VARCHAR, table_name VARCHAR, write_disposition VARCHAR, row_count BIGINT, inserted_at TIMESTAMPTZ)`,
    );
    return new DuckDbDestination(instance, connection);
  }

  async readState(pipeline: string, resource: string): Promise<PipelineState | undefined> {
    const reader = await this.connection.runAndReadAll(
      `SELECT cursor_field, last_value FROM ${STATE_TABLE} WHERE pipeline_name = ? AND resource_name = ?`,
      [pipeline, resource],
    );
    const [row] = reader.getRowObjectsJS();
    if (!row || row.last_value === null) return undefined;
    return { cursorField: String(row.cursor_field), lastValue: JSON.parse(String(row.last_value)) as string | number };
  }

  async existingColumns(schema: string, table: string): Promise<Map<string, string>> {
    const reader = await this.connection.runAndReadAll(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position",
      [schema, table],
    );
    return new Map(reader.getRowObjectsJS().map((r) => [String(r.column_name), String(r.data_type)]));
  }

  /** Loads the rows; returns how many rows were written. */
  async load(request: LoadRequest): Promise<number> {
    const target = `${quoteIdent(request.schema)}.${quoteIdent(request.table)}`;
    const c = this.connection;
    await c.run("BEGIN TRANSACTION");
    try {
      await c.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(request.schema)}`);
      if (request.disposition === "replace") await c.run(`DROP TABLE IF EXISTS ${target}`);
      const types = await this.ensureTable(target, request);
      const written = request.disposition === "merge" ? await this.merge(target, types, request) : await this.insert(target, types, request.rows, request.loadId);
      if (request.state) {
        await c.run(`DELETE FROM ${STATE_TABLE} WHERE pipeline_name = ? AND resource_name = ?`, [request.pipeline, request.resource]);
        await c.run(`INSERT INTO ${STATE_TABLE} VALUES (?, ?, ?, ?, ?, now())`, [
          request.pipeline,
          request.resource,
          request.state.cursorField,
          JSON.stringify(request.state.lastValue),
          request.loadId,
        ]);
      }
      await c.run(`INSERT INTO ${LOADS_TABLE} VALUES (?, ?, ?, ?, ?, now())`, [
        request.loadId,
        request.pipeline,
        `${request.schema}.${request.table}`,
        request.disposition,
        written,
      ]);
      await c.run("COMMIT");
      return written;
    } catch (error) {
      await c.run("ROLLBACK").catch(() => undefined);
      if (error instanceof DestinationError) throw error;
      throw new DestinationError(`load into ${request.schema}.${request.table} failed: ${(error as Error).message}`, {
        code: "LOAD_FAILED",
        cause: error,
      });
    }
  }

  /** Creates the table or adds missing columns; returns the column types to insert with. */
  private async ensureTable(target: string, request: LoadRequest): Promise<Map<string, string>> {
    const existing = await this.existingColumns(request.schema, request.table);
    if (existing.size === 0) {
      const columns = [...request.columns.map((col) => `${quoteIdent(col.name)} ${col.type}`), `${quoteIdent(LOAD_ID_COLUMN)} VARCHAR`];
      await this.connection.run(`CREATE TABLE ${target} (${columns.join(", ")})`);
      return new Map([...request.columns.map((col): [string, string] => [col.name, col.type]), [LOAD_ID_COLUMN, "VARCHAR"]]);
    }
    for (const col of request.columns) {
      if (existing.has(col.name)) continue;
      await this.connection.run(`ALTER TABLE ${target} ADD COLUMN ${quoteIdent(col.name)} ${col.type}`);
      existing.set(col.name, col.type);
    }
    return existing;
  }

  private async insert(target: string, types: Map<string, string>, rows: Record<string, unknown>[], loadId: string): Promise<number> {
    const columns = [...types.keys()];
    const placeholders = `(${columns.map((name) => `CAST(? AS ${types.get(name)})`).join(", ")})`;
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      const values: DuckDBValue[] = [];
      for (const row of chunk) {
        for (const name of columns) values.push(name === LOAD_ID_COLUMN ? loadId : toParam(row[name], types.get(name)!));
      }
      await this.connection.run(
        `INSERT INTO ${target} (${columns.map(quoteIdent).join(", ")}) VALUES ${chunk.map(() => placeholders).join(", ")}`,
        values,
      );
    }
    return rows.length;
  }

  /** Last row per key wins; existing rows with a loaded key are replaced. */
  private async merge(target: string, types: Map<string, string>, request: LoadRequest): Promise<number> {
    const keys = request.primaryKey;
    for (const key of keys) {
      if (!types.has(key)) throw new DestinationError(`primary key column ${key} is not in ${request.schema}.${request.table}`, { code: "NO_PRIMARY_KEY" });
    }
    const byKey = new Map<string, Record<string, unknown>>();
    for (const row of request.rows) {
      const keyValues = keys.map((k) => row[k]);
      if (keyValues.some((v) => v === null || v === undefined)) {
        throw new DestinationError(`a row has no value for primary key ${keys.join(", ")}`, { code: "NULL_PRIMARY_KEY" });
      }
      byKey.set(JSON.stringify(keyValues), row);
    }
    const staging = quoteIdent(`_floe_staging_${randomUUID().replace(/-/g, "")}`);
    await this.connection.run(`CREATE TEMP TABLE ${staging} AS SELECT * FROM ${target} LIMIT 0`);
    try {
      await this.insert(staging, types, [...byKey.values()], request.loadId);
      const match = keys.map((k) => `${target}.${quoteIdent(k)} = ${staging}.${quoteIdent(k)}`).join(" AND ");
      await this.connection.run(`DELETE FROM ${target} USING ${staging} WHERE ${match}`);
      await this.connection.run(`INSERT INTO ${target} BY NAME SELECT * FROM ${staging}`);
    } finally {
      await this.connection.run(`DROP TABLE IF EXISTS ${staging}`);
    }
    return byKey.size;
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
