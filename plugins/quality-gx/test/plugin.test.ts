import path from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { discoverPlugins, loadPlugin, PluginType } from "@floe/runtime";
import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ConfigError,
  GxQualityPlugin,
  InvalidSuiteError,
  SUPPORTED_EXPECTATIONS,
  TableNotFoundError,
  type ValidationResult,
} from "../src/index.js";
import { createCustomersDatabase, CUSTOMERS_SQL } from "./support/customers-db.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

let db: Awaited<ReturnType<typeof createCustomersDatabase>>;
let plugin: GxQualityPlugin;
beforeAll(async () => {
  db = await createCustomersDatabase();
  plugin = new GxQualityPlugin({ database: db.file, readOnly: true, partialUnexpectedCount: 20 });
});
afterAll(async () => {
  await plugin.close();
  await db.cleanup();
});

/** A GX 1.x suite (the JSON `ExpectationSuite.to_json_dict()` writes). */
const SUITE = {
  name: "customers_suite",
  meta: { great_expectations_version: "1.3.0" },
  expectations: [
    { type: "expect_column_values_to_not_be_null", kwargs: { column: "email" }, meta: {} },
    { type: "expect_column_values_to_not_be_null", kwargs: { column: "id" }, meta: {} },
    { type: "expect_column_values_to_be_unique", kwargs: { column: "id" }, meta: {} },
    { type: "expect_column_values_to_be_between", kwargs: { column: "age", min_value: 18, max_value: 120 }, meta: {} },
    { type: "expect_column_values_to_be_between", kwargs: { column: "age", min_value: 18, max_value: 120, mostly: 0.6 }, meta: {} },
    { type: "expect_column_values_to_be_in_set", kwargs: { column: "status", value_set: ["active", "inactive", "pending"] }, meta: {} },
    { type: "expect_column_values_to_match_regex", kwargs: { column: "email", regex: "^[^@]+@[^@]+\\.[a-z]+$" }, meta: {} },
    { type: "expect_table_row_count_to_be_between", kwargs: { min_value: 1, max_value: 10 }, meta: {} },
  ],
};

describe("runChecks", () => {
  let validation: ValidationResult;

  it("returns Great Expectations' validation result shape and statistics", async () => {
    const report = await plugin.runChecks({ suite: SUITE, table: "customers" });
    validation = report.raw as ValidationResult;
    expect(validation.suite_name).toBe("customers_suite");
    expect(validation.success).toBe(false);
    expect(validation.statistics).toEqual({
      evaluated_expectations: 8,
      successful_expectations: 3,
      unsuccessful_expectations: 5,
      success_percent: 37.5,
    });
    expect(validation.results.map((r) => r.success)).toEqual([false, true, false, false, true, false, false, true]);
    for (const r of validation.results) {
      expect(r.exception_info).toEqual({ raised_exception: false, exception_traceback: null, exception_message: null });
    }
  });

  it("counts nulls as unexpected only for not_null", () => {
    expect(validation.results[0]!.result).toEqual({
      element_count: 6,
      unexpected_count: 1,
      unexpected_percent: (1 / 6) * 100,
      unexpected_percent_total: (1 / 6) * 100,
      partial_unexpected_list: [null],
    });
    expect(validation.results[1]!.result).toMatchObject({ element_count: 6, unexpected_count: 0, unexpected_percent: 0, partial_unexpected_list: [] });
  });

  it("lists every occurrence of a duplicated value as unexpected", () => {
    expect(validation.results[2]!.result).toMatchObject({
      element_count: 6,
      missing_count: 0,
      unexpected_count: 2,
      partial_unexpected_list: [4, 4],
    });
  });

  it("computes between with missing values excluded and honours mostly", () => {
    const between = validation.results[3]!.result;
    expect(between).toEqual({
      element_count: 6,
      unexpected_count: 2,
      unexpected_percent: 40,
      partial_unexpected_list: expect.arrayContaining([130, 17]),
      missing_count: 1,
      missing_percent: (1 / 6) * 100,
      unexpected_percent_total: (2 / 6) * 100,
      unexpected_percent_nonmissing: 40,
    });
    expect(between.partial_unexpected_list).toHaveLength(2);
    expect(validation.results[4]!.success).toBe(true);
    expect(validation.results[4]!.expectation_config).toEqual({
      type: "expect_column_values_to_be_between",
      kwargs: { column: "age", min_value: 18, max_value: 120, mostly: 0.6 },
      meta: {},
    });
  });

  it("finds values outside a set and values not matching a regex", () => {
    expect(validation.results[5]!.result).toMatchObject({ unexpected_count: 1, partial_unexpected_list: ["banned"], unexpected_percent: (1 / 6) * 100 });
    expect(validation.results[6]!.result).toMatchObject({
      element_count: 6,
      missing_count: 1,
      unexpected_count: 1,
      unexpected_percent: 20,
      partial_unexpected_list: ["not-an-email"],
    });
  });

  it("reports the table row count as observed value", () => {
    expect(validation.results[7]!.result).toEqual({ observed_value: 6 });
  });

  it("maps expectations onto floe check results", async () => {
    const report = await plugin.runChecks({ suite: SUITE, table: "customers" });
    expect(report).toMatchObject({ success: false, passCount: 3, failCount: 5, rowsChecked: 6 });
    expect(report.results[0]).toEqual({
      name: "expect_column_values_to_not_be_null(email)",
      status: "fail",
      failures: 1,
      rowsChecked: 6,
      passCount: 5,
      message: "1 unexpected value of 6",
    });
    expect(report.results[3]).toMatchObject({ name: "expect_column_values_to_be_between(age)", failures: 2, rowsChecked: 6, passCount: 3 });
    expect(report.results[7]).toEqual({ name: "expect_table_row_count_to_be_between", status: "pass", failures: 0 });
  });

  it("compares dates and honours strict bounds", async () => {
    const report = await plugin.runChecks({
      table: "customers",
      suite: {
        name: "bounds",
        expectations: [
          { type: "expect_column_values_to_be_between", kwargs: { column: "signed_up", min_value: "2023-01-01", max_value: "2024-12-31" } },
          { type: "expect_table_row_count_to_be_between", kwargs: { min_value: 6, strict_min: true } },
          { type: "expect_table_row_count_to_be_between", kwargs: { max_value: 6 } },
        ],
      },
    });
    const raw = report.raw as ValidationResult;
    expect(raw.results[0]!.result).toMatchObject({ missing_count: 1, unexpected_count: 1, partial_unexpected_list: ["2022-12-31T00:00:00.000Z"] });
    expect(raw.results.map((r) => r.success)).toEqual([false, false, true]);
  });

  it("accepts GX 0.x suites (expectation_suite_name, expectation_type) and schema-qualified tables", async () => {
    const report = await plugin.runChecks({
      table: "crm.empty_accounts",
      suite: {
        expectation_suite_name: "accounts.warning",
        expectations: [
          { expectation_type: "expect_column_values_to_be_unique", kwargs: { column: "id" } },
          { expectation_type: "expect_table_row_count_to_be_between", kwargs: { min_value: 1 } },
        ],
      },
    });
    const raw = report.raw as ValidationResult;
    expect(raw.suite_name).toBe("accounts.warning");
    expect(raw.results[0]!.success).toBe(true);
    expect(raw.results[0]!.result).toMatchObject({ element_count: 0, unexpected_percent: null });
    expect(raw.results[1]).toMatchObject({ success: false, result: { observed_value: 0 } });
  });

  it("reports unsupported expectations and bad kwargs as raised exceptions, like GX", async () => {
    const report = await plugin.runChecks({
      table: "customers",
      suite: {
        name: "broken",
        expectations: [
          { type: "expect_column_kl_divergence_to_be_less_than", kwargs: { column: "age" } },
          { type: "expect_column_values_to_not_be_null", kwargs: { column: "nope" } },
          { type: "expect_column_values_to_be_between", kwargs: { column: "age" } },
          { type: "expect_column_values_to_match_regex", kwargs: { column: "email", regex: "([unclosed" } },
        ],
      },
    });
    const raw = report.raw as ValidationResult;
    expect(raw.results.map((r) => r.exception_info.raised_exception)).toEqual([true, true, true, true]);
    expect(raw.results.map((r) => r.exception_info.exception_message)).toEqual([
      expect.stringContaining("expect_column_kl_divergence_to_be_less_than is not supported"),
      'The column "nope" in BatchData does not exist.',
      "min_value and max_value cannot both be None",
      expect.stringMatching(/^Invalid Input Error: missing \]/),
    ]);
    expect(report.results.map((r) => r.status)).toEqual(["error", "error", "error", "error"]);
    expect(raw.statistics.unsuccessful_expectations).toBe(4);
  });

  it("validates through a connection the caller already has", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    for (const sql of CUSTOMERS_SQL) await connection.run(sql);
    const injected = new GxQualityPlugin({ connection });
    const report = await injected.runChecks({ suite: SUITE, table: "customers" });
    expect(report.passCount).toBe(3);
    await injected.close();
    // The plugin did not close the caller's connection.
    expect((await connection.runAndReadAll("SELECT 1 AS one")).getRowObjectsJS()).toEqual([{ one: 1 }]);
    connection.closeSync();
    instance.closeSync();
  });

  it("fails with typed errors for a missing table or an invalid suite", async () => {
    await expect(plugin.runChecks({ suite: SUITE, table: "no_such_table" })).rejects.toBeInstanceOf(TableNotFoundError);
    const error = await plugin.runChecks({ suite: { expectations: [{ kwargs: {} }] }, table: "customers" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidSuiteError);
    expect((error as InvalidSuiteError).issues).toEqual([
      "expectations.0: expected `type` or `expectation_type`",
      "(root): expected `name` or `expectation_suite_name`",
    ]);
  });
});

describe("parseResults", () => {
  // A validation result as GX 1.x serialises it (ExpectationSuiteValidationResult.to_json_dict()).
  const gxDocument = {
    success: false,
    results: [
      {
        success: true,
        expectation_config: { type: "expect_column_values_to_not_be_null", kwargs: { batch_id: "pg-orders", column: "order_id" }, meta: {}, id: "6f0d" },
        result: { element_count: 1000, unexpected_count: 0, unexpected_percent: 0.0, partial_unexpected_list: [], partial_unexpected_counts: [], partial_unexpected_index_list: [] },
        meta: {},
        exception_info: { raised_exception: false, exception_traceback: null, exception_message: null },
      },
      {
        success: false,
        expectation_config: { type: "expect_column_values_to_be_in_set", kwargs: { batch_id: "pg-orders", column: "status", value_set: ["placed", "shipped"] }, meta: {} },
        result: { element_count: 1000, unexpected_count: 12, unexpected_percent: 1.2, partial_unexpected_list: ["returned"], missing_count: 0, missing_percent: 0.0 },
        meta: {},
        exception_info: { raised_exception: false, exception_traceback: null, exception_message: null },
      },
    ],
    suite_name: "orders_suite",
    suite_parameters: {},
    statistics: { evaluated_expectations: 2, successful_expectations: 1, unsuccessful_expectations: 1, success_percent: 50.0 },
    meta: { great_expectations_version: "1.3.0", batch_spec: { table_name: "orders" }, validation_time: "20241001T120000.000000Z" },
  };

  it("maps a GX validation result onto check results", async () => {
    const report = await plugin.parseResults(gxDocument);
    expect(report.raw).toBe(gxDocument);
    expect(report).toMatchObject({ success: false, passCount: 1, failCount: 1, rowsChecked: 1000 });
    expect(report.results).toEqual([
      { name: "expect_column_values_to_not_be_null(order_id)", status: "pass", failures: 0, rowsChecked: 1000, passCount: 1000 },
      { name: "expect_column_values_to_be_in_set(status)", status: "fail", failures: 12, rowsChecked: 1000, passCount: 988, message: "12 unexpected values of 1000" },
    ]);
  });

  it("round-trips its own validation results", async () => {
    const ran = await plugin.runChecks({ suite: SUITE, table: "customers" });
    const parsed = await plugin.parseResults(JSON.parse(JSON.stringify(ran.raw)));
    expect(parsed.results).toEqual(ran.results);
    expect(parsed.rowsChecked).toBe(6);
  });

  it("rejects documents that are not validation results", async () => {
    await expect(plugin.parseResults({ results: [{ success: "yes" }] })).rejects.toBeInstanceOf(InvalidSuiteError);
  });
});

describe("config and registry", () => {
  it("validates the config", () => {
    expect(() => new GxQualityPlugin({ partialUnexpectedCount: -1 })).toThrow(ConfigError);
    expect(() => new GxQualityPlugin({ connection: {} as never })).toThrow(/connection/);
  });

  it("lists the supported expectations", () => {
    expect([...SUPPORTED_EXPECTATIONS].sort()).toEqual([
      "expect_column_values_to_be_between",
      "expect_column_values_to_be_in_set",
      "expect_column_values_to_be_unique",
      "expect_column_values_to_match_regex",
      "expect_column_values_to_not_be_null",
      "expect_table_row_count_to_be_between",
    ]);
  });

  it("is discovered by the registry", async () => {
    const declaration = (await discoverPlugins({ cwd: repoRoot })).find((d) => d.packageName === "@floe/plugin-quality-gx");
    expect(declaration?.declaredType).toBe(PluginType.QUALITY);
    const loaded = await loadPlugin(declaration!);
    expect(loaded.tracerName).toBe("floe.quality.gx");
    expect(loaded.name).toBe("quality-gx");
  });
});
