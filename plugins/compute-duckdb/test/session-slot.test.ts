import { mkdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBConnectionError, DuckDBSessionSlot } from "../src/index.js";
import { makeTempDir } from "./support/temp-dir.js";

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  tmp = await makeTempDir("floe-duckdb-slot");
});
afterAll(() => tmp.cleanup());

const options = (dbPath: string, settings: Record<string, string> = {}) => ({ path: dbPath, extensions: [], settings, attach: [] });

describe("DuckDBSessionSlot", () => {
  it("opens once and shares the session between concurrent callers", async () => {
    const slot = new DuckDBSessionSlot(options(path.join(tmp.dir, "shared.duckdb")));
    const [a, b] = await Promise.all([slot.get(), slot.get()]);
    expect(a).toBe(b);
    await a.connection.run("CREATE TABLE t AS SELECT 42 AS x");
    const read = await (await slot.get()).connection.runAndReadAll("SELECT x FROM t");
    expect(read.getRowObjectsJS()).toEqual([{ x: 42 }]);
    await slot.close();
  });

  it("forgets a failed open so the next call retries", async () => {
    const dir = path.join(tmp.dir, "created-later");
    const slot = new DuckDBSessionSlot(options(path.join(dir, "db.duckdb")));
    const error = await slot.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuckDBConnectionError);
    expect((error as Error).message).toMatch(/^cannot open DuckDB database: /);
    await mkdir(dir);
    const session = await slot.get();
    expect((await session.connection.runAndReadAll("SELECT 1 AS ok")).getRowObjectsJS()).toEqual([{ ok: 1 }]);
    await slot.close();
  });

  it("closes the session and opens a new one on the next call", async () => {
    const dbPath = path.join(tmp.dir, "reopen.duckdb");
    const slot = new DuckDBSessionSlot(options(dbPath));
    const first = await slot.get();
    await first.connection.run("CREATE TABLE kept AS SELECT 'v' AS s");
    await slot.close();
    await expect(first.connection.run("SELECT 1")).rejects.toThrow();
    const second = await slot.get();
    expect(second).not.toBe(first);
    expect((await second.connection.runAndReadAll("SELECT s FROM kept")).getRowObjectsJS()).toEqual([{ s: "v" }]);
    await slot.close();
  });

  it("passes settings as instance options (read-only access)", async () => {
    const dbPath = path.join(tmp.dir, "readonly.duckdb");
    const writer = new DuckDBSessionSlot(options(dbPath));
    await (await writer.get()).connection.run("CREATE TABLE r AS SELECT 1 AS x");
    await writer.close();
    const reader = new DuckDBSessionSlot(options(dbPath, { access_mode: "READ_ONLY" }));
    const { connection } = await reader.get();
    expect((await connection.runAndReadAll("SELECT x FROM r")).getRowObjectsJS()).toEqual([{ x: 1 }]);
    await expect(connection.run("INSERT INTO r VALUES (2)")).rejects.toThrow(/read-only/i);
    await reader.close();
  });
});
