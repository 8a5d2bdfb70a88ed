import { SpanStatusCode } from "@opentelemetry/api";
import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { DbtCorePlugin, DbtProfileError } from "../src/index.js";
import { createDbtProject, FAKE_DBT, type DbtProjectFixture } from "./support/dbt-project.mjs";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const floe = { namespace: "analytics", productName: "jaffle", productVersion: "2.0.0" };
let project: DbtProjectFixture;
afterEach(() => project?.cleanup());

describe("dbt spans", () => {
  it("records command, selection, target and node count on dbt.<command>", async () => {
    project = await createDbtProject({
      scenario: { models: [{ name: "customers" }, { name: "orders" }], tests: [{ name: "not_null_orders_id", model: "orders", status: "fail", failures: 4 }] },
    });
    const plugin = new DbtCorePlugin({ executable: FAKE_DBT, projectDir: project.projectDir, profilesDir: project.profilesDir, target: "dev", floe });
    await plugin.run({ select: ["customers", "orders"], exclude: ["stg_x"] });
    await plugin.test({ select: ["orders"], target: "ci" });
    await plugin.parseManifest();

    expect(tracing.spanNames()).toEqual(["dbt.run", "dbt.test", "dbt.parseManifest"]);
    const run = tracing.getSpan("dbt.run");
    expect(run.instrumentationScope.name).toBe("floe.dbt.core");
    expect(run.status.code).toBe(SpanStatusCode.OK);
    expect(run.attributes).toMatchObject({
      "dbt.command": "run",
      "dbt.select": "customers orders",
      "dbt.exclude": "stg_x",
      "dbt.target": "dev",
      "dbt.node_count": 2,
      "dbt.success": true,
      "dbt.exit_code": 0,
      "dbt.version": "1.8.7",
      "floe.operation": "run",
      "floe.namespace": "analytics",
      "floe.product.name": "jaffle",
      "floe.product.version": "2.0.0",
    });
    // Failing tests are a result of the test command, not a failure of the span.
    const test = tracing.getSpan("dbt.test");
    expect(test.status.code).toBe(SpanStatusCode.OK);
    expect(test.attributes).toMatchObject({ "dbt.command": "test", "dbt.select": "orders", "dbt.target": "ci", "dbt.success": false, "dbt.exit_code": 1 });
    expect(tracing.getSpan("dbt.parseManifest").attributes).toMatchObject({ "dbt.node_count": 3, "dbt.manifest_schema_version": 12 });
  });

  it("records a profile error that printed the password as ERROR, sanitized, and never records env or vars", async () => {
    const password = "Pg-S3cr3t-9f8e7d";
    const envSecret = "env-secret-4b3a2c1d";
    const varSecret = "var-secret-7e6d5c4b";
    project = await createDbtProject({
      scenario: { behaviour: "profile_error" },
      profile: { type: "postgres", host: "warehouse.internal", user: "analyst", password, port: 5432, dbname: "analytics", schema: "main" },
    });
    const plugin = new DbtCorePlugin({
      executable: FAKE_DBT,
      projectDir: project.projectDir,
      profilesDir: project.profilesDir,
      env: { DBT_ENV_SECRET_PASSWORD: envSecret },
      floe,
    });
    await expect(plugin.build({ select: ["customers"], vars: { api_key: varSecret } })).rejects.toBeInstanceOf(DbtProfileError);

    // The stand-in really printed the secret: the sanitizing is what keeps it out.
    expect(project.invocations()[0]!.env.DBT_ENV_SECRET_PASSWORD).toBe(envSecret);
    const span = tracing.getSpan("dbt.build");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain("password authentication failed");
    expect(span.status.message).toContain("<REDACTED>");
    expect(span.attributes).toMatchObject({ "dbt.command": "build", "dbt.select": "customers" });
    const exception = span.events.find((e) => e.name === "exception");
    expect(exception?.attributes?.["exception.type"]).toBe("PROFILE_ERROR");
    expect(String(exception?.attributes?.["exception.stacktrace"])).toContain("DbtProfileError");
    expect(tracing.findLeaks([password, envSecret, varSecret])).toEqual([]);
  });
});
