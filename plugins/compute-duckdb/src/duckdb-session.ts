/**
 * Opens one embedded DuckDB database the way dbt-duckdb does: instance
 * options from `threads` and `settings`, then extensions loaded and
 * databases attached on the connection. Shared with other DuckDB users
 * (e.g. @floe/plugin-quality-gx) so there is one way to open a database.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import type { AttachedDatabase, DuckDBSessionOptions } from "./config.js";
import { DuckDBConnectionError, DuckDBQueryError, messageOf } from "./errors.js";

export interface DuckDBSession {
  readonly instance: DuckDBInstance;
  readonly connection: DuckDBConnection;
}

/** SQL string literal. */
function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function instanceOptions(config: DuckDBSessionOptions): Record<string, string> {
  const options: Record<string, string> = {};
  for (const [key, value] of Object.entries(config.settings)) options[key] = String(value);
  if (config.threads !== undefined) options.threads = String(config.threads);
  return options;
}

function attachStatement(db: AttachedDatabase): string {
  const options: string[] = [];
  if (db.type) options.push(`TYPE ${db.type}`);
  if (db.readOnly) options.push("READ_ONLY");
  return `ATTACH ${sqlLiteral(db.path)} AS ${db.alias}${options.length ? ` (${options.join(", ")})` : ""}`;
}

async function loadExtension(connection: DuckDBConnection, name: string): Promise<void> {
  const known = await connection.runAndReadAll(
    "SELECT installed, loaded FROM duckdb_extensions() WHERE extension_name = $1",
    [name],
  );
  const row = known.getRowObjectsJS()[0] as { installed: boolean; loaded: boolean } | undefined;
  if (!row) throw new DuckDBConnectionError(`unknown DuckDB extension "${name}"`);
  if (row.loaded) return;
  if (!row.installed) await connection.run(`INSTALL ${name}`);
  await connection.run(`LOAD ${name}`);
}

/** Opens the database, loads extensions and attaches databases; closes everything again on failure. */
export async function openSession(config: DuckDBSessionOptions): Promise<DuckDBSession> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(config.path, instanceOptions(config));
  } catch (error) {
    throw new DuckDBConnectionError(`cannot open DuckDB database: ${messageOf(error)}`, { cause: error });
  }
  let connection: DuckDBConnection | undefined;
  try {
    connection = await instance.connect();
    for (const extension of config.extensions) {
      try {
        await loadExtension(connection, extension);
      } catch (error) {
        if (error instanceof DuckDBConnectionError) throw error;
        throw new DuckDBConnectionError(`cannot load extension "${extension}": ${messageOf(error)}`, { cause: error });
      }
    }
    for (const db of config.attach) {
      try {
        await connection.run(attachStatement(db));
      } catch (error) {
        throw new DuckDBConnectionError(`cannot attach database "${db.alias}": ${messageOf(error)}`, { cause: error });
      }
    }
    return { instance, connection };
  } catch (error) {
    connection?.closeSync();
    instance.closeSync();
    throw error;
  }
}

export function closeSession(session: DuckDBSession): void {
  session.connection.closeSync();
  session.instance.closeSync();
}

/** Converts caller parameters to values DuckDB binds. */
function toDuckDBValue(value: unknown, where: string): DuckDBValue {
  if (value === undefined || value === null) return null;
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
    case "bigint":
      return value;
    default:
      if (value instanceof Date) return value.toISOString();
      throw new DuckDBQueryError(`unsupported parameter type for ${where}: ${Object.prototype.toString.call(value)}`);
  }
}

export function toDuckDBParams(
  params: readonly unknown[] | Record<string, unknown> | undefined,
): DuckDBValue[] | Record<string, DuckDBValue> | undefined {
  if (params === undefined) return undefined;
  if (Array.isArray(params)) return params.map((v, i) => toDuckDBValue(v, `parameter ${i + 1}`));
  const named: Record<string, DuckDBValue> = {};
  for (const [key, value] of Object.entries(params)) named[key] = toDuckDBValue(value, `parameter $${key}`);
  return named;
}
