import path from "node:path";
import { fileURLToPath } from "node:url";
import { DbtArtifactError, DbtProfileError } from "@floe/plugin-dbt-core";
import { discoverPlugins, loadPlugin, PluginType } from "@floe/runtime";
import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, DbtQualityPlugin, testNameFromUniqueId, type DbtQualityConfig } from "../src/index.js";
import { createDbtProject, FAKE_DBT, type DbtProjectFixture, type FakeDbtScenario } from "../../dbt-core/test/support/dbt-project.mjs";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const SCENARIO: FakeDbtScenario = {
  models: [{ name: "customers" }, { name: "orders" }],
  tests: [
    { name: "not_null_customers_customer_id", model: "customers", column: "customer_id", status: "pass" },
    { name: "unique_customers_customer_id", model: "customers", column: "customer_id", type: "unique", status: "fail", failures: 2 },
    { name: "accepted_values_orders_status", model: "orders", column: "status", type: "accepted_values", status: "warn", failures: 1 },
    { name: "relationships_orders_customer_id", model: "orders", column: "customer_id", type: "relationships", status: "pass" },
  ],
};

let project: DbtProjectFixture;
afterEach(() => project?.cleanup());

function plugin(extra: Partial<DbtQualityConfig> = {}) {
  return new DbtQualityPlugin({ executable: FAKE_DBT, projectDir: project.projectDir, profilesDir: project.profilesDir, ...extra });
}

describe("runChecks", () => {
  it("runs dbt test for the selection and reports one check per data test", async () => {
    project = await createDbtProject({ scenario: SCENARIO });
    const counted: string[] = [];
    const rows: Record<string, number> = { '"floe"."main"."customers"': 100, '"floe"."main"."orders"': 250 };
    const report = await plugin({
      countRows: async (relation) => {
        counted.push(relation);
        return rows[relation]!;
      },
    }).runChecks({ select: ["customers"] });

    expect(project.invocations()[0]!.argv.slice(0, 3)).toEqual(["test", "--log-format", "json"]);
    expect(project.invocations()[0]!.argv).toEqual(expect.arrayContaining(["--select", "customers"]));
    expect(counted).toEqual(['"floe"."main"."customers"']);
    expect(report.results).toEqual([
      { name: "not_null_customers_customer_id", status: "pass", failures: 0, rowsChecked: 100, passCount: 100 },
      {
        name: "unique_customers_customer_id",
        status: "fail",
        failures: 2,
        rowsChecked: 100,
        passCount: 98,
        message: "Got 2 results, configured to fail if != 0",
      },
    ]);
    expect(report).toMatchObject({ success: false, passCount: 1, failCount: 1, rowsChecked: 100 });
    expect((report.raw as { metadata: { dbt_schema_version: string } }).metadata.dbt_schema_version).toMatch(/run-results\/v6\.json$/);
  });

  it("treats warnings as passing the run unless warnAsFailure is set", async () => {
    project = await createDbtProject({ scenario: SCENARIO });
    const lenient = await plugin().runChecks({ select: ["orders"] });
    expect(lenient.results.map((r) => [r.name, r.status, r.failures])).toEqual([
      ["accepted_values_orders_status", "warn", 1],
      ["relationships_orders_customer_id", "pass", 0],
    ]);
    expect(lenient).toMatchObject({ success: true, passCount: 1, failCount: 0, rowsChecked: 0 });
    expect(lenient.results[0]!.rowsChecked).toBeUndefined();

    const strict = await plugin({ warnAsFailure: true }).runChecks({ select: ["orders"] });
    expect(strict).toMatchObject({ success: false, passCount: 1, failCount: 1 });
  });

  it("surfaces a dbt profile error as a typed error", async () => {
    project = await createDbtProject({ scenario: { behaviour: "profile_error" }, profile: { type: "postgres", user: "qa", password: "Qa-Pw-0x5eed", host: "db" } });
    const error = await plugin().runChecks().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbtProfileError);
    expect((error as Error).message).not.toContain("Qa-Pw-0x5eed");
  });
});

describe("parseResults", () => {
  // run_results.json as dbt-core 1.8 writes it after `dbt build` (trimmed to the fields that matter).
  const document = {
    metadata: {
      dbt_schema_version: "https://schemas.getdbt.com/dbt/run-results/v6.json",
      dbt_version: "1.8.7",
      generated_at: "2024-10-01T12:00:00.000000Z",
      invocation_id: "2b1c9c36-8f5e-4a61-9f9f-2d7a1c0b7e11",
      env: {},
    },
    results: [
      { status: "success", timing: [], thread_id: "Thread-1", execution_time: 0.2, adapter_response: {}, message: "OK", failures: null, unique_id: "model.shop.orders" },
      { status: "pass", timing: [], thread_id: "Thread-1", execution_time: 0.05, adapter_response: {}, message: null, failures: 0, unique_id: "test.shop.not_null_orders_id.cf6c17daed" },
      { status: "fail", timing: [], thread_id: "Thread-2", execution_time: 0.04, adapter_response: {}, message: "Got 7 results, configured to fail if != 0", failures: 7, unique_id: "test.shop.unique_orders_id.8f3b1a2c4d" },
      { status: "error", timing: [], thread_id: "Thread-2", execution_time: 0.01, adapter_response: {}, message: "Database Error in test x", failures: null, unique_id: "test.shop.assert_positive_total" },
      { status: "skipped", timing: [], thread_id: "Thread-1", execution_time: 0, adapter_response: {}, message: null, failures: null, unique_id: "test.shop.dbt_utils_expression_is_true_orders_total.1a2b3c4d5e" },
    ],
    elapsed_time: 1.5,
    args: { which: "build" },
  };

  it("reports the tests in a run_results document and ignores models", async () => {
    project = await createDbtProject();
    const report = await plugin().parseResults(document);
    expect(report.results.map((r) => [r.name, r.status, r.failures])).toEqual([
      ["not_null_orders_id", "pass", 0],
      ["unique_orders_id", "fail", 7],
      ["assert_positive_total", "error", 0],
      ["dbt_utils_expression_is_true_orders_total", "skipped", 0],
    ]);
    expect(report).toMatchObject({ success: false, passCount: 1, failCount: 2, rowsChecked: 0 });
    expect(report.raw).toBe(document);
  });

  it("rejects documents that are not run results", async () => {
    project = await createDbtProject();
    await expect(plugin().parseResults({ results: "nope" })).rejects.toBeInstanceOf(DbtArtifactError);
    await expect(
      plugin().parseResults({ metadata: { dbt_schema_version: "https://schemas.getdbt.com/dbt/manifest/v12.json" }, results: [] }),
    ).rejects.toThrow(/not a dbt run-results artifact/);
  });
});

describe("helpers and config", () => {
  it("derives test names from unique ids", () => {
    expect(testNameFromUniqueId("test.jaffle_shop.not_null_customers_customer_id.5c9bf9911d")).toBe("not_null_customers_customer_id");
    expect(testNameFromUniqueId("test.jaffle_shop.assert_total_positive")).toBe("assert_total_positive");
    expect(testNameFromUniqueId("model.jaffle_shop.customers")).toBe("model.jaffle_shop.customers");
  });

  it("validates the config", () => {
    expect(() => new DbtQualityPlugin({ projectDir: "/p", countRows: 3 } as never)).toThrow(ConfigError);
    expect(() => new DbtQualityPlugin({ projectDir: "/p", countRows: 3 } as never)).toThrow(/countRows: expected a function/);
  });
});

describe("registry", () => {
  it("discovers the plugin and reads its tracer name", async () => {
    const declaration = (await discoverPlugins({ cwd: repoRoot })).find((d) => d.packageName === "@floe/plugin-quality-dbt");
    expect(declaration?.declaredType).toBe(PluginType.QUALITY);
    const loaded = await loadPlugin(declaration!);
    expect(loaded.tracerName).toBe("floe.quality.dbt");
    expect(loaded.name).toBe("quality-dbt");
  });
});
