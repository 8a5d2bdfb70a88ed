import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { discoverPlugins, loadPlugin, verifyPluginInstrumentation } from "@floe/runtime";
import { createTestTracing } from "@floe/runtime/testing";
import {
  ConfigError,
  DagsterGraphQLError,
  DagsterHttpError,
  DagsterOrchestratorPlugin,
  DagsterTimeoutError,
  DagsterUnauthorizedError,
  LaunchRunError,
  MalformedResponseError,
  ManifestError,
  RunFailedError,
  RunNotFoundError,
  buildAssetGraph,
  loadManifest,
} from "../src/index.js";
import type { DagsterServer } from "./support/dagster-server.js";
import { API_TOKEN, LOCATION, MANIFEST, here, pluginFor, startDagster } from "./support/fixtures.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

let server: DagsterServer;
beforeEach(async () => {
  server = await startDagster();
});
afterEach(() => server.close());

describe("createDefinitions", () => {
  it("builds the dbt asset graph: keys, deps, groups, dependencies first", async () => {
    const graph = await pluginFor(server).createDefinitions({ manifest: MANIFEST });
    expect(graph.assets.map((a) => a.keyString)).toEqual([
      "raw_customers",
      "stg_customers",
      "jaffle/orders",
      "stg_orders",
      "customers",
      "orders",
    ]);
    const position = new Map(graph.assets.map((a, i) => [a.keyString, i]));
    for (const asset of graph.assets) {
      for (const dep of asset.deps) expect(position.get(dep.join("/"))).toBeLessThan(position.get(asset.keyString)!);
    }
    const orders = graph.assets.find((a) => a.keyString === "orders")!;
    expect(orders).toMatchObject({ key: ["orders"], kind: "model", group: "finance", uniqueId: "model.shop.orders" });
    expect(orders.deps).toEqual([["stg_orders"], ["customers"]]);
    expect(graph.assets.find((a) => a.keyString === "jaffle/orders")).toMatchObject({ kind: "source", deps: [] });
    expect(graph.groups).toEqual({
      default: ["raw_customers", "stg_customers", "jaffle/orders", "stg_orders"],
      finance: ["customers", "orders"],
    });
  });

  it("applies the asset key prefix to keys and deps", async () => {
    const graph = await pluginFor(server, { assetKeyPrefix: ["shop"] }).createDefinitions({ manifest: MANIFEST });
    expect(graph.assets.find((a) => a.uniqueId === "model.shop.customers")).toMatchObject({
      key: ["shop", "customers"],
      deps: [["shop", "stg_customers"], ["shop", "stg_orders"]],
    });
  });

  it("rejects a missing manifest, a non-manifest and a dependency cycle", async () => {
    await expect(pluginFor(server).createDefinitions({ manifest: path.join(here, "missing.json") })).rejects.toBeInstanceOf(ManifestError);
    await expect(pluginFor(server).createDefinitions({ manifest: { nodes: {} } })).rejects.toThrow(/metadata/);
    const manifest = await loadManifest(MANIFEST);
    manifest.nodes["model.shop.stg_orders"]!.dependsOn = ["model.shop.orders"];
    expect(() => buildAssetGraph(manifest)).toThrow("dependency cycle: customers -> stg_orders -> orders -> customers");
  });
});

describe("launchRun, getRunStatus, waitForRun", () => {
  it("launches the asset job with a selector and asset selection through the LaunchRun mutation", async () => {
    const plugin = pluginFor(server);
    const runId = await plugin.launchRun({
      assetSelection: [["stg_orders"], ["orders"]],
      runConfig: { ops: {} },
      tags: { "floe/product": "orders" },
    });
    expect(server.runs.has(runId)).toBe(true);
    const [launch] = server.operations;
    expect(launch!.operationName).toBe("LaunchRun");
    expect(launch!.rootField).toBe("launchRun");
    expect(launch!.headers["dagster-cloud-api-token"]).toBe(API_TOKEN);
    expect(launch!.variables.executionParams).toEqual({
      selector: {
        repositoryLocationName: LOCATION,
        repositoryName: "__repository__",
        jobName: "__ASSET_JOB",
        assetSelection: [{ path: ["stg_orders"] }, { path: ["orders"] }],
      },
      runConfigData: { ops: {} },
      executionMetadata: { tags: [{ key: "floe/product", value: "orders" }] },
    });
  });

  it("polls runOrError to completion and returns the run's materializations", async () => {
    const plugin = pluginFor(server);
    const runId = await plugin.launchRun({ assetSelection: [["orders"], ["customers"]] });
    const result = await plugin.waitForRun(runId);
    expect(result.status).toBe("SUCCESS");
    expect(result.materializations.map((m) => m.assetKey)).toEqual([["orders"], ["customers"]]);
    expect(result.materializations[0]!.stepKey).toBe("orders");
    const statusPolls = server.operations.filter((o) => o.operationName === "RunStatus");
    expect(statusPolls).toHaveLength(4);
    expect(statusPolls.every((o) => o.variables.runId === runId)).toBe(true);
    expect(server.operations.at(-1)!.operationName).toBe("RunAssetMaterializations");
  });

  it("reports each status as Dagster returns it", async () => {
    const plugin = pluginFor(server);
    const runId = await plugin.launchRun({ jobName: "nightly_marts" });
    expect(await plugin.getRunStatus(runId)).toBe("QUEUED");
    expect(await plugin.getRunStatus(runId)).toBe("STARTING");
  });

  it("throws RunFailedError when the run fails", async () => {
    server.setNextRunStatuses(["QUEUED", "STARTED", "FAILURE"]);
    const plugin = pluginFor(server);
    const runId = await plugin.launchRun({ jobName: "nightly_marts" });
    const error = await plugin.waitForRun(runId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunFailedError);
    expect((error as RunFailedError).code).toBe("FAILURE");
  });

  it("maps union error members: unknown job, unknown assets, unknown run", async () => {
    const plugin = pluginFor(server);
    const unknownJob = await plugin.launchRun({ jobName: "nope" }).catch((e: unknown) => e);
    expect(unknownJob).toBeInstanceOf(LaunchRunError);
    expect((unknownJob as LaunchRunError).code).toBe("PipelineNotFoundError");
    expect((unknownJob as Error).message).toContain("Could not find Pipeline nope");
    const badSubset = await plugin.launchRun({ assetSelection: [["ghost"]] }).catch((e: unknown) => e);
    expect((badSubset as LaunchRunError).code).toBe("InvalidSubsetError");
    const missingRun = await plugin.getRunStatus("0000-missing").catch((e: unknown) => e);
    expect(missingRun).toBeInstanceOf(RunNotFoundError);
    expect((missingRun as Error).message).toContain("Run 0000-missing could not be found");
  });
});

describe("asset events", () => {
  it("reports a runless materialization", async () => {
    await pluginFor(server).reportMaterialization(["orders"], { description: "loaded by floe", partitionKeys: ["2025-01-01"] });
    expect(server.operations[0]!.operationName).toBe("ReportRunlessAssetEvents");
    expect(server.reportedEvents).toEqual([
      { eventType: "ASSET_MATERIALIZATION", assetKey: { path: ["orders"] }, description: "loaded by floe", partitionKeys: ["2025-01-01"] },
    ]);
  });
});

describe("transport failures", () => {
  it("maps 401, 5xx, GraphQL errors, malformed bodies and timeouts", async () => {
    const plugin = pluginFor(server, { apiToken: "user:wrong-token-value" });
    await expect(plugin.getRunStatus("r1")).rejects.toBeInstanceOf(DagsterUnauthorizedError);

    const ok = pluginFor(server);
    server.addFault({ status: 503, body: "upstream unavailable" });
    const http = await ok.getRunStatus("r1").catch((e: unknown) => e);
    expect(http).toBeInstanceOf(DagsterHttpError);
    expect((http as DagsterHttpError).status).toBe(503);

    server.addFault({ status: 200, body: { errors: [{ message: 'Cannot query field "runOrError" on type "Query".' }] } });
    await expect(ok.getRunStatus("r1")).rejects.toBeInstanceOf(DagsterGraphQLError);

    server.addFault({ status: 200, body: "<html>sso login</html>" });
    await expect(ok.getRunStatus("r1")).rejects.toBeInstanceOf(MalformedResponseError);

    server.addFault({ status: 200, body: { data: null }, delayMs: 1_000 });
    await expect(pluginFor(server, { timeoutMs: 200 }).getRunStatus("r1")).rejects.toBeInstanceOf(DagsterTimeoutError);
  });
});

describe("secrets in errors", () => {
  it("strips the API token from an error Dagster echoes it in", async () => {
    server.addFault({ status: 403, body: { errors: [{ message: `token ${API_TOKEN} was revoked` }] } });
    const error = await pluginFor(server).getRunStatus("r1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DagsterUnauthorizedError);
    expect((error as Error).message).toContain("was revoked");
    expect((error as Error).message).not.toContain(API_TOKEN);
  });
});

describe("config and registry", () => {
  it("rejects a bad config without echoing the token", () => {
    let error: unknown;
    try {
      new DagsterOrchestratorPlugin({ url: "dagster", repositoryLocationName: "", apiToken: "" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((p) => p.split(":")[0]).sort()).toEqual(["apiToken", "repositoryLocationName", "url"]);
  });

  it("is discovered by the registry with tracer floe.orchestrator.dagster", async () => {
    const declarations = await discoverPlugins({ cwd: path.resolve(here, "../../../..") });
    const declaration = declarations.find((d) => d.packageName === "@floe/plugin-orchestrator-dagster");
    expect(declaration?.declaredType).toBe("ORCHESTRATOR");
    expect((await loadPlugin(declaration!)).tracerName).toBe("floe.orchestrator.dagster");
    expect(verifyPluginInstrumentation([pluginFor(server)])).toEqual([]);
  });
});
