/**
 * Writes the DuckDB database the tests validate: a `customers` table with a
 * null email, a duplicated id, out-of-range ages, an unknown status and a
 * malformed email, so every supported expectation has something to find.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

export const CUSTOMERS_SQL = [
  `CREATE TABLE customers (id INTEGER, email VARCHAR, age INTEGER, status VARCHAR, signed_up DATE)`,
  `INSERT INTO customers VALUES
     (1, 'ada@example.com', 36, 'active', DATE '2023-05-01'),
     (2, 'grace@example.com', 85, 'active', DATE '2024-02-10'),
     (3, NULL, 41, 'inactive', DATE '2024-03-15'),
     (4, 'not-an-email', 130, 'banned', DATE '2022-12-31'),
     (4, 'edsger@example.com', NULL, 'active', DATE '2024-06-01'),
     (6, 'barbara@example.com', 17, 'pending', NULL)`,
  `CREATE SCHEMA crm`,
  `CREATE TABLE crm.empty_accounts (id INTEGER)`,
];

export async function createCustomersDatabase(): Promise<{ file: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "floe-gx-"));
  const file = path.join(dir, "warehouse.duckdb");
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  for (const sql of CUSTOMERS_SQL) await connection.run(sql);
  connection.closeSync();
  instance.closeSync();
  return { file, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
