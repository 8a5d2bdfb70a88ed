import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { SpanStatusCode } from "@opentelemetry/api";
import { createTestTracing } from "@floe/runtime/testing";
import { DltIngestionPlugin, SourceHttpError } from "../src/index.js";
import { makeEvents, startEventsApi, type EventsApi } from "./support/events-api.js";
import { API_TOKEN, cursorSpec } from "./support/fixtures.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

let api: EventsApi;
let plugin: DltIngestionPlugin;
beforeEach(async () => {
  api = await startEventsApi(API_TOKEN);
  plugin = new DltIngestionPlugin({ retries: 0, floe: { namespace: "prod", productName: "events", productVersion: "0.9.0" } });
});
afterEach(async () => {
  await plugin.close();
  await api.close();
});

describe("ingestion spans", () => {
  it("opens ingestion.runPipeline with source, destination, pipeline and rows loaded", async () => {
    api.events.push(...makeEvents(7));
    await plugin.runPipeline(cursorSpec(api.url));
    expect(tracing.spanNames()).toEqual(["ingestion.runPipeline"]);
    const span = tracing.getSpan("ingestion.runPipeline");
    expect(span.instrumentationScope.name).toBe("floe.ingestion.dlt");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toMatchObject({
      "floe.operation": "runPipeline",
      "floe.namespace": "prod",
      "floe.product.name": "events",
      "floe.product.version": "0.9.0",
      "ingestion.pipeline": "events_pipeline",
      "ingestion.source": "events",
      "ingestion.source_url": `${api.url}/cursor/events`,
      "ingestion.destination": "duckdb:raw.events",
      "ingestion.rows_loaded": 7,
      "ingestion.pages": 3,
      "ingestion.write_disposition": "append",
    });
  });

  it("records a credential-bearing source failure sanitized and never exports the token", async () => {
    const leaked = "db-Pa55-Qz81Lk3";
    api.addFault({ status: 500, body: `upstream error: postgres://svc:${leaked}@pg:5432/events password=${leaked}` });
    const error = await plugin.runPipeline(cursorSpec(api.url)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceHttpError);
    expect((error as Error).message).toContain("pg:5432");
    expect((error as Error).message).not.toContain(leaked);
    const span = tracing.getSpan("ingestion.runPipeline");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(String(span.events.find((e) => e.name === "exception")?.attributes?.["exception.message"])).toContain("HTTP 500");
    expect(tracing.findLeaks([leaked, API_TOKEN])).toEqual([]);
  });

  it("keeps an api key sent in the query string out of spans and errors", async () => {
    const apiKey = "qk_4Fh8Lw2Nx7Rt9Bm";
    const spec = cursorSpec(api.url, {
      source: { ...cursorSpec(api.url).source, auth: { type: "api_key", name: "api_key", value: apiKey, location: "query" } },
    });
    const error = await plugin.runPipeline(spec).catch((e: unknown) => e);
    expect((error as SourceHttpError).status).toBe(401);
    expect(api.requests[0]!.query.api_key).toBe(apiKey);
    expect((error as Error).message).not.toContain(apiKey);
    expect(tracing.findLeaks([apiKey, API_TOKEN])).toEqual([]);
  });
});
