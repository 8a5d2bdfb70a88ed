import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { discoverPlugins, loadPlugin, verifyPluginInstrumentation } from "@floe/runtime";
import { createTestTracing } from "@floe/runtime/testing";
import {
  AlreadyExistsError,
  BadRequestError,
  CatalogServerError,
  CatalogTimeoutError,
  ConfigError,
  ForbiddenError,
  MalformedResponseError,
  NamespaceNotEmptyError,
  NoSuchNamespaceError,
  NoSuchTableError,
  NotAuthorizedError,
  PolarisCatalogPlugin,
  buildSchema,
} from "../src/index.js";
import type { IcebergRestServer } from "./support/iceberg-rest-server.js";
import { CLIENT_ID, CLIENT_SECRET, PREFIX, WAREHOUSE, pluginFor, startCatalog } from "./support/fixtures.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

let server: IcebergRestServer;
beforeEach(async () => {
  server = await startCatalog({ pageSize: 2 });
});
afterEach(() => server.close());

const ordersSchema = () =>
  buildSchema(
    [
      { name: "order_id", type: "long", required: true },
      { name: "customer", type: "string" },
      { name: "amount", type: "decimal(10, 2)" },
      { name: "placed_at", type: "timestamptz" },
    ],
    { identifierFields: ["order_id"] },
  );

describe("OAuth2 client credentials and /v1/config", () => {
  it("exchanges form-encoded credentials, then resolves the prefix for the warehouse", async () => {
    const plugin = pluginFor(server);
    await plugin.listNamespaces();
    const [tokenRequest] = server.tokenRequests();
    expect(tokenRequest!.method).toBe("POST");
    expect(tokenRequest!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(tokenRequest!.body))).toEqual({
      grant_type: "client_credentials",
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      scope: "PRINCIPAL_ROLE:ALL",
    });
    const [config, list] = server.catalogRequests();
    expect(config!.path).toBe("/v1/config");
    expect(config!.query.warehouse).toBe(WAREHOUSE);
    expect(config!.headers.authorization).toBe(`Bearer ${server.issuedTokens[0]}`);
    expect(list!.path).toBe(`/v1/${PREFIX}/namespaces`);
    expect((await plugin.catalogConfig()).prefix).toBe(PREFIX);
  });

  it("caches the token across operations and fetches the config once", async () => {
    const plugin = pluginFor(server);
    await plugin.createNamespace(["sales"]);
    await plugin.listNamespaces();
    await plugin.listTables(["sales"]);
    expect(server.tokenRequests()).toHaveLength(1);
    expect(server.catalogRequests().filter((r) => r.path === "/v1/config")).toHaveLength(1);
    const tokens = new Set(server.catalogRequests().map((r) => r.headers.authorization));
    expect(tokens).toEqual(new Set([`Bearer ${server.issuedTokens[0]}`]));
  });

  it("refreshes a token that is about to expire", async () => {
    await server.close();
    server = await startCatalog({ tokenTtlSeconds: 30 });
    const plugin = pluginFor(server, { tokenRefreshMarginSeconds: 60 });
    await plugin.listNamespaces();
    await plugin.listNamespaces();
    // The token is never fresh enough to reuse, so each catalog request (config, two lists) gets a new one.
    expect(server.tokenRequests()).toHaveLength(3);
    expect(server.catalogRequests().map((r) => r.headers.authorization)).toEqual(
      server.issuedTokens.map((token) => `Bearer ${token}`),
    );
  });

  it("refreshes once and retries when the catalog rejects a cached token", async () => {
    const plugin = pluginFor(server);
    await plugin.listNamespaces();
    server.revokeTokens();
    await plugin.createNamespace(["ops"]);
    expect(server.tokenRequests()).toHaveLength(2);
    expect(server.namespaces.has("ops")).toBe(true);
  });

  it("maps rejected client credentials to NotAuthorizedError", async () => {
    const plugin = pluginFor(server, { credential: { clientId: CLIENT_ID, clientSecret: "wrong-secret-value-123" } });
    const error = await plugin.listNamespaces().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAuthorizedError);
    expect((error as NotAuthorizedError).status).toBe(401);
    expect((error as NotAuthorizedError).type).toBe("invalid_client");
  });

  it("uses a static bearer token when no client credentials are configured", async () => {
    const seed = pluginFor(server);
    await seed.listNamespaces();
    const plugin = new PolarisCatalogPlugin({ uri: server.url, warehouse: WAREHOUSE, token: server.issuedTokens[0] });
    await plugin.listNamespaces();
    expect(server.tokenRequests()).toHaveLength(1);
  });
});

describe("namespaces", () => {
  it("creates, lists (with parent and pagination) and drops namespaces", async () => {
    const plugin = pluginFor(server);
    await plugin.createNamespace(["sales"], { owner: "finance" });
    await plugin.createNamespace(["sales", "eu"]);
    await plugin.createNamespace(["sales", "us"]);
    await plugin.createNamespace(["sales", "apac"]);
    await plugin.createNamespace(["marketing"]);
    expect(server.namespaces.get("sales")).toEqual({ owner: "finance" });

    expect(await plugin.listNamespaces()).toEqual([["marketing"], ["sales"]]);
    expect(await plugin.listNamespaces(["sales"])).toEqual([["sales", "apac"], ["sales", "eu"], ["sales", "us"]]);
    const childLists = server.catalogRequests().filter((r) => r.query.parent === "sales");
    expect(childLists.map((r) => r.query.pageToken)).toEqual([undefined, "2"]);

    await plugin.dropNamespace(["sales", "eu"]);
    const drop = server.catalogRequests().at(-1)!;
    expect(drop.method).toBe("DELETE");
    expect(drop.path).toBe(`/v1/${PREFIX}/namespaces/sales%1Feu`);
    expect(server.namespaces.has("sales\u001feu")).toBe(false);
  });

  it("maps 409 and 404 to AlreadyExists, NoSuchNamespace and NamespaceNotEmpty", async () => {
    const plugin = pluginFor(server);
    await plugin.createNamespace(["sales"]);
    await plugin.createNamespace(["sales", "eu"]);
    await expect(plugin.createNamespace(["sales"])).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(plugin.dropNamespace(["nope"])).rejects.toBeInstanceOf(NoSuchNamespaceError);
    await expect(plugin.listNamespaces(["nope"])).rejects.toBeInstanceOf(NoSuchNamespaceError);
    const notEmpty = await plugin.dropNamespace(["sales"]).catch((e: unknown) => e);
    expect(notEmpty).toBeInstanceOf(NamespaceNotEmptyError);
    expect((notEmpty as NamespaceNotEmptyError).status).toBe(409);
    expect((notEmpty as Error).message).toContain("NamespaceNotEmptyException");
  });

  it("rejects an empty namespace before calling the catalog", async () => {
    const plugin = pluginFor(server);
    await expect(plugin.createNamespace([])).rejects.toThrow(/non-empty level/);
    expect(server.catalogRequests().filter((r) => r.method === "POST")).toHaveLength(0);
  });
});

describe("tables", () => {
  it("creates a table with an Iceberg schema, lists, loads and drops it", async () => {
    const plugin = pluginFor(server);
    await plugin.createNamespace(["sales"]);
    await plugin.createNamespace(["sales", "eu"]);
    const created = await plugin.createTable({ namespace: ["sales", "eu"], name: "orders" }, {
      schema: ordersSchema(),
      properties: { "write.format.default": "parquet" },
    });
    const post = server.catalogRequests().at(-1)!;
    expect(post.path).toBe(`/v1/${PREFIX}/namespaces/sales%1Feu/tables`);
    const sent = JSON.parse(post.body);
    expect(sent.name).toBe("orders");
    expect(sent.schema).toEqual({
      type: "struct",
      "schema-id": 0,
      fields: [
        { id: 1, name: "order_id", type: "long", required: true },
        { id: 2, name: "customer", type: "string", required: false },
        { id: 3, name: "amount", type: "decimal(10, 2)", required: false },
        { id: 4, name: "placed_at", type: "timestamptz", required: false },
      ],
      "identifier-field-ids": [1],
    });
    expect(created.formatVersion).toBe(2);
    expect(created.location).toBe("s3://lake/sales/eu/orders");
    expect(created.properties).toEqual({ "write.format.default": "parquet" });

    await plugin.createTable({ namespace: ["sales", "eu"], name: "returns" }, { schema: ordersSchema() });
    await plugin.createTable({ namespace: ["sales", "eu"], name: "refunds" }, { schema: ordersSchema() });
    expect(await plugin.listTables(["sales", "eu"])).toEqual([
      { namespace: ["sales", "eu"], name: "orders" },
      { namespace: ["sales", "eu"], name: "refunds" },
      { namespace: ["sales", "eu"], name: "returns" },
    ]);

    const loaded = await plugin.loadTable({ namespace: ["sales", "eu"], name: "orders" });
    expect(loaded.tableUuid).toBe(created.tableUuid);
    expect(loaded.schema.fields.map((f) => f.name)).toEqual(["order_id", "customer", "amount", "placed_at"]);
    expect(loaded.metadataLocation).toMatch(/^s3:\/\/lake\/sales\/eu\/orders\/metadata\/.*\.metadata\.json$/);

    await plugin.dropTable({ namespace: ["sales", "eu"], name: "orders" }, true);
    const drop = server.catalogRequests().at(-1)!;
    expect(drop.method).toBe("DELETE");
    expect(drop.path).toBe(`/v1/${PREFIX}/namespaces/sales%1Feu/tables/orders`);
    expect(drop.query.purgeRequested).toBe("true");
    expect(server.tables.size).toBe(2);
  });

  it("maps a missing table, a missing namespace and a duplicate table to typed errors", async () => {
    const plugin = pluginFor(server);
    await plugin.createNamespace(["sales"]);
    await plugin.createTable({ namespace: ["sales"], name: "orders" }, { schema: ordersSchema() });
    const missing = await plugin.loadTable({ namespace: ["sales"], name: "ghost" }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NoSuchTableError);
    expect((missing as NoSuchTableError).status).toBe(404);
    expect((missing as NoSuchTableError).type).toBe("NoSuchTableException");
    await expect(plugin.listTables(["nowhere"])).rejects.toBeInstanceOf(NoSuchNamespaceError);
    await expect(plugin.dropTable({ namespace: ["sales"], name: "ghost" })).rejects.toBeInstanceOf(NoSuchTableError);
    await expect(
      plugin.createTable({ namespace: ["sales"], name: "orders" }, { schema: ordersSchema() }),
    ).rejects.toBeInstanceOf(AlreadyExistsError);
  });

  it("refuses an invalid Iceberg schema without sending it", async () => {
    const plugin = pluginFor(server);
    await plugin.createNamespace(["sales"]);
    const bad = { type: "struct", "schema-id": 0, fields: [{ id: 1, name: "x", type: "varchar", required: false }] };
    await expect(
      plugin.createTable({ namespace: ["sales"], name: "t" }, { schema: bad as never }),
    ).rejects.toThrow();
    expect(server.catalogRequests().filter((r) => r.path.endsWith("/tables"))).toHaveLength(0);
  });
});

describe("failures", () => {
  it("times out a catalog that does not answer", async () => {
    const plugin = pluginFor(server, { timeoutMs: 200 });
    server.addFault({ pathIncludes: "/namespaces", delayMs: 1_000, status: 200, body: { namespaces: [] } });
    const error = await plugin.listNamespaces().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogTimeoutError);
    expect((error as Error).message).toContain("no response within 200 ms");
  });

  it("maps a 5xx to CatalogServerError with the server's message", async () => {
    const plugin = pluginFor(server);
    server.addFault({
      pathIncludes: "/namespaces",
      status: 503,
      body: { error: { message: "Metastore unavailable", type: "ServiceUnavailableException", code: 503 } },
    });
    const error = await plugin.listNamespaces().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogServerError);
    expect((error as CatalogServerError).status).toBe(503);
    expect((error as Error).message).toBe("list namespaces: 503 ServiceUnavailableException: Metastore unavailable");
  });

  it("maps 403 and 400 responses", async () => {
    const plugin = pluginFor(server);
    server.addFault({
      pathIncludes: "/namespaces",
      status: 403,
      body: { error: { message: "Principal lacks NAMESPACE_CREATE", type: "ForbiddenException", code: 403 } },
    });
    await expect(plugin.createNamespace(["x"])).rejects.toBeInstanceOf(ForbiddenError);
    server.addFault({ pathIncludes: "/namespaces", status: 400, body: "not json at all" });
    const error = await plugin.createNamespace(["x"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).status).toBe(400);
  });

  it("rejects a 200 that is not JSON, or JSON of the wrong shape", async () => {
    const plugin = pluginFor(server);
    server.addFault({ pathIncludes: "/namespaces", status: 200, body: "<html>proxy login</html>" });
    await expect(plugin.listNamespaces()).rejects.toBeInstanceOf(MalformedResponseError);
    server.addFault({ pathIncludes: "/namespaces", status: 200, body: { namespaces: "sales" } });
    const error = await plugin.listNamespaces().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as Error).message).toContain("unexpected response shape at namespaces");
  });

  it("strips the client secret from an error the catalog echoes it in", async () => {
    const plugin = pluginFor(server);
    server.addFault({
      pathIncludes: "/v1/oauth/tokens",
      status: 401,
      body: { error: "invalid_client", error_description: `client secret ${CLIENT_SECRET} rejected` },
    });
    const error = await plugin.listNamespaces().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAuthorizedError);
    expect((error as Error).message).toContain("invalid_client");
    expect((error as Error).message).not.toContain(CLIENT_SECRET);
  });

  it("reports an unknown warehouse from /v1/config", async () => {
    const plugin = pluginFor(server, { warehouse: "missing_wh" });
    const error = await plugin.listNamespaces().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).status).toBe(404);
    expect((error as Error).message).toContain("Unable to find warehouse missing_wh");
  });
});

describe("config", () => {
  it("lists the failing paths without echoing secret values", () => {
    let error: unknown;
    try {
      new PolarisCatalogPlugin({ uri: "not a url", warehouse: "", credential: { clientId: "a", clientSecret: 42 as never } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).issues.map((p) => p.split(":")[0]);
    expect(problems).toEqual(expect.arrayContaining(["uri", "warehouse", "credential.clientSecret"]));
    expect((error as Error).message).not.toContain("42");
  });
});

describe("registry", () => {
  it("discovers the plugin and loads its tracer name; the audit is clean", async () => {
    const declarations = await discoverPlugins({ cwd: repoRoot });
    const declaration = declarations.find((d) => d.packageName === "@floe/plugin-catalog-polaris");
    expect(declaration?.declaredType).toBe("CATALOG");
    const loaded = await loadPlugin(declaration!);
    expect(loaded.tracerName).toBe("floe.catalog.polaris");
    expect(loaded.pluginType).toBe("CATALOG");
    expect(verifyPluginInstrumentation([pluginFor(server)])).toEqual([]);
  });
});
