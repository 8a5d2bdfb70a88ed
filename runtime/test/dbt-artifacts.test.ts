// The shared dbt artifacts module: typed manifest and run results read from real files, and its failures.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  DbtArtifactReadError,
  parseManifestDocument,
  parseRunResults,
  readManifest,
  readRunResults,
  toDbtRunResult,
  type DbtArtifactProblem,
} from "../src/index.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "floe-dbt-artifacts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const target = path.join(dir, name);
  writeFileSync(target, typeof content === "string" ? content : JSON.stringify(content));
  return target;
}

const MANIFEST = {
  metadata: { dbt_schema_version: "https://schemas.getdbt.com/dbt/manifest/v12.json", dbt_version: "1.8.7", project_name: "shop", adapter_type: "duckdb" },
  nodes: {
    "model.shop.orders": {
      unique_id: "model.shop.orders", resource_type: "model", name: "orders", relation_name: '"w"."main"."orders"',
      config: { materialized: "table", group: "finance" }, tags: ["mart"], description: "Orders.",
      columns: { id: { name: "id", data_type: "integer", constraints: [{ type: "primary_key" }] } },
      depends_on: { nodes: ["source.shop.raw.orders"], macros: [] },
    },
    "test.shop.unique_orders_id.abc123": {
      unique_id: "test.shop.unique_orders_id.abc123", resource_type: "test", name: "unique_orders_id",
      test_metadata: { name: "unique", kwargs: { column_name: "id" } }, attached_node: "model.shop.orders", column_name: "id",
      config: { severity: "ERROR" }, depends_on: { nodes: ["model.shop.orders"] },
    },
  },
  sources: { "source.shop.raw.orders": { unique_id: "source.shop.raw.orders", resource_type: "source", name: "orders", source_name: "raw" } },
  exposures: {
    "exposure.shop.dash": { unique_id: "exposure.shop.dash", name: "dash", type: "dashboard", owner: { email: "a@b.c" }, depends_on: { nodes: ["model.shop.orders"] } },
  },
  metrics: { "metric.shop.revenue": { unique_id: "metric.shop.revenue", name: "revenue", type: "simple", label: "Revenue", depends_on: { nodes: ["semantic_model.shop.orders"] } } },
  semantic_models: {
    "semantic_model.shop.orders": {
      unique_id: "semantic_model.shop.orders", name: "orders", model: "ref('orders')",
      entities: [{ name: "order", type: "primary" }], measures: [{ name: "amount", agg: "sum" }], dimensions: [{ name: "ordered_at", type: "time" }],
      depends_on: { nodes: ["model.shop.orders"] },
    },
  },
  parent_map: { "model.shop.orders": ["source.shop.raw.orders"] },
};

const RUN_RESULTS = {
  metadata: { dbt_schema_version: "https://schemas.getdbt.com/dbt/run-results/v6.json", dbt_version: "1.8.7", invocation_id: "inv-1" },
  elapsed_time: 1.5,
  results: [
    {
      unique_id: "model.shop.orders", status: "success", execution_time: 0.4, message: "OK", failures: null,
      timing: [{ name: "execute", started_at: "2025-01-01T00:00:00Z", completed_at: "2025-01-01T00:00:01Z" }],
      adapter_response: { rows_affected: 3 },
    },
    { unique_id: "test.shop.unique_orders_id.abc123", status: "fail", execution_time: 0.1, failures: 2, message: "Got 2 results" },
  ],
};

describe("readManifest", () => {
  it("types nodes, sources, exposures, metrics and semantic models", async () => {
    const manifest = await readManifest(file("manifest.json", MANIFEST));
    expect(manifest).toMatchObject({ schemaVersion: 12, dbtVersion: "1.8.7", projectName: "shop", adapterType: "duckdb" });
    expect(manifest.nodes["model.shop.orders"]).toMatchObject({
      resourceType: "model", relationName: '"w"."main"."orders"', materialized: "table", group: "finance", tags: ["mart"],
      dependsOn: ["source.shop.raw.orders"], columns: { id: { name: "id", dataType: "integer", constraints: [{ type: "primary_key" }] } },
    });
    expect(manifest.nodes["test.shop.unique_orders_id.abc123"]).toMatchObject({
      testMetadata: { name: "unique", kwargs: { column_name: "id" } }, attachedNode: "model.shop.orders", columnName: "id", severity: "ERROR",
    });
    expect(manifest.sources["source.shop.raw.orders"]).toMatchObject({ sourceName: "raw", tags: [], dependsOn: [], columns: {} });
    expect(manifest.exposures["exposure.shop.dash"]).toMatchObject({ type: "dashboard", owner: { email: "a@b.c" }, dependsOn: ["model.shop.orders"] });
    expect(manifest.metrics["metric.shop.revenue"]).toMatchObject({ type: "simple", label: "Revenue", dependsOn: ["semantic_model.shop.orders"] });
    expect(manifest.semanticModels["semantic_model.shop.orders"]).toEqual({
      uniqueId: "semantic_model.shop.orders", name: "orders", description: undefined, model: "ref('orders')",
      entities: [{ name: "order", type: "primary" }], measures: [{ name: "amount", agg: "sum" }], dimensions: [{ name: "ordered_at", type: "time" }],
      dependsOn: ["model.shop.orders"],
    });
    expect(manifest.parentMap).toEqual({ "model.shop.orders": ["source.shop.raw.orders"] });
  });

  it("leaves the optional sections empty when a manifest lacks them", () => {
    const manifest = parseManifestDocument({ metadata: MANIFEST.metadata, nodes: {} });
    expect(manifest).toMatchObject({ nodes: {}, sources: {}, exposures: {}, metrics: {}, semanticModels: {}, parentMap: {} });
  });

  it("reports a missing file, malformed JSON, a wrong artifact and a wrong shape as typed problems", async () => {
    const missing = await readManifest(path.join(dir, "nope.json")).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DbtArtifactReadError);
    expect(missing).toMatchObject({ code: "ARTIFACT_NOT_FOUND", kind: "not_found", message: `${path.join(dir, "nope.json")}: file does not exist` });

    const malformed = await readManifest(file("broken.json", '{"metadata": {"token": "s3cr3t-value"')).catch((e: unknown) => e);
    expect(malformed).toMatchObject({ code: "ARTIFACT_INVALID", kind: "malformed_json" });
    expect((malformed as Error).message).toMatch(/malformed JSON/);
    expect((malformed as Error).message).not.toContain("s3cr3t-value");

    const catalog = { metadata: { dbt_schema_version: "https://schemas.getdbt.com/dbt/catalog/v1.json" }, nodes: {} };
    expect(() => parseManifestDocument(catalog, "catalog.json")).toThrow("catalog.json: not a dbt manifest artifact");
    expect(() => parseManifestDocument({ nodes: [] }, "bogus.json")).toThrow(/bogus\.json: unexpected shape: metadata: .*nodes: /);
  });

  it("raises the caller's own error when it names one", async () => {
    class ManifestProblem extends Error {
      constructor(readonly problem: DbtArtifactProblem) {
        super(problem.problem);
      }
    }
    const error = await readManifest(path.join(dir, "absent.json"), { error: (p) => new ManifestProblem(p) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ManifestProblem);
    expect((error as ManifestProblem).problem).toMatchObject({ kind: "not_found", artifact: "manifest", path: path.join(dir, "absent.json") });
  });
});

describe("readRunResults", () => {
  it("keeps status, timing, execution time, message, failures and adapter response", async () => {
    const artifact = await readRunResults(file("run_results.json", RUN_RESULTS));
    expect(artifact.results[0]).toMatchObject({
      unique_id: "model.shop.orders", status: "success", execution_time: 0.4, message: "OK",
      timing: [{ name: "execute", started_at: "2025-01-01T00:00:00Z" }], adapter_response: { rows_affected: 3 },
    });
    expect(artifact.results[1]).toMatchObject({ status: "fail", failures: 2, timing: [] });
  });

  it("turns a run into the contract's result: failed nodes or a non-zero exit mean no success", () => {
    const artifact = parseRunResults(RUN_RESULTS);
    const result = toDbtRunResult("build", artifact, 1);
    expect(result).toMatchObject({ success: false, command: "build", elapsedTime: 1.5, invocationId: "inv-1", dbtVersion: "1.8.7", exitCode: 1 });
    expect(result.results[0]).toEqual({
      uniqueId: "model.shop.orders", status: "success", executionTime: 0.4, message: "OK", failures: null,
      adapterResponse: { rows_affected: 3 }, relationName: null,
    });
    const passing = parseRunResults({ ...RUN_RESULTS, results: [RUN_RESULTS.results[0]] });
    expect(toDbtRunResult("run", passing).success).toBe(true);
    expect(toDbtRunResult("run", passing, 2).success).toBe(false);
  });

  it("rejects a manifest handed over as run results", () => {
    expect(() => parseRunResults(MANIFEST, "target/run_results.json")).toThrow(/unexpected shape: results/);
    expect(() => parseRunResults({ metadata: MANIFEST.metadata, results: [] })).toThrow("not a dbt run-results artifact");
  });
});
