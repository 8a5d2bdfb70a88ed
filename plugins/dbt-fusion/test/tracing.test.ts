import { SpanStatusCode } from "@opentelemetry/api";
import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { ATTRIBUTES, DbtFusionPlugin } from "../src/index.js";
import { createDbtProject, FAKE_DBT, type DbtProjectFixture } from "../../dbt-core/test/support/dbt-project.mjs";
import { createBin, type FusionBin } from "./support/fusion-bin.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const floe = { namespace: "analytics", productName: "jaffle", productVersion: "3.1.0" };
let project: DbtProjectFixture;
let bin: FusionBin;
afterEach(async () => {
  await project?.cleanup();
  await bin?.cleanup();
});

describe("dbt fusion spans", () => {
  it("declares the plugin's own attribute constants", () => {
    expect(ATTRIBUTES.MODE).toBe("dbt_fusion.mode");
    expect(ATTRIBUTES.FALLBACK).toBe("dbt_fusion.fallback");
    expect(ATTRIBUTES.COMMAND).toBe("dbt.command");
  });

  it("records mode fusion without fallback when Fusion runs", async () => {
    project = await createDbtProject({ scenario: { models: [{ name: "customers" }], fusionAdapters: ["duckdb"] } });
    bin = await createBin(["dbtf"]);
    const plugin = new DbtFusionPlugin({ projectDir: project.projectDir, profilesDir: project.profilesDir, coreExecutable: FAKE_DBT, env: { PATH: bin.path }, floe });
    await plugin.run({ select: ["customers"] });

    const span = tracing.getSpan("dbt.run");
    expect(span.instrumentationScope.name).toBe("floe.dbt.fusion");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toMatchObject({
      "dbt_fusion.mode": "fusion",
      "dbt_fusion.fallback": false,
      "dbt_fusion.version": "2.0.0-preview.45",
      "dbt.command": "run",
      "dbt.select": "customers",
      "dbt.node_count": 1,
      "floe.namespace": "analytics",
      "floe.product.name": "jaffle",
      "floe.product.version": "3.1.0",
    });
    expect(span.events.map((e) => e.name)).toEqual([]);
  });

  it("records the fallback to dbt-core and its reason", async () => {
    project = await createDbtProject({ scenario: { models: [{ name: "customers" }] } });
    bin = await createBin(["dbtf"]);
    const rejecting = new DbtFusionPlugin({ projectDir: project.projectDir, profilesDir: project.profilesDir, coreExecutable: FAKE_DBT, env: { PATH: bin.path } });
    await rejecting.test();
    const missing = new DbtFusionPlugin({ projectDir: project.projectDir, profilesDir: project.profilesDir, coreExecutable: FAKE_DBT });
    await missing.compile();
    const core = new DbtFusionPlugin({ projectDir: project.projectDir, profilesDir: project.profilesDir, coreExecutable: FAKE_DBT, mode: "core" });
    await core.run();

    const [test, compile, run] = [tracing.getSpan("dbt.test"), tracing.getSpan("dbt.compile"), tracing.getSpan("dbt.run")];
    expect(test.attributes).toMatchObject({ "dbt_fusion.mode": "core", "dbt_fusion.fallback": true });
    expect(test.events.map((e) => [e.name, e.attributes?.["dbt_fusion.fallback_reason"]])).toEqual([["dbt_fusion.fallback", "adapter_unsupported"]]);
    expect(compile.attributes).toMatchObject({ "dbt_fusion.mode": "core", "dbt_fusion.fallback": true });
    expect(compile.events[0]!.attributes?.["dbt_fusion.fallback_reason"]).toBe("fusion_not_found");
    expect(run.attributes).toMatchObject({ "dbt_fusion.mode": "core", "dbt_fusion.fallback": false });
    for (const span of [test, compile, run]) expect(span.status.code).toBe(SpanStatusCode.OK);
  });

  it("records a credential-bearing Fusion failure as ERROR, sanitized, without falling back", async () => {
    const password = "Fu510n-Pg-Secret-77";
    project = await createDbtProject({
      scenario: { behaviour: "profile_error", fusionAdapters: ["postgres"] },
      profile: { type: "postgres", host: "warehouse.internal", user: "analyst", password, port: 5432, dbname: "analytics", schema: "main" },
    });
    bin = await createBin(["dbtf"]);
    const plugin = new DbtFusionPlugin({ projectDir: project.projectDir, profilesDir: project.profilesDir, coreExecutable: FAKE_DBT, env: { PATH: bin.path }, floe });
    const error = await plugin.build().catch((e: unknown) => e);

    expect((error as Error).name).toBe("DbtProfileError");
    expect(project.invocations().map((i) => i.flavor)).toEqual(["fusion"]);
    const span = tracing.getSpan("dbt.build");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain("password authentication failed");
    expect(span.attributes).toMatchObject({ "dbt_fusion.mode": "fusion", "dbt_fusion.fallback": false });
    expect(span.events.find((e) => e.name === "exception")?.attributes?.["exception.type"]).toBe("PROFILE_ERROR");
    expect(tracing.findLeaks([password])).toEqual([]);
  });
});
