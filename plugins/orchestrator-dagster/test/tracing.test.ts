import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { SpanStatusCode } from "@opentelemetry/api";
import { createTestTracing } from "@floe/runtime/testing";
import type { DagsterServer } from "./support/dagster-server.js";
import { API_TOKEN, MANIFEST, pluginFor, startDagster } from "./support/fixtures.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

let server: DagsterServer;
beforeEach(async () => {
  server = await startDagster();
});
afterEach(() => server.close());

const floe = { namespace: "prod", productName: "orders", productVersion: "3.0.0" };

describe("orchestrator spans", () => {
  it("traces definitions, launch, polling and materializations with orchestrator.* attributes", async () => {
    const plugin = pluginFor(server, { floe });
    await plugin.createDefinitions({ manifest: MANIFEST });
    const runId = await plugin.launchRun({ assetSelection: [["orders"]] });
    await plugin.waitForRun(runId);

    for (const span of tracing.spans()) {
      expect(span.instrumentationScope.name).toBe("floe.orchestrator.dagster");
      expect(span.status.code).toBe(SpanStatusCode.OK);
      expect(span.attributes).toMatchObject({ "floe.namespace": "prod", "floe.product.name": "orders", "floe.product.version": "3.0.0" });
    }
    expect(tracing.getSpan("orchestrator.createDefinitions").attributes).toMatchObject({
      "orchestrator.operation": "createDefinitions",
      "orchestrator.asset_count": 6,
    });
    expect(tracing.getSpan("orchestrator.launchRun").attributes).toMatchObject({
      "floe.operation": "launchRun",
      "orchestrator.operation": "launchRun",
      "orchestrator.asset_key": "orders",
      "orchestrator.run_id": runId,
    });
    const wait = tracing.getSpan("orchestrator.waitForRun");
    expect(wait.attributes).toMatchObject({ "orchestrator.run_id": runId, "orchestrator.run_status": "SUCCESS" });
    const children = tracing.childrenOf(wait).map((s) => s.name);
    expect(children).toEqual([
      "orchestrator.getRunStatus",
      "orchestrator.getRunStatus",
      "orchestrator.getRunStatus",
      "orchestrator.getRunStatus",
      "orchestrator.getRunMaterializations",
    ]);
    expect(tracing.findSpans("orchestrator.getRunStatus").map((s) => s.attributes["orchestrator.run_status"])).toEqual([
      "QUEUED",
      "STARTING",
      "STARTED",
      "SUCCESS",
    ]);
    expect(tracing.getSpan("orchestrator.getRunMaterializations").attributes["orchestrator.asset_key"]).toBe("orders");
  });

  it("marks a failed launch ERROR with the exception event", async () => {
    const plugin = pluginFor(server);
    await expect(plugin.launchRun({ jobName: "nope" })).rejects.toThrow(/PipelineNotFoundError/);
    const span = tracing.getSpan("orchestrator.launchRun");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.events.find((e) => e.name === "exception")?.attributes?.["exception.message"]).toContain("Could not find Pipeline nope");
  });

  it("records a credential-bearing PythonError sanitized and never exports the API token", async () => {
    const leaked = "Snowfl4keS3cret99";
    server.addFault({
      status: 200,
      body: {
        data: {
          launchRun: {
            __typename: "PythonError",
            message: `dbt failed: could not connect to snowflake://etl:${leaked}@acme.snowflakecomputing.com token=${leaked}`,
          },
        },
      },
    });
    const error = await pluginFor(server).launchRun({ jobName: "nightly_marts" }).catch((e: unknown) => e);
    expect((error as Error).message).toContain("acme.snowflakecomputing.com");
    expect((error as Error).message).not.toContain(leaked);
    const span = tracing.getSpan("orchestrator.launchRun");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(tracing.findLeaks([leaked, API_TOKEN])).toEqual([]);
  });
});
