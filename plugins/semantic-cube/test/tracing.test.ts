import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { SpanStatusCode } from "@opentelemetry/api";
import { createTestTracing } from "@floe/runtime/testing";
import { CubeServerError } from "../src/index.js";
import { API_SECRET, MANIFEST, startCubeEnv, type CubeEnv } from "./support/fixtures.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

let env: CubeEnv;
beforeEach(async () => {
  env = await startCubeEnv();
});
afterEach(() => env.close());

const floe = { namespace: "prod", productName: "orders", productVersion: "2.0.0" };

describe("semantic spans", () => {
  it("opens semantic.generateSchema, semantic.syncSchema and semantic.query with semantic.* attributes", async () => {
    const plugin = env.plugin({ floe });
    const schema = await plugin.generateSchema({ manifest: MANIFEST, tags: ["mart"] });
    await plugin.syncSchema(schema);
    await plugin.query({ measures: ["orders.count"], dimensions: ["orders.status"] });

    expect(tracing.spanNames()).toEqual(["semantic.generateSchema", "semantic.syncSchema", "semantic.query"]);
    for (const span of tracing.spans()) {
      expect(span.instrumentationScope.name).toBe("floe.semantic.cube");
      expect(span.status.code).toBe(SpanStatusCode.OK);
      expect(span.attributes).toMatchObject({ "floe.namespace": "prod", "floe.product.name": "orders", "floe.product.version": "2.0.0" });
    }
    expect(tracing.getSpan("semantic.generateSchema").attributes).toMatchObject({
      "semantic.operation": "generateSchema",
      "semantic.model_count": 2,
      "semantic.cube": "customers,orders",
    });
    expect(tracing.getSpan("semantic.syncSchema").attributes).toMatchObject({ "semantic.files_written": 2 });
    expect(tracing.getSpan("semantic.query").attributes).toMatchObject({
      "floe.operation": "query",
      "semantic.operation": "query",
      "semantic.cube": "orders",
      "semantic.row_count": 3,
    });
  });

  it("records a credential-bearing Cube error sanitized and never exports the secret or the JWT", async () => {
    const plugin = env.plugin();
    const leaked = "WarehousePa55word77";
    env.server.addFault({
      status: 500,
      body: { error: `Error: connection to postgres://cube:${leaked}@db:5432/analytics failed, password=${leaked}` },
    });
    const error = await plugin.query({ measures: ["orders.count"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CubeServerError);
    expect((error as Error).message).toContain("db:5432");
    const span = tracing.getSpan("semantic.query");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.events.find((e) => e.name === "exception")?.attributes?.["exception.message"]).toContain("db:5432");
    const jwt = env.server.requests[0]!.authorization!.replace("Bearer ", "");
    expect(tracing.findLeaks([leaked, API_SECRET, jwt])).toEqual([]);
  });

  it("marks a rejected query ERROR", async () => {
    const plugin = env.plugin();
    await plugin.syncSchema(await plugin.generateSchema({ manifest: MANIFEST, tags: ["mart"] }));
    await expect(plugin.query({ dimensions: ["customers.nope"] })).rejects.toThrow(/not found/);
    const span = tracing.getSpan("semantic.query");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes["semantic.cube"]).toBe("customers");
  });
});
