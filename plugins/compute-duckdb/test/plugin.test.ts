import path from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { discoverPlugins, loadPlugin, PluginType } from "@floe/runtime";
import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, DuckDBClosedError, DuckDBComputePlugin, DuckDBQueryError } from "../src/index.js";
import { makeTempDir } from "./support/temp-dir.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
let tmp: Awaited<ReturnType<typeof makeTempDir>>;
let warehousePath: string;

beforeAll(async () => {
  tmp = await makeTempDir("floe-duckdb");
  // A second database the plugin attaches read-only, written by a separate DuckDB instance.
  warehousePath = path.join(tmp.dir, "warehouse.duckdb");
  const instance = await DuckDBInstance.create(warehousePath);
  const connection = await instance.connect();
  await connection.run("CREATE TABLE customers (id INTEGER, name VARCHAR)");
  await connection.run("INSERT INTO customers VALUES (1, 'ada'), (2, 'grace'), (3, 'edsger')");
  connection.closeSync();
  instance.closeSync();
});
afterAll(() => tmp.cleanup());

describe("getProfiles", () => {
  it("renders a dbt-duckdb profile with path, threads, extensions, settings and attachments", async () => {
    const plugin = new DuckDBComputePlugin({
      path: "/data/floe.duckdb",
      threads: 4,
      extensions: ["parquet", "json"],
      settings: { memory_limit: "1GB", preserve_insertion_order: false },
      attach: [{ path: "/data/raw.duckdb", alias: "raw", readOnly: true }, { path: "/data/app.sqlite", alias: "app", type: "sqlite" }],
      profileName: "jaffle_shop",
      target: "prod",
    });
    expect(await plugin.getProfiles()).toEqual({
      jaffle_shop: {
        target: "prod",
        outputs: {
          prod: {
            type: "duckdb",
            path: "/data/floe.duckdb",
            threads: 4,
            extensions: ["parquet", "json"],
            settings: { memory_limit: "1GB", preserve_insertion_order: false },
            attach: [
              { path: "/data/raw.duckdb", alias: "raw", read_only: true },
              { path: "/data/app.sqlite", alias: "app", type: "sqlite" },
            ],
          },
        },
      },
    });
  });

  it("uses defaults and honours a target override", async () => {
    const profiles = await new DuckDBComputePlugin().getProfiles("ci");
    expect(profiles).toEqual({ floe: { target: "ci", outputs: { ci: { type: "duckdb", path: ":memory:" } } } });
  });
});

describe("validateConnection", () => {
  it("opens the database with settings, extensions and attachments and reports the version", async () => {
    const plugin = new DuckDBComputePlugin({
      path: path.join(tmp.dir, "main.duckdb"),
      threads: 2,
      extensions: ["parquet", "json"],
      settings: { memory_limit: "256MB" },
      attach: [{ path: warehousePath, alias: "warehouse", readOnly: true }],
    });
    try {
      const status = await plugin.validateConnection();
      expect(status).toEqual({ ok: true, version: expect.stringMatching(/^v\d+\.\d+\.\d+/) });

      const settings = await plugin.execute<{ threads: number; memory: string }>(
        "SELECT current_setting('threads') AS threads, current_setting('memory_limit') AS memory",
      );
      expect(settings.rows[0]!.threads).toBe(2);
      expect(settings.rows[0]!.memory).toMatch(/MiB$/);

      const loaded = await plugin.execute<{ extension_name: string }>(
        "SELECT extension_name FROM duckdb_extensions() WHERE loaded AND extension_name IN ('json', 'parquet') ORDER BY 1",
      );
      expect(loaded.rows.map((r) => r.extension_name)).toEqual(["json", "parquet"]);

      const attached = await plugin.execute("SELECT name FROM warehouse.customers ORDER BY id");
      expect(attached.rows).toEqual([{ name: "ada" }, { name: "grace" }, { name: "edsger" }]);
      await expect(plugin.execute("INSERT INTO warehouse.customers VALUES (4, 'barbara')")).rejects.toThrow(/read-only/i);
    } finally {
      await plugin.close();
    }
  });

  it("reports an unknown extension as not ok, without throwing", async () => {
    const plugin = new DuckDBComputePlugin({ extensions: ["no_such_extension"] });
    const status = await plugin.validateConnection();
    expect(status.ok).toBe(false);
    expect(status.detail).toContain('unknown DuckDB extension "no_such_extension"');
    await plugin.close();
  });

  it("reports a database that cannot be attached", async () => {
    const plugin = new DuckDBComputePlugin({
      attach: [{ path: path.join(tmp.dir, "missing", "nope.duckdb"), alias: "missing", readOnly: true }],
    });
    const status = await plugin.validateConnection();
    expect(status).toEqual({ ok: false, detail: expect.stringContaining('cannot attach database "missing"') });
    await plugin.close();
  });

  it("reports an invalid setting", async () => {
    const plugin = new DuckDBComputePlugin({ settings: { no_such_option: 1 } });
    const status = await plugin.validateConnection();
    expect(status.ok).toBe(false);
    expect(status.detail).toMatch(/cannot open DuckDB database: .*no_such_option/);
  });
});

describe("execute", () => {
  const plugin = new DuckDBComputePlugin();
  afterAll(() => plugin.close());

  it("runs DDL and DML and reports changed rows", async () => {
    await plugin.execute("CREATE TABLE orders (id INTEGER, customer VARCHAR, amount DECIMAL(10,2), placed DATE)");
    const inserted = await plugin.execute(
      "INSERT INTO orders VALUES (1, 'ada', 12.50, DATE '2024-01-02'), (2, 'grace', 99.99, DATE '2024-01-03'), (3, 'ada', 1.25, NULL)",
    );
    expect(inserted.rowCount).toBe(3);
  });

  it("binds positional parameters", async () => {
    const result = await plugin.execute("SELECT id, customer FROM orders WHERE customer = $1 AND amount > $2 ORDER BY id", ["ada", 1.5]);
    expect(result).toEqual({ rows: [{ id: 1, customer: "ada" }], columns: ["id", "customer"], rowCount: 1 });
  });

  it("binds named parameters and converts BIGINT to numbers", async () => {
    const result = await plugin.execute<{ n: number; total: number }>(
      "SELECT count(*) AS n, sum(id) AS total FROM orders WHERE customer = $who",
      { who: "ada" },
    );
    expect(result.rows).toEqual([{ n: 2, total: 4 }]);
    expect(typeof result.rows[0]!.n).toBe("number");
  });

  it("keeps integers beyond 2^53 exact as strings", async () => {
    const result = await plugin.execute("SELECT 9007199254740993::BIGINT AS big");
    expect(result.rows[0]).toEqual({ big: "9007199254740993" });
  });

  it("raises a typed error for invalid SQL", async () => {
    const error = await plugin.execute("SELEC 1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuckDBQueryError);
    expect((error as DuckDBQueryError).code).toBe("QUERY_FAILED");
    expect((error as Error).message).toMatch(/syntax error/i);
  });

  it("rejects parameters DuckDB cannot bind", async () => {
    await expect(plugin.execute("SELECT $1 AS x", [{ nested: true }])).rejects.toBeInstanceOf(DuckDBQueryError);
  });

  it("refuses to run after close", async () => {
    const closing = new DuckDBComputePlugin();
    await closing.execute("SELECT 1");
    await closing.close();
    await expect(closing.execute("SELECT 1")).rejects.toBeInstanceOf(DuckDBClosedError);
  });
});

describe("config", () => {
  it("lists every failing path", () => {
    let error: unknown;
    try {
      new DuckDBComputePlugin({ threads: -1, extensions: ["httpfs; DROP TABLE x"], attach: [{ path: "", alias: "a" }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues.join("\n");
    expect(issues).toContain("threads:");
    expect(issues).toContain("extensions.0:");
    expect(issues).toContain("attach.0.path:");
    expect((error as Error).message).not.toContain("DROP TABLE");
  });
});

describe("registry", () => {
  it("discovers the plugin and reads its tracer name", async () => {
    const declarations = await discoverPlugins({ cwd: repoRoot });
    const declaration = declarations.find((d) => d.packageName === "@floe/plugin-compute-duckdb");
    expect(declaration?.declaredType).toBe(PluginType.COMPUTE);
    const loaded = await loadPlugin(declaration!);
    expect(loaded.tracerName).toBe("floe.compute.duckdb");
    expect(loaded.name).toBe("compute-duckdb");
    expect(loaded.pluginType).toBe(PluginType.COMPUTE);
  });
});
