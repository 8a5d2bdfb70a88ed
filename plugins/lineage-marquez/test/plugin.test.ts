// Behaviour of the Marquez backend against a loopback OpenLineage endpoint that validates what arrives:
// complete spec-valid run and dataset events, local refusal of invalid ones, and typed HTTP failures.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunEventType } from "@floe/runtime";
import {
  ConfigError,
  DATASET_EVENT_SCHEMA_URL,
  LineageValidationError,
  MarquezAuthError,
  MarquezLineagePlugin,
  MarquezNotFoundError,
  MarquezRejectedError,
  MarquezResponseError,
  MarquezServerError,
  MarquezTimeoutError,
  MarquezUnreachableError,
  RUN_EVENT_SCHEMA_URL,
  SCHEMA_FACET_SCHEMA_URL,
} from "../src/index.js";
import { FakeMarquez } from "./support/marquez-server.js";

const marquez = new FakeMarquez();
let url: string;

beforeAll(async () => {
  url = await marquez.start();
});
afterAll(() => marquez.close());
beforeEach(() => marquez.reset());

const PRODUCER = "https://github.com/floe/floe/tree/main/plugins/lineage-marquez";
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function plugin(overrides: Record<string, unknown> = {}): MarquezLineagePlugin {
  return new MarquezLineagePlugin({ url, namespace: "analytics", producer: PRODUCER, timeoutMs: 2_000, ...overrides });
}

const orders = {
  namespace: "duckdb://warehouse",
  name: "raw.orders",
  schema: [
    { name: "order_id", type: "BIGINT", description: "primary key" },
    { name: "amount", type: "DECIMAL(12,2)" },
  ],
};
const dailyRevenue = { namespace: "duckdb://warehouse", name: "marts.daily_revenue", schema: [{ name: "day", type: "DATE" }] };

describe("emitRunEvent", () => {
  it("sends a START and a COMPLETE of one run, complete per the OpenLineage spec", async () => {
    const p = plugin();
    const start = await p.emitRunEvent({ eventType: "START", jobName: "orders_daily", inputs: [orders], outputs: [dailyRevenue] });
    const complete = await p.emitRunEvent({
      eventType: "COMPLETE",
      jobName: "orders_daily",
      runId: start.run.runId,
      eventTime: new Date("2025-01-02T03:04:05.000Z"),
      inputs: [orders],
      outputs: [dailyRevenue],
    });

    expect(start.run.runId).toMatch(UUID_V7);
    expect(marquez.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/v1/lineage", "POST /api/v1/lineage"]);
    expect(marquez.requests[0].headers["content-type"]).toBe("application/json");
    expect(marquez.requests[0].headers.authorization).toBeUndefined();
    expect(marquez.run(start.run.runId).map((e) => e.eventType)).toEqual(["START", "COMPLETE"]);
    expect(marquez.events[1]).toEqual(complete);
    expect(marquez.events[1]).toEqual({
      eventType: "COMPLETE",
      eventTime: "2025-01-02T03:04:05.000Z",
      run: { runId: start.run.runId },
      job: { namespace: "analytics", name: "orders_daily" },
      inputs: [
        {
          namespace: "duckdb://warehouse",
          name: "raw.orders",
          facets: {
            schema: {
              _producer: PRODUCER,
              _schemaURL: SCHEMA_FACET_SCHEMA_URL,
              fields: [
                { name: "order_id", type: "BIGINT", description: "primary key" },
                { name: "amount", type: "DECIMAL(12,2)" },
              ],
            },
          },
        },
      ],
      outputs: [
        {
          namespace: "duckdb://warehouse",
          name: "marts.daily_revenue",
          facets: { schema: { _producer: PRODUCER, _schemaURL: SCHEMA_FACET_SCHEMA_URL, fields: [{ name: "day", type: "DATE" }] } },
        },
      ],
      producer: PRODUCER,
      schemaURL: RUN_EVENT_SCHEMA_URL,
    });
    expect(Date.parse(marquez.events[0].eventTime)).not.toBeNaN();
  });

  it.each(["START", "RUNNING", "COMPLETE", "FAIL", "ABORT"] as RunEventType[])("sends %s events", async (eventType) => {
    const event = await plugin().emitRunEvent({ eventType, jobName: "j", jobNamespace: "other" });
    expect(marquez.events).toEqual([event]);
    expect(event.job.namespace).toBe("other");
  });

  it("fills _producer of caller facets and keeps their _schemaURL", async () => {
    await plugin().emitRunEvent({
      eventType: "FAIL",
      jobName: "orders_daily",
      runFacets: {
        errorMessage: {
          _schemaURL: "https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet",
          message: "division by zero",
          programmingLanguage: "SQL",
        },
      },
    });
    expect(marquez.events[0].run.facets.errorMessage).toEqual({
      _producer: PRODUCER,
      _schemaURL: "https://openlineage.io/spec/facets/1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet",
      message: "division by zero",
      programmingLanguage: "SQL",
    });
  });

  it("sends the API key as a bearer token", async () => {
    marquez.apiKey = "mqz-key-3Lp9Wq2Xv7";
    await plugin({ apiKey: "mqz-key-3Lp9Wq2Xv7" }).emitRunEvent({ eventType: "START", jobName: "j" });
    expect(marquez.requests[0].headers.authorization).toBe("Bearer mqz-key-3Lp9Wq2Xv7");
    expect(marquez.events).toHaveLength(1);
  });

  it.each([
    ["an eventType outside the enum", { eventType: "DONE" as RunEventType }, "eventType: expected one of START, RUNNING, COMPLETE, FAIL, ABORT, OTHER"],
    ["a runId that is not a UUID", { runId: "run-42" }, "run.runId: expected a UUID"],
    ["an eventTime that is not ISO 8601", { eventTime: "yesterday" }, "eventTime: expected an ISO 8601 date-time with offset"],
    ["a blank job name", { jobName: "" }, "job.name: expected a job name"],
    ["a facet without _schemaURL", { runFacets: { custom: { value: 1 } } }, "run.facets.custom._schemaURL: expected the facet's _schemaURL (a URI)"],
    ["a dataset without a name", { inputs: [{ namespace: "s3://b", name: "" }] }, "inputs.0.name: expected a dataset name"],
  ])("refuses %s before sending", async (_what, change, problem) => {
    const error = await plugin()
      .emitRunEvent({ eventType: "START", jobName: "orders_daily", ...change })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LineageValidationError);
    expect((error as LineageValidationError).problems).toContain(problem);
    expect(marquez.requests).toHaveLength(0);
  });

  it("reports a refused API key as MarquezAuthError (401)", async () => {
    marquez.apiKey = "the-right-key-123";
    const error = await plugin({ apiKey: "a-wrong-key-456" }).emitRunEvent({ eventType: "START", jobName: "j" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MarquezAuthError);
    expect(error).toMatchObject({ status: 401, code: "unauthorized" });
    expect((error as Error).message).toContain("Credentials are required");
  });

  it("reports Marquez's 422 reasons as MarquezRejectedError", async () => {
    marquez.respondNext({ status: 422, body: JSON.stringify({ errors: ["job.name size must be between 1 and 255"] }) });
    const error = await plugin().emitRunEvent({ eventType: "START", jobName: "j" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MarquezRejectedError);
    expect(error).toMatchObject({ status: 422, code: "rejected" });
    expect((error as Error).message).toContain("job.name size must be between 1 and 255");
  });

  it("reports a wrong endpoint (404) as MarquezNotFoundError", async () => {
    const error = await plugin({ endpoint: "/api/v2/lineage" }).emitRunEvent({ eventType: "START", jobName: "j" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MarquezNotFoundError);
    expect(marquez.requests[0].path).toBe("/api/v2/lineage");
  });

  it("reports a 5xx as MarquezServerError", async () => {
    marquez.respondNext({ status: 500, body: JSON.stringify({ code: 500, message: "There was an error processing your request." }) });
    const error = await plugin().emitRunEvent({ eventType: "START", jobName: "j" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MarquezServerError);
    expect((error as Error).message).toContain("There was an error processing your request.");
  });

  it("treats an HTML page answered with 200 as a malformed response", async () => {
    marquez.respondNext({ status: 200, body: "<html>Marquez UI</html>", contentType: "text/html" });
    await expect(plugin().emitRunEvent({ eventType: "START", jobName: "j" })).rejects.toBeInstanceOf(MarquezResponseError);
  });

  it("times out after timeoutMs", async () => {
    marquez.respondNext({ status: 201, delayMs: 2_000 });
    const error = await plugin({ timeoutMs: 50 }).emitRunEvent({ eventType: "START", jobName: "j" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MarquezTimeoutError);
  });

  it("reports a closed port as unreachable", async () => {
    const closed = new FakeMarquez();
    const closedUrl = await closed.start();
    await closed.close();
    const error = await plugin({ url: closedUrl }).emitRunEvent({ eventType: "START", jobName: "j" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MarquezUnreachableError);
  });
});

describe("emitDatasetEvent", () => {
  it("sends a DatasetEvent with the schema facet", async () => {
    const event = await plugin().emitDatasetEvent({ dataset: orders, eventTime: "2025-01-02T03:04:05+01:00" });
    expect(marquez.events).toEqual([event]);
    expect(event).toEqual({
      eventTime: "2025-01-02T03:04:05+01:00",
      dataset: {
        namespace: "duckdb://warehouse",
        name: "raw.orders",
        facets: {
          schema: {
            _producer: PRODUCER,
            _schemaURL: SCHEMA_FACET_SCHEMA_URL,
            fields: [
              { name: "order_id", type: "BIGINT", description: "primary key" },
              { name: "amount", type: "DECIMAL(12,2)" },
            ],
          },
        },
      },
      producer: PRODUCER,
      schemaURL: DATASET_EVENT_SCHEMA_URL,
    });
  });

  it("refuses a dataset without a namespace before sending", async () => {
    const error = await plugin().emitDatasetEvent({ dataset: { namespace: "", name: "x" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LineageValidationError);
    expect((error as LineageValidationError).problems).toEqual(["dataset.namespace: expected a dataset namespace"]);
    expect(marquez.requests).toHaveLength(0);
  });
});

describe("config", () => {
  it("lists failing paths without echoing the API key", () => {
    let message = "";
    try {
      new MarquezLineagePlugin({ url: "marquez:5000", apiKey: "", producer: "not a uri", timeoutMs: 0 } as never);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    expect(message).toContain("url");
    expect(message).toContain("apiKey");
    expect(message).toContain("producer");
    expect(message).toContain("timeoutMs");
  });

  it("uses the floe producer URN by default, which Marquez accepts", async () => {
    const event = await new MarquezLineagePlugin({ url }).emitRunEvent({ eventType: "START", jobName: "j" });
    expect(event.producer).toBe("urn:floe:plugin:lineage-marquez:0.1.0");
    expect(event.job.namespace).toBe("default");
    expect(marquez.events).toHaveLength(1);
  });
});
