import { DuckDBInstance } from "@duckdb/node-api";
import { SpanStatusCode } from "@opentelemetry/api";
import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GxQualityPlugin, type ValidationResult } from "../src/index.js";
import { CUSTOMERS_SQL } from "./support/customers-db.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const floe = { namespace: "analytics", productName: "customers", productVersion: "1.0.0" };
let instance: DuckDBInstance;
let plugin: GxQualityPlugin;
beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  for (const sql of CUSTOMERS_SQL) await connection.run(sql);
  plugin = new GxQualityPlugin({ connection, floe });
});
afterAll(() => instance.closeSync());

describe("quality spans", () => {
  it("records suite name, rows checked and pass count on quality.runChecks", async () => {
    await plugin.runChecks({
      table: "customers",
      suite: {
        name: "customers_suite",
        expectations: [
          { type: "expect_column_values_to_not_be_null", kwargs: { column: "id" } },
          { type: "expect_column_values_to_be_unique", kwargs: { column: "id" } },
          { type: "expect_table_row_count_to_be_between", kwargs: { min_value: 1 } },
        ],
      },
    });
    const span = tracing.getSpan("quality.runChecks");
    expect(span.instrumentationScope.name).toBe("floe.quality.gx");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toMatchObject({
      "quality.provider": "great_expectations",
      "quality.check_name": "customers_suite",
      "quality.table": "customers",
      "quality.rows_checked": 6,
      "quality.pass_count": 2,
      "quality.fail_count": 1,
      "quality.check_count": 3,
      "quality.success": false,
      "floe.operation": "runChecks",
      "floe.namespace": "analytics",
      "floe.product.name": "customers",
      "floe.product.version": "1.0.0",
    });
    expect(span.events.map((e) => [e.name, e.attributes?.["quality.check_name"], e.attributes?.["quality.check_status"], e.attributes?.["quality.failures"]])).toEqual([
      ["quality.check", "expect_column_values_to_not_be_null(id)", "pass", 0],
      ["quality.check", "expect_column_values_to_be_unique(id)", "fail", 2],
      ["quality.check", "expect_table_row_count_to_be_between", "pass", 0],
    ]);
  });

  it("records parseResults", async () => {
    await plugin.parseResults({
      success: true,
      suite_name: "s",
      results: [
        {
          success: true,
          expectation_config: { type: "expect_column_values_to_be_unique", kwargs: { column: "id" } },
          result: { element_count: 10, unexpected_count: 0, missing_count: 0 },
          exception_info: { raised_exception: false, exception_message: null },
        },
      ],
    });
    expect(tracing.getSpan("quality.parseResults").attributes).toMatchObject({
      "quality.check_name": "s",
      "quality.rows_checked": 10,
      "quality.pass_count": 1,
      "quality.fail_count": 0,
    });
  });

  it("records a missing table as ERROR", async () => {
    await expect(plugin.runChecks({ table: "missing_table", suite: { name: "s", expectations: [] } })).rejects.toThrow(
      "table missing_table does not exist",
    );
    const span = tracing.getSpan("quality.runChecks");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.events.find((e) => e.name === "exception")?.attributes?.["exception.type"]).toBe("TABLE_NOT_FOUND");
  });

  it("keeps a credential DuckDB echoed in an expectation error out of spans and sanitized in the result", async () => {
    const password = "Gx-DSN-Pass-31337";
    const report = await plugin.runChecks({
      table: "customers",
      suite: {
        name: "leaky",
        expectations: [{ type: "expect_column_values_to_be_in_set", kwargs: { column: "id", value_set: [`postgres://loader:${password}@db.internal/app`] } }],
      },
    });
    const message = (report.raw as ValidationResult).results[0]!.exception_info.exception_message!;
    expect(message).toContain("Conversion Error");
    expect(message).not.toContain(password);
    expect(report.results[0]!.status).toBe("error");
    expect(tracing.getSpan("quality.runChecks").attributes["quality.fail_count"]).toBe(1);
    expect(tracing.findLeaks([password])).toEqual([]);
  });

  it("records a database that cannot be opened as ERROR with the path's credentials redacted", async () => {
    const password = "Gx-Open-Pass-90210";
    const broken = new GxQualityPlugin({ database: `/nonexistent/dir/warehouse.duckdb?password=${password}`, readOnly: true });
    const error = await broken.runChecks({ table: "t", suite: { name: "s", expectations: [] } }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("GxEngineError");
    expect((error as Error).message).not.toContain(password);
    const span = tracing.getSpan("quality.runChecks");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain("cannot open DuckDB database");
    expect(tracing.findLeaks([password])).toEqual([]);
  });
});
