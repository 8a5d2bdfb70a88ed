import { SpanStatusCode } from "@opentelemetry/api";
import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { DbtQualityPlugin } from "../src/index.js";
import { createDbtProject, FAKE_DBT, type DbtProjectFixture } from "../../dbt-core/test/support/dbt-project.mjs";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const floe = { namespace: "analytics", productName: "customers", productVersion: "0.9.0" };
let project: DbtProjectFixture;
afterEach(() => project?.cleanup());

describe("quality spans", () => {
  it("records check name, rows checked and pass count on quality.runChecks, one event per check", async () => {
    project = await createDbtProject({
      scenario: {
        models: [{ name: "customers" }],
        tests: [
          { name: "not_null_customers_id", model: "customers", column: "id", status: "pass" },
          { name: "unique_customers_id", model: "customers", column: "id", type: "unique", status: "fail", failures: 3 },
        ],
      },
    });
    const plugin = new DbtQualityPlugin({
      executable: FAKE_DBT,
      projectDir: project.projectDir,
      profilesDir: project.profilesDir,
      countRows: async () => 40,
      floe,
    });
    await plugin.runChecks({ select: ["customers"], name: "customers-contract" });

    const span = tracing.getSpan("quality.runChecks");
    expect(span.instrumentationScope.name).toBe("floe.quality.dbt");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toMatchObject({
      "quality.provider": "dbt",
      "quality.check_name": "customers-contract",
      "quality.rows_checked": 40,
      "quality.pass_count": 1,
      "quality.fail_count": 1,
      "quality.success": false,
      "dbt.command": "test",
      "dbt.select": "customers",
      "floe.operation": "runChecks",
      "floe.namespace": "analytics",
      "floe.product.name": "customers",
      "floe.product.version": "0.9.0",
    });
    expect(span.events.map((e) => e.attributes)).toEqual([
      { "quality.check_name": "not_null_customers_id", "quality.check_status": "pass", "quality.failures": 0, "quality.rows_checked": 40, "quality.pass_count": 40 },
      { "quality.check_name": "unique_customers_id", "quality.check_status": "fail", "quality.failures": 3, "quality.rows_checked": 40, "quality.pass_count": 37 },
    ]);
  });

  it("records parseResults totals", async () => {
    project = await createDbtProject();
    const plugin = new DbtQualityPlugin({ executable: FAKE_DBT, projectDir: project.projectDir });
    await plugin.parseResults({
      metadata: { dbt_schema_version: "https://schemas.getdbt.com/dbt/run-results/v6.json" },
      results: [{ unique_id: "test.p.not_null_a_id.0123456789", status: "pass", execution_time: 0.1, failures: 0 }],
      elapsed_time: 0.1,
    });
    expect(tracing.getSpan("quality.parseResults").attributes).toMatchObject({ "quality.provider": "dbt", "quality.pass_count": 1, "quality.fail_count": 0 });
  });

  it("records a dbt profile error that printed the password as ERROR, sanitized", async () => {
    const password = "Qual1ty-Pg-Pass-42";
    project = await createDbtProject({
      scenario: { behaviour: "profile_error" },
      profile: { type: "postgres", host: "warehouse.internal", user: "qa_bot", password, port: 5432, dbname: "analytics", schema: "qa" },
    });
    const plugin = new DbtQualityPlugin({ executable: FAKE_DBT, projectDir: project.projectDir, profilesDir: project.profilesDir, floe });
    await expect(plugin.runChecks({ select: ["customers"] })).rejects.toThrow(/password authentication failed/);

    const span = tracing.getSpan("quality.runChecks");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain("<REDACTED>");
    expect(span.events.find((e) => e.name === "exception")?.attributes?.["exception.type"]).toBe("PROFILE_ERROR");
    expect(tracing.findLeaks([password])).toEqual([]);
  });
});
