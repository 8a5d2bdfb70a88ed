import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { SpanStatusCode } from "@opentelemetry/api";
import { createTestTracing } from "@floe/runtime/testing";
import { buildSchema, NoSuchTableError } from "../src/index.js";
import type { IcebergRestServer } from "./support/iceberg-rest-server.js";
import { CLIENT_SECRET, WAREHOUSE, pluginFor, startCatalog } from "./support/fixtures.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

let server: IcebergRestServer;
beforeEach(async () => {
  server = await startCatalog();
});
afterEach(() => server.close());

const floe = { namespace: "prod", productName: "orders", productVersion: "1.4.0" };

describe("catalog spans", () => {
  it("opens catalog.<operation> spans on floe.catalog.polaris with catalog and floe attributes", async () => {
    const plugin = pluginFor(server, { floe });
    await plugin.createNamespace(["sales"]);
    await plugin.createNamespace(["sales", "eu"]);
    const table = { namespace: ["sales", "eu"], name: "orders" };
    await plugin.createTable(table, { schema: buildSchema([{ name: "id", type: "long", required: true }]) });
    await plugin.listNamespaces(["sales"]);
    await plugin.listTables(["sales", "eu"]);
    await plugin.loadTable(table);
    await plugin.dropTable(table);
    await plugin.dropNamespace(["sales", "eu"]);

    expect(tracing.spanNames()).toEqual([
      "catalog.createNamespace",
      "catalog.createNamespace",
      "catalog.createTable",
      "catalog.listNamespaces",
      "catalog.listTables",
      "catalog.loadTable",
      "catalog.dropTable",
      "catalog.dropNamespace",
    ]);
    for (const span of tracing.spans()) {
      expect(span.instrumentationScope.name).toBe("floe.catalog.polaris");
      expect(span.status.code).toBe(SpanStatusCode.OK);
      expect(span.attributes).toMatchObject({
        "catalog.name": WAREHOUSE,
        "floe.namespace": "prod",
        "floe.product.name": "orders",
        "floe.product.version": "1.4.0",
      });
    }
    expect(tracing.getSpan("catalog.loadTable").attributes).toMatchObject({
      "floe.operation": "loadTable",
      "catalog.namespace": "sales.eu",
      "catalog.table": "orders",
    });
    expect(tracing.getSpan("catalog.listTables").attributes["catalog.table_count"]).toBe(1);
    expect(tracing.getSpan("catalog.listNamespaces").attributes).toMatchObject({
      "catalog.namespace": "sales",
      "catalog.namespace_count": 1,
    });
  });

  it("marks a missing table ERROR with the exception event", async () => {
    const plugin = pluginFor(server);
    await plugin.createNamespace(["sales"]);
    await expect(plugin.loadTable({ namespace: ["sales"], name: "ghost" })).rejects.toBeInstanceOf(NoSuchTableError);
    const span = tracing.getSpan("catalog.loadTable");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain("NoSuchTableException");
    const event = span.events.find((e) => e.name === "exception");
    expect(event?.attributes?.["exception.type"]).toBe("NoSuchTableError");
    expect(event?.attributes?.["exception.message"]).toContain("Table does not exist: sales.ghost");
  });

  it("records a credential-bearing server error sanitized, and never exports a token or secret", async () => {
    const plugin = pluginFor(server);
    const leaked = "Sup3rS3cretValue9";
    server.addFault({
      pathIncludes: "/namespaces",
      status: 500,
      body: {
        error: {
          message: `storage check failed for s3://admin:${leaked}@minio:9000/lake password=${leaked}`,
          type: "ServerErrorException",
          code: 500,
        },
      },
    });
    const error = await plugin.listNamespaces().catch((e: unknown) => e);
    expect((error as Error).message).toContain("minio:9000");
    expect((error as Error).message).not.toContain(leaked);

    const span = tracing.getSpan("catalog.listNamespaces");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain("<REDACTED>");
    const event = span.events.find((e) => e.name === "exception");
    expect(String(event?.attributes?.["exception.message"])).toContain("ServerErrorException");
    expect(tracing.findLeaks([leaked, CLIENT_SECRET, ...server.issuedTokens])).toEqual([]);
  });

  it("records a rejected-credentials failure without the client secret", async () => {
    const wrong = "wrong-secret-Hq93kLm2";
    const plugin = pluginFor(server, { credential: { clientId: "floe-etl", clientSecret: wrong } });
    await expect(plugin.listTables(["sales"])).rejects.toThrow(/invalid_client/);
    const span = tracing.getSpan("catalog.listTables");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(tracing.findLeaks([wrong, CLIENT_SECRET])).toEqual([]);
  });
});
