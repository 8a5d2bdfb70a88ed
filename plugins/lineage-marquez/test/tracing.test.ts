// Spans of the Marquez backend: job name, event type, run id and Marquez host on every emission; invalid
// events and HTTP failures recorded as ERROR with why, and an echoed API key never exported.
import { SpanStatusCode } from "@opentelemetry/api";
import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MarquezLineagePlugin } from "../src/index.js";
import { FakeMarquez } from "./support/marquez-server.js";

const tracing = createTestTracing();
const marquez = new FakeMarquez();
const API_KEY = "mqz_live_8Vd3Rt6Yp1Kw";
let url: string;
let host: string;

beforeAll(async () => {
  url = await marquez.start();
  host = new URL(url).host;
});
afterAll(async () => {
  await marquez.close();
  await tracing.shutdown();
});
beforeEach(() => {
  tracing.reset();
  marquez.reset();
});

const floe = { namespace: "analytics", productName: "orders", productVersion: "1.4.0" };

function plugin(): MarquezLineagePlugin {
  return new MarquezLineagePlugin({ url, apiKey: API_KEY, namespace: "analytics", floe });
}

describe("lineage.emitRunEvent span", () => {
  it("is OK with job, event type, run id, dataset counts, host and floe context", async () => {
    marquez.apiKey = API_KEY;
    const event = await plugin().emitRunEvent({
      eventType: "START",
      jobName: "orders_daily",
      inputs: [{ namespace: "duckdb://w", name: "raw.orders" }],
      outputs: [],
    });
    const span = tracing.getSpan("lineage.emitRunEvent");
    expect(span.instrumentationScope.name).toBe("floe.lineage.marquez");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toMatchObject({
      "floe.operation": "emitRunEvent",
      "lineage.job_name": "orders_daily",
      "lineage.job_namespace": "analytics",
      "lineage.event_type": "START",
      "lineage.run_id": event.run.runId,
      "lineage.input_count": 1,
      "lineage.output_count": 0,
      "server.address": host,
      "http.response.status_code": 201,
      "floe.namespace": "analytics",
      "floe.product.name": "orders",
      "floe.product.version": "1.4.0",
    });
    expect(tracing.findLeaks([API_KEY])).toEqual([]);
  });

  it("records a 500 echoing the Authorization header as ERROR with where and why, no API key", async () => {
    marquez.respondNext({
      status: 500,
      body: JSON.stringify({ code: 500, message: `lineage store unavailable; request had Authorization: Bearer ${API_KEY}` }),
    });
    await expect(plugin().emitRunEvent({ eventType: "COMPLETE", jobName: "orders_daily" })).rejects.toThrow(/HTTP 500/);

    const span = tracing.getSpan("lineage.emitRunEvent");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain(host);
    expect(span.status.message).toContain("lineage store unavailable");
    expect(span.attributes).toMatchObject({
      "lineage.job_name": "orders_daily",
      "lineage.event_type": "COMPLETE",
      "http.response.status_code": 500,
      "error.type": "server_error",
    });
    expect(span.events.find((e) => e.name === "exception")?.attributes?.["exception.type"]).toBe("server_error");
    expect(tracing.findLeaks([API_KEY])).toEqual([]);
  });

  it("records an event refused by validation as ERROR with the failing path, nothing sent", async () => {
    await expect(plugin().emitRunEvent({ eventType: "START", jobName: "j", runId: "not-a-uuid" })).rejects.toThrow(/run\.runId/);
    const span = tracing.getSpan("lineage.emitRunEvent");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain("run.runId: expected a UUID");
    expect(span.attributes).toMatchObject({ "error.type": "invalid_event", "lineage.run_id": "not-a-uuid" });
    expect(span.attributes["http.response.status_code"]).toBeUndefined();
    expect(marquez.requests).toHaveLength(0);
  });
});

describe("lineage.emitDatasetEvent span", () => {
  it("is OK with the dataset namespace and name", async () => {
    await plugin().emitDatasetEvent({ dataset: { namespace: "duckdb://w", name: "raw.orders", schema: [{ name: "id" }] } });
    const span = tracing.getSpan("lineage.emitDatasetEvent");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toMatchObject({
      "floe.operation": "emitDatasetEvent",
      "lineage.event_type": "DATASET",
      "lineage.dataset_namespace": "duckdb://w",
      "lineage.dataset_name": "raw.orders",
      "server.address": host,
      "http.response.status_code": 201,
    });
  });

  it("records a 401 as ERROR (unauthorized) without the key", async () => {
    marquez.apiKey = "a-different-key-000";
    await expect(plugin().emitDatasetEvent({ dataset: { namespace: "duckdb://w", name: "raw.orders" } })).rejects.toThrow(/HTTP 401/);
    const span = tracing.getSpan("lineage.emitDatasetEvent");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes).toMatchObject({ "error.type": "unauthorized", "http.response.status_code": 401 });
    expect(tracing.findLeaks([API_KEY])).toEqual([]);
  });
});
