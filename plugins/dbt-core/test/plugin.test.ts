import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { discoverPlugins, loadPlugin, PluginType } from "@floe/runtime";
import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ConfigError,
  DbtArtifactError,
  DbtCommandError,
  DbtCorePlugin,
  DbtExecutableNotFoundError,
  DbtProfileError,
  DbtTimeoutError,
  type DbtLogEvent,
} from "../src/index.js";
import { createDbtProject, FAKE_DBT, type DbtProjectFixture, type FakeDbtScenario } from "./support/dbt-project.mjs";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const JAFFLE: FakeDbtScenario = {
  models: [{ name: "stg_customers", rows: 3 }, { name: "customers", rows: 3, dependsOn: ["stg_customers"] }, { name: "orders", rows: 9 }],
  tests: [
    { name: "not_null_customers_customer_id", model: "customers", column: "customer_id", status: "pass" },
    { name: "unique_customers_customer_id", model: "customers", column: "customer_id", type: "unique", status: "fail", failures: 2 },
    { name: "accepted_values_orders_status", model: "orders", column: "status", type: "accepted_values", status: "warn", failures: 1 },
  ],
};

let project: DbtProjectFixture;
afterEach(() => project?.cleanup());

function pluginFor(fixture: DbtProjectFixture, extra: Partial<ConstructorParameters<typeof DbtCorePlugin>[0]> = {}) {
  return new DbtCorePlugin({ executable: FAKE_DBT, projectDir: fixture.projectDir, profilesDir: fixture.profilesDir, ...extra });
}

describe("run", () => {
  it("passes project, profiles, selection and flags to dbt and returns typed results", async () => {
    project = await createDbtProject({ scenario: JAFFLE });
    const events: DbtLogEvent[] = [];
    const plugin = pluginFor(project, { target: "dev", env: { FLOE_MARKER: "from-config" }, onLog: (e) => events.push(e) });

    const result = await plugin.run({ select: ["customers", "orders"], exclude: ["stg_customers"], vars: { day: "2024-01-01" }, threads: 2, fullRefresh: true });

    const [invocation] = project.invocations();
    expect(invocation!.argv).toEqual([
      "run", "--log-format", "json", "--project-dir", project.projectDir, "--profiles-dir", project.profilesDir,
      "--target", "dev", "--select", "customers", "orders", "--exclude", "stg_customers",
      "--vars", '{"day":"2024-01-01"}', "--threads", "2", "--full-refresh",
    ]);
    expect(invocation!.cwd).toBe(project.projectDir);
    expect(invocation!.env.FLOE_MARKER).toBe("from-config");

    expect(result).toMatchObject({ success: true, command: "run", exitCode: 0, dbtVersion: "1.8.7" });
    expect(result.results.map((r) => [r.uniqueId, r.status])).toEqual([
      ["model.jaffle_shop.customers", "success"],
      ["model.jaffle_shop.orders", "success"],
    ]);
    expect(result.results[0]).toMatchObject({
      message: "OK",
      relationName: '"floe"."main"."customers"',
      adapterResponse: { rows_affected: 3 },
    });

    // Log lines were streamed as structured events, all from this invocation.
    expect(events.map((e) => e.name)).toEqual(["MainReportVersion", "LogModelResult", "LogModelResult", "CommandCompleted"]);
    expect(new Set(events.map((e) => e.invocationId))).toEqual(new Set([result.invocationId]));
    expect(events[1]!.msg).toBe("1 of 2 OK created sql table model customers");
  });

  it("reports failing and warning tests as results, not errors", async () => {
    project = await createDbtProject({ scenario: JAFFLE });
    const result = await pluginFor(project).test();
    expect(result.success).toBe(false);
    expect(result.exitCode).toBe(1);
    expect(result.results.map((r) => [r.status, r.failures])).toEqual([["pass", 0], ["fail", 2], ["warn", 1]]);
    expect(result.results[1]!.message).toBe("Got 2 results, configured to fail if != 0");
  });

  it("compiles and builds", async () => {
    project = await createDbtProject({ scenario: { models: JAFFLE.models } });
    const plugin = pluginFor(project);
    const compiled = await plugin.compile({ selector: "nightly" });
    expect(compiled.success).toBe(true);
    expect(project.invocations()[0]!.argv).toContain("--selector");
    const built = await plugin.build({ select: ["orders"] });
    expect(built.results.map((r) => r.uniqueId)).toEqual(["model.jaffle_shop.orders"]);
    expect(project.invocations().map((i) => i.argv[0])).toEqual(["compile", "build"]);
  });
});

describe("parseManifest", () => {
  it("reads manifest.json into typed nodes", async () => {
    project = await createDbtProject({ scenario: JAFFLE });
    const plugin = pluginFor(project);
    await plugin.compile();
    const manifest = await plugin.parseManifest();
    expect(manifest).toMatchObject({ schemaVersion: 12, dbtVersion: "1.8.7", projectName: "jaffle_shop", adapterType: "duckdb" });
    expect(Object.keys(manifest.nodes)).toHaveLength(6);
    expect(manifest.nodes["model.jaffle_shop.customers"]).toMatchObject({
      resourceType: "model",
      relationName: '"floe"."main"."customers"',
      materialized: "table",
      dependsOn: ["model.jaffle_shop.stg_customers"],
    });
    const uniqueTest = Object.values(manifest.nodes).find((n) => n.name === "unique_customers_customer_id");
    expect(uniqueTest).toMatchObject({
      resourceType: "test",
      attachedNode: "model.jaffle_shop.customers",
      columnName: "customer_id",
      testMetadata: { name: "unique", kwargs: { column_name: "customer_id" } },
    });
    expect(manifest.parentMap["model.jaffle_shop.customers"]).toEqual(["model.jaffle_shop.stg_customers"]);
  });

  it("rejects a file that is not a dbt manifest and a missing one", async () => {
    project = await createDbtProject();
    const plugin = pluginFor(project);
    await writeFile(path.join(project.projectDir, "other.json"), JSON.stringify({ metadata: { dbt_schema_version: "https://schemas.getdbt.com/dbt/catalog/v1.json" }, nodes: {} }));
    await expect(plugin.parseManifest("other.json")).rejects.toThrow(/not a dbt manifest artifact/);
    const missing = await plugin.parseManifest().catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DbtArtifactError);
    expect((missing as Error).message).toMatch(/manifest\.json: file does not exist/);
  });
});

describe("failures", () => {
  it("turns a profile error into DbtProfileError with the password redacted", async () => {
    const password = "Pg-S3cr3t-9f8e7d";
    project = await createDbtProject({
      scenario: { behaviour: "profile_error" },
      profile: { type: "postgres", host: "warehouse.internal", user: "analyst", password, port: 5432, dbname: "analytics", schema: "main" },
    });
    const error = await pluginFor(project).run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbtProfileError);
    const profileError = error as DbtProfileError;
    expect(profileError.code).toBe("PROFILE_ERROR");
    expect(profileError.exitCode).toBe(1);
    expect(profileError.message).toContain("password authentication failed for user");
    expect(profileError.message).toContain("warehouse.internal");
    expect(profileError.message).not.toContain(password);
    expect(profileError.stack).not.toContain(password);
    expect(profileError.errors.join("\n")).not.toContain(password);
  });

  it("kills dbt when it exceeds the timeout, escalating to SIGKILL when SIGTERM is ignored", async () => {
    project = await createDbtProject({ scenario: { behaviour: "sleep", sleepMs: 60_000, ignoreSigterm: true } });
    // The timeout leaves room for Node to start the fake under a loaded CI machine (it must write its pid
    // file, after installing its SIGTERM handler, before it is killed); the kill itself is what is timed.
    const plugin = pluginFor(project, { timeoutMs: 4_000, killGraceMs: 200 });
    const error = await plugin.run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbtTimeoutError);
    expect((error as DbtTimeoutError).timeoutMs).toBe(4_000);
    expect((error as Error).message).toBe("dbt run did not finish within 4000 ms and was killed");
    const pid = Number(await readFile(path.join(project.projectDir, "fake_dbt.pid"), "utf8"));
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: "ESRCH" }));
  });

  it("reports a missing executable", async () => {
    project = await createDbtProject();
    const plugin = new DbtCorePlugin({ executable: path.join(project.root, "no-such-dbt"), projectDir: project.projectDir });
    await expect(plugin.run()).rejects.toBeInstanceOf(DbtExecutableNotFoundError);
  });

  it("reports malformed run_results.json", async () => {
    project = await createDbtProject({ scenario: { models: [{ name: "a" }], behaviour: "malformed_run_results" } });
    const error = await pluginFor(project).run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbtArtifactError);
    expect((error as Error).message).toMatch(/run_results\.json: malformed JSON/);
  });

  it("does not mistake a previous run's results for a crashed run's", async () => {
    project = await createDbtProject({ scenario: { models: [{ name: "a" }] } });
    const plugin = pluginFor(project);
    expect((await plugin.run()).success).toBe(true);
    await project.setScenario({ behaviour: "crash" });
    const error = await plugin.run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbtCommandError);
    expect(error).not.toBeInstanceOf(DbtProfileError);
    expect((error as DbtCommandError).exitCode).toBe(2);
    expect((error as Error).message).toContain("KeyError: 'threads'");
  });

  it("reports an unknown command as a command error", async () => {
    project = await createDbtProject();
    const plugin = pluginFor(project);
    const error = await (plugin as unknown as { runCommand(c: string, i: object): Promise<unknown> }).runCommand("seedz", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbtCommandError);
    expect((error as Error).message).toContain("No such command 'seedz'");
  });
});

describe("config", () => {
  it("requires a project directory and a positive timeout", () => {
    let error: unknown;
    try {
      new DbtCorePlugin({ projectDir: "", timeoutMs: 0 } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.split(":")[0])).toEqual(["projectDir", "timeoutMs"]);
  });
});

describe("registry", () => {
  it("discovers the plugin and reads its tracer name", async () => {
    const declaration = (await discoverPlugins({ cwd: repoRoot })).find((d) => d.packageName === "@floe/plugin-dbt-core");
    expect(declaration?.declaredType).toBe(PluginType.DBT);
    const loaded = await loadPlugin(declaration!);
    expect(loaded.tracerName).toBe("floe.dbt.core");
    expect(loaded.name).toBe("dbt-core");
  });
});
