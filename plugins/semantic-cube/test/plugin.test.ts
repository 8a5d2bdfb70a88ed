import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeProtectedHeader } from "jose";
import { discoverPlugins, loadPlugin, verifyPluginInstrumentation } from "@floe/runtime";
import { createTestTracing } from "@floe/runtime/testing";
import {
  ConfigError,
  CubeAuthError,
  CubeContinueWaitError,
  CubeQueryError,
  CubeSemanticPlugin,
  CubeServerError,
  CubeTimeoutError,
  GENERATED_MARKER,
  ManifestError,
  MalformedResponseError,
  dimensionType,
} from "../src/index.js";
import { API_SECRET, EXPECTED_DIR, MANIFEST, here, startCubeEnv, type CubeEnv } from "./support/fixtures.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

let env: CubeEnv;
beforeEach(async () => {
  env = await startCubeEnv();
});
afterEach(() => env.close());

describe("generateSchema", () => {
  it("generates one Cube YAML file per selected dbt model, matching the expected files", async () => {
    const schema = await env.plugin().generateSchema({ manifest: MANIFEST, tags: ["mart"] });
    expect(schema.cubes.map((c) => c.name)).toEqual(["customers", "orders"]);
    for (const file of schema.files) {
      expect(file.content).toBe(await readFile(path.join(EXPECTED_DIR, file.path), "utf8"));
    }
  });

  it("derives the primary key from constraints or unique+not_null tests and skips untyped columns", async () => {
    const schema = await env.plugin().generateSchema({ manifest: MANIFEST, models: ["orders", "customers"] });
    const orders = schema.cubes.find((c) => c.name === "orders")!;
    expect(orders.dimensions.filter((d) => d.primary_key).map((d) => d.name)).toEqual(["order_id"]);
    expect(orders.dimensions.map((d) => d.name)).not.toContain("notes");
    const customers = schema.cubes.find((c) => c.name === "customers")!;
    expect(customers.sql_table).toBe('"warehouse"."marts"."dim_customers"');
    expect(customers.dimensions.find((d) => d.primary_key)?.name).toBe("customer_id");
    expect(customers.measures).toEqual([{ name: "count", type: "count" }]);
  });

  it("maps warehouse types to Cube dimension types", () => {
    expect(["bigint", "DECIMAL(10,2)", "double precision", "INTEGER"].map(dimensionType)).toEqual(["number", "number", "number", "number"]);
    expect(["date", "timestamp with time zone", "TIMESTAMPTZ"].map(dimensionType)).toEqual(["time", "time", "time"]);
    expect(["bool", "varchar(20)", "uuid"].map(dimensionType)).toEqual(["boolean", "string", "string"]);
  });

  it("fails with ManifestError for a missing or invalid manifest", async () => {
    await expect(env.plugin().generateSchema({ manifest: path.join(here, "nope.json") })).rejects.toBeInstanceOf(ManifestError);
    const bogus = path.join(env.modelDir, "bogus.json");
    await writeFile(bogus, JSON.stringify({ nodes: [] }));
    const error = await env.plugin().generateSchema({ manifest: bogus }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ManifestError);
    expect((error as Error).message).toContain("metadata");
  });
});

describe("syncSchema", () => {
  it("writes new files, leaves unchanged ones, removes stale generated ones and keeps hand-written ones", async () => {
    const plugin = env.plugin();
    await writeFile(path.join(env.modelDir, "handwritten.yml"), "cubes: []\n");
    const all = await plugin.generateSchema({ manifest: MANIFEST });
    expect(await plugin.syncSchema(all)).toEqual({
      written: ["customers.yml", "orders.yml", "stg_customers.yml", "stg_orders.yml"],
      unchanged: [],
      removed: [],
    });
    const marts = await plugin.generateSchema({ manifest: MANIFEST, tags: ["mart"] });
    const result = await plugin.syncSchema(marts);
    expect(result.written).toEqual([]);
    expect(result.unchanged).toEqual(["customers.yml", "orders.yml"]);
    expect(result.removed.sort()).toEqual(["stg_customers.yml", "stg_orders.yml"]);
    expect((await readdir(env.modelDir)).sort()).toEqual(["customers.yml", "handwritten.yml", "orders.yml"]);
    const written = await readFile(path.join(env.modelDir, "orders.yml"), "utf8");
    expect(written.startsWith(GENERATED_MARKER)).toBe(true);
    expect(written).toBe(await readFile(path.join(EXPECTED_DIR, "orders.yml"), "utf8"));
  });
});

describe("query", () => {
  async function synced(plugin: CubeSemanticPlugin) {
    await plugin.syncSchema(await plugin.generateSchema({ manifest: MANIFEST, tags: ["mart"] }));
  }

  it("posts the query to /cubejs-api/v1/load with an HS256 JWT Cube verifies", async () => {
    const plugin = env.plugin({ securityContext: { tenant: "acme" } });
    await synced(plugin);
    const result = await plugin.query({
      measures: ["orders.count"],
      dimensions: ["orders.status"],
      filters: [{ member: "orders.status", operator: "notEquals", values: ["placed"] }],
      order: { "orders.count": "desc" },
    });
    expect(result.data).toEqual([
      { "orders.status": "shipped", "orders.count": "3" },
      { "orders.status": "returned", "orders.count": "1" },
    ]);
    expect(result.attempts).toBe(1);
    const [request] = env.server.requests;
    expect(request!.method).toBe("POST");
    expect(request!.path).toBe("/cubejs-api/v1/load");
    expect(request!.query.measures).toEqual(["orders.count"]);
    expect(request!.claims).toMatchObject({ tenant: "acme" });
    expect(typeof request!.claims!.exp).toBe("number");
    expect(decodeProtectedHeader(request!.authorization!.replace("Bearer ", "")).alg).toBe("HS256");
  });

  it("keeps polling through Continue wait until the result is ready", async () => {
    const plugin = env.plugin();
    await synced(plugin);
    env.server.setContinueWaitTimes(2);
    const result = await plugin.query({ measures: ["orders.count"] });
    expect(result.data).toEqual([{ "orders.count": "5" }]);
    expect(result.attempts).toBe(3);
    expect(env.server.requests).toHaveLength(3);
  });

  it("gives up with CubeContinueWaitError after maxContinueWaitAttempts", async () => {
    const plugin = env.plugin({ maxContinueWaitAttempts: 2 });
    await synced(plugin);
    env.server.setContinueWaitTimes(5);
    await expect(plugin.query({ measures: ["orders.count"] })).rejects.toBeInstanceOf(CubeContinueWaitError);
    expect(env.server.requests).toHaveLength(2);
  });

  it("maps a JWT signed with the wrong secret to CubeAuthError (403)", async () => {
    const plugin = env.plugin({ apiSecret: "some-other-secret-value-000" });
    await synced(plugin);
    const error = await plugin.query({ measures: ["orders.count"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CubeAuthError);
    expect((error as CubeAuthError).status).toBe(403);
  });

  it("maps an unknown member (a missing resource) to CubeQueryError (400)", async () => {
    const plugin = env.plugin();
    await synced(plugin);
    const error = await plugin.query({ measures: ["orders.revenue"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CubeQueryError);
    expect((error as CubeQueryError).status).toBe(400);
    expect((error as Error).message).toContain("'orders.revenue' not found");
  });

  it("strips the API secret from an error Cube echoes it in", async () => {
    env.server.addFault({ status: 400, body: { error: `Error: JWT secret ${API_SECRET} does not match` } });
    const error = await env.plugin().query({ measures: ["orders.count"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CubeQueryError);
    expect((error as Error).message).toContain("does not match");
    expect((error as Error).message).not.toContain(API_SECRET);
  });

  it("maps 5xx, timeouts and malformed bodies", async () => {
    const plugin = env.plugin({ timeoutMs: 200 });
    env.server.addFault({ status: 502, body: { error: "upstream warehouse down" } });
    await expect(plugin.query({ measures: ["orders.count"] })).rejects.toBeInstanceOf(CubeServerError);
    env.server.addFault({ status: 200, body: "<html>gateway</html>" });
    await expect(plugin.query({ measures: ["orders.count"] })).rejects.toBeInstanceOf(MalformedResponseError);
    env.server.addFault({ status: 200, body: { rows: [] } });
    await expect(plugin.query({ measures: ["orders.count"] })).rejects.toThrow(/unexpected response shape at data/);
    env.server.addFault({ status: 200, body: { data: [] }, delayMs: 1_000 });
    await expect(plugin.query({ measures: ["orders.count"] })).rejects.toBeInstanceOf(CubeTimeoutError);
  });
});

describe("config and registry", () => {
  it("rejects a bad config listing paths without the secret", () => {
    let error: unknown;
    try {
      new CubeSemanticPlugin({ apiUrl: "nope", apiSecret: "short-secret", modelDir: "" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((p) => p.split(":")[0]).sort()).toEqual(["apiSecret", "apiUrl", "modelDir"]);
    expect((error as Error).message).not.toContain("short-secret");
  });

  it("is discovered by the registry with tracer floe.semantic.cube", async () => {
    const declarations = await discoverPlugins({ cwd: path.resolve(here, "../../../..") });
    const declaration = declarations.find((d) => d.packageName === "@floe/plugin-semantic-cube");
    expect(declaration?.declaredType).toBe("SEMANTIC_LAYER");
    expect((await loadPlugin(declaration!)).tracerName).toBe("floe.semantic.cube");
    expect(verifyPluginInstrumentation([env.plugin()])).toEqual([]);
  });
});
