import { SpanStatusCode } from "@opentelemetry/api";
import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { DuckDBComputePlugin } from "../src/index.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const floe = { namespace: "analytics", productName: "orders", productVersion: "1.2.0" };

describe("compute spans", () => {
  it("wraps every operation in compute.<operation> with engine, operation and floe attributes", async () => {
    const plugin = new DuckDBComputePlugin({ floe });
    await plugin.getProfiles();
    await plugin.validateConnection();
    await plugin.execute("SELECT * FROM range(5)");
    await plugin.close();

    expect(tracing.spanNames()).toEqual(["compute.getProfiles", "compute.validateConnection", "compute.execute"]);
    for (const span of tracing.spans()) {
      expect(span.instrumentationScope.name).toBe("floe.compute.duckdb");
      expect(span.status.code).toBe(SpanStatusCode.OK);
      expect(span.attributes).toMatchObject({
        "compute.engine": "duckdb",
        "floe.namespace": "analytics",
        "floe.product.name": "orders",
        "floe.product.version": "1.2.0",
      });
    }
    expect(tracing.getSpan("compute.validateConnection").attributes["compute.operation"]).toBe("validateConnection");
    expect(tracing.getSpan("compute.execute").attributes).toMatchObject({
      "compute.operation": "execute",
      "floe.operation": "execute",
      "compute.row_count": 5,
      "db.operation.name": "SELECT",
    });
  });

  it("records a failing statement as ERROR with the credentials it echoed redacted", async () => {
    const password = "Xy9secretPW4711";
    const plugin = new DuckDBComputePlugin();
    const error = await plugin
      .execute(`SELECT 'postgres://analyst:${password}@db.internal:5432/app'::INTEGER, 'password=${password}' AS dsn`)
      .catch((e: unknown) => e);
    await plugin.close();

    expect((error as Error).name).toBe("DuckDBQueryError");
    expect((error as Error).message).toContain("Conversion Error");
    expect((error as Error).message).not.toContain(password);
    const span = tracing.getSpan("compute.execute");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain("<REDACTED>");
    const exception = span.events.find((e) => e.name === "exception");
    expect(exception?.attributes?.["exception.type"]).toBe("QUERY_FAILED");
    expect(String(exception?.attributes?.["exception.message"])).toContain("db.internal");
    expect(tracing.findLeaks([password])).toEqual([]);
  });

  it("records a failed connection check as ERROR and keeps the attach credentials out of every span", async () => {
    const password = "SecretAttachPw1";
    const plugin = new DuckDBComputePlugin({
      settings: { autoinstall_known_extensions: false, autoload_known_extensions: false },
      attach: [{ path: `dbname=app user=analyst password=${password} host=127.0.0.1`, alias: "pg", type: "postgres" }],
      floe,
    });
    await plugin.getProfiles();
    const status = await plugin.validateConnection();
    await plugin.close();

    expect(status.ok).toBe(false);
    const span = tracing.getSpan("compute.validateConnection");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain('cannot attach database "pg"');
    expect(span.attributes["floe.namespace"]).toBe("analytics");
    expect(tracing.getSpan("compute.getProfiles").status.code).toBe(SpanStatusCode.OK);
    expect(tracing.findLeaks([password])).toEqual([]);
  });
});
