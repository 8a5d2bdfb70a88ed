import path from "node:path";
import { fileURLToPath } from "node:url";
import { DbtProfileError } from "@floe/plugin-dbt-core";
import { discoverPlugins, loadPlugin, PluginType } from "@floe/runtime";
import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ConfigError,
  DbtFusionFallbackUnavailableError,
  DbtFusionNotFoundError,
  DbtFusionPlugin,
  type DbtFusionConfig,
} from "../src/index.js";
import { createDbtProject, FAKE_DBT, type DbtProjectFixture, type FakeDbtScenario } from "../../dbt-core/test/support/dbt-project.mjs";
import { createBin, type FusionBin } from "./support/fusion-bin.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const MODELS: FakeDbtScenario = { models: [{ name: "customers" }, { name: "orders" }] };

let project: DbtProjectFixture;
let bin: FusionBin | undefined;
afterEach(async () => {
  await project?.cleanup();
  await bin?.cleanup();
  bin = undefined;
});

function plugin(extra: Partial<DbtFusionConfig>): DbtFusionPlugin {
  return new DbtFusionPlugin({ projectDir: project.projectDir, profilesDir: project.profilesDir, coreExecutable: FAKE_DBT, ...extra });
}

describe("detect", () => {
  it("finds dbtf on PATH and reads its version", async () => {
    project = await createDbtProject();
    bin = await createBin(["dbtf"]);
    const detection = await plugin({ env: { PATH: bin.path } }).detect();
    expect(detection).toEqual({
      available: true,
      executable: path.join(bin.dir, "dbtf"),
      version: "2.0.0-preview.45",
      via: "dbtf",
      checked: [path.join(bin.dir, "dbtf")],
    });
  });

  it("recognises a dbt whose --version says Fusion", async () => {
    project = await createDbtProject();
    bin = await createBin(["dbt"]);
    const detection = await plugin({ coreExecutable: "dbt", env: { PATH: bin.path, FAKE_DBT_FLAVOR: "fusion" } }).detect();
    expect(detection).toMatchObject({ available: true, executable: "dbt", via: "dbt", version: "2.0.0-preview.45" });
  });

  it("reports Fusion missing when only dbt-core is installed", async () => {
    project = await createDbtProject();
    const detection = await plugin({}).detect();
    expect(detection).toEqual({ available: false, checked: [FAKE_DBT] });
  });

  it("does not take a broken executable for Fusion", async () => {
    project = await createDbtProject();
    bin = await createBin(["dbtf"]);
    const detection = await plugin({ fusionExecutable: path.join(bin.dir, "dbtf"), env: { FAKE_DBT_VERSION_FAILS: "1" } }).detect();
    expect(detection.available).toBe(false);
    expect((await plugin({ fusionExecutable: path.join(bin.dir, "missing-dbtf") }).detect()).available).toBe(false);
  });
});

describe("run", () => {
  it("runs through Fusion when it supports the adapter", async () => {
    project = await createDbtProject({ scenario: { ...MODELS, fusionAdapters: ["duckdb"] } });
    bin = await createBin(["dbtf"]);
    const result = await plugin({ env: { PATH: bin.path } }).run({ select: ["customers"] });
    expect(result).toMatchObject({ success: true, dbtVersion: "2.0.0-preview.45" });
    expect(result.results.map((r) => r.uniqueId)).toEqual(["model.jaffle_shop.customers"]);
    expect(project.invocations().map((i) => [i.flavor, i.argv[0]])).toEqual([["fusion", "run"]]);
    expect(project.invocations()[0]!.argv).toEqual(expect.arrayContaining(["--log-format", "json", "--select", "customers"]));
  });

  it("falls back to dbt-core when Fusion rejects the adapter", async () => {
    project = await createDbtProject({ scenario: MODELS });
    bin = await createBin(["dbtf"]);
    const result = await plugin({ env: { PATH: bin.path } }).build();
    expect(result).toMatchObject({ success: true, dbtVersion: "1.8.7" });
    expect(project.invocations().map((i) => [i.flavor, i.argv[0]])).toEqual([["fusion", "build"], ["core", "build"]]);
  });

  it("falls back to dbt-core when Fusion is missing", async () => {
    project = await createDbtProject({ scenario: MODELS });
    const result = await plugin({}).compile();
    expect(result.dbtVersion).toBe("1.8.7");
    expect(project.invocations().map((i) => i.flavor)).toEqual(["core"]);
  });

  it("uses dbt-core only in core mode", async () => {
    project = await createDbtProject({ scenario: { ...MODELS, fusionAdapters: ["duckdb"] } });
    bin = await createBin(["dbtf"]);
    const result = await plugin({ mode: "core", env: { PATH: bin.path } }).run();
    expect(result.dbtVersion).toBe("1.8.7");
    expect(project.invocations().map((i) => i.flavor)).toEqual(["core"]);
  });

  it("fails in fusion mode when Fusion is missing or rejects the adapter", async () => {
    project = await createDbtProject({ scenario: MODELS });
    await expect(plugin({ mode: "fusion" }).run()).rejects.toBeInstanceOf(DbtFusionNotFoundError);
    bin = await createBin(["dbtf"]);
    const error = await plugin({ mode: "fusion", env: { PATH: bin.path } }).run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbtProfileError);
    expect((error as Error).message).toContain("Unsupported adapter type: duckdb");
    expect(project.invocations().map((i) => i.flavor)).toEqual(["fusion"]);
  });

  it("does not fall back when fallback is off", async () => {
    project = await createDbtProject({ scenario: MODELS });
    await expect(plugin({ fallback: false }).run()).rejects.toBeInstanceOf(DbtFusionNotFoundError);
    expect(project.invocations()).toEqual([]);
  });

  it("cannot fall back when the only dbt is Fusion itself", async () => {
    project = await createDbtProject({ scenario: MODELS });
    bin = await createBin(["dbt"]);
    const error = await plugin({ coreExecutable: "dbt", env: { PATH: bin.path, FAKE_DBT_FLAVOR: "fusion" } }).run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbtFusionFallbackUnavailableError);
    expect((error as Error).message).toMatch(/set coreExecutable/);
  });

  it("does not fall back on errors that are not about the adapter", async () => {
    project = await createDbtProject({ scenario: { behaviour: "crash", fusionAdapters: ["duckdb"] } });
    bin = await createBin(["dbtf"]);
    await expect(plugin({ env: { PATH: bin.path } }).run()).rejects.toThrow(/KeyError/);
    expect(project.invocations().map((i) => i.flavor)).toEqual(["fusion"]);
  });

  it("parses the manifest either engine wrote", async () => {
    project = await createDbtProject({ scenario: { ...MODELS, fusionAdapters: ["duckdb"] } });
    bin = await createBin(["dbtf"]);
    const fusion = plugin({ env: { PATH: bin.path } });
    await fusion.compile();
    const manifest = await fusion.parseManifest();
    expect(manifest).toMatchObject({ schemaVersion: 12, dbtVersion: "2.0.0-preview.45" });
    expect(Object.keys(manifest.nodes).sort()).toEqual(["model.jaffle_shop.customers", "model.jaffle_shop.orders"]);
  });
});

describe("config", () => {
  it("validates mode and the runner settings", () => {
    expect(() => new DbtFusionPlugin({ projectDir: "/p", mode: "turbo" } as never)).toThrow(ConfigError);
    expect(() => new DbtFusionPlugin({} as never)).toThrow(/projectDir/);
  });
});

describe("registry", () => {
  it("discovers the plugin and reads its tracer name", async () => {
    const declaration = (await discoverPlugins({ cwd: repoRoot })).find((d) => d.packageName === "@floe/plugin-dbt-fusion");
    expect(declaration?.declaredType).toBe(PluginType.DBT);
    const loaded = await loadPlugin(declaration!);
    expect(loaded.tracerName).toBe("floe.dbt.fusion");
    expect(loaded.name).toBe("dbt-fusion");
  });
});
