import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { discoverPlugins, loadPlugin, verifyPluginInstrumentation } from "@floe/runtime";
import { createTestTracing } from "@floe/runtime/testing";
import {
  ConfigError,
  DestinationError,
  DltIngestionPlugin,
  MalformedResponseError,
  SourceHttpError,
  SourceTimeoutError,
  STATE_TABLE,
  nextLink,
  normalizeIdentifier,
} from "../src/index.js";
import { makeEvents, startEventsApi, type EventsApi } from "./support/events-api.js";
import { API_TOKEN, cursorSpec, here } from "./support/fixtures.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

let api: EventsApi;
let plugin: DltIngestionPlugin;
beforeEach(async () => {
  api = await startEventsApi(API_TOKEN);
  plugin = new DltIngestionPlugin({ retries: 0, retryDelayMs: 1, timeoutMs: 2_000 });
});
afterEach(async () => {
  await plugin.close();
  await api.close();
});

async function rows(sql: string, p: DltIngestionPlugin = plugin): Promise<Record<string, unknown>[]> {
  const db = await p.database();
  return (await db.connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

describe("REST source pagination", () => {
  it("follows a cursor and loads every page with the bearer token", async () => {
    api.events.push(...makeEvents(7));
    const result = await plugin.runPipeline(cursorSpec(api.url));
    expect(result).toMatchObject({ pipeline: "events_pipeline", rowsLoaded: 7, tables: ["raw.events"], pages: 3 });
    expect(api.requests.map((r) => r.query.cursor)).toEqual([undefined, "3", "6"]);
    expect(api.requests.every((r) => r.headers.authorization === `Bearer ${API_TOKEN}`)).toBe(true);
    expect(await rows("SELECT count(*) AS n FROM raw.events")).toEqual([{ n: "7" }]);
  });

  it("pages by offset and limit until the reported total", async () => {
    api.events.push(...makeEvents(7));
    const result = await plugin.runPipeline(
      cursorSpec(api.url, {
        source: {
          name: "events", baseUrl: api.url, path: "/offset/events", auth: { type: "bearer", token: API_TOKEN },
          paginator: { type: "offset", limit: 3, totalPath: "total" },
        },
      }),
    );
    expect(result.rowsLoaded).toBe(7);
    expect(api.requests.map((r) => [r.query.offset, r.query.limit])).toEqual([["0", "3"], ["3", "3"], ["6", "3"]]);
  });

  it("follows Link rel=next headers over bare-array pages", async () => {
    api.events.push(...makeEvents(8));
    const result = await plugin.runPipeline(
      cursorSpec(api.url, {
        source: { name: "events", baseUrl: api.url, path: "/link/events", auth: { type: "bearer", token: API_TOKEN }, paginator: { type: "link_header" } },
      }),
    );
    expect(result).toMatchObject({ rowsLoaded: 8, pages: 3 });
    expect(api.requests.map((r) => r.query.page)).toEqual([undefined, "2", "3"]);
    expect(nextLink('<https://x.test/a?page=2>; rel="next", <https://x.test/a?page=9>; rel="last"', "https://x.test/a")).toBe(
      "https://x.test/a?page=2",
    );
    expect(nextLink('<https://x.test/a?page=1>; rel="prev"', "https://x.test/a")).toBeUndefined();
  });
});

describe("schema inference", () => {
  it("normalizes names, flattens nested objects, keeps lists as JSON and types every column", async () => {
    api.events.push(...makeEvents(4));
    await plugin.runPipeline(cursorSpec(api.url));
    const columns = await rows(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'raw' AND table_name = 'events' ORDER BY ordinal_position",
    );
    expect(columns).toEqual([
      { column_name: "id", data_type: "BIGINT" },
      { column_name: "kind", data_type: "VARCHAR" },
      { column_name: "updated_at", data_type: "TIMESTAMP WITH TIME ZONE" },
      { column_name: "amount", data_type: "DOUBLE" },
      { column_name: "active", data_type: "BOOLEAN" },
      { column_name: "user__id", data_type: "BIGINT" },
      { column_name: "user__display_name", data_type: "VARCHAR" },
      { column_name: "tags", data_type: "JSON" },
      { column_name: "_floe_load_id", data_type: "VARCHAR" },
    ]);
    expect(await rows("SELECT id, amount, user__display_name, tags::VARCHAR AS tags FROM raw.events WHERE id IN (2, 3) ORDER BY id")).toEqual([
      { id: "2", amount: 2, user__display_name: "user 2", tags: '["a","b"]' },
      { id: "3", amount: 3.5, user__display_name: "user 3", tags: "[]" },
    ]);
    expect(["userId", "Created At", "HTTPStatus", "2fa"].map(normalizeIdentifier)).toEqual(["user_id", "created_at", "http_status", "_2fa"]);
  });

  it("adds columns that appear in later runs", async () => {
    api.events.push(...makeEvents(2));
    await plugin.runPipeline(cursorSpec(api.url));
    api.events.length = 0;
    api.events.push({ ...makeEvents(1, 3)[0]!, ...({ channel: "web" } as object) } as never);
    await plugin.runPipeline(cursorSpec(api.url));
    expect(await rows("SELECT id, channel FROM raw.events ORDER BY id")).toEqual([
      { id: "1", channel: null },
      { id: "2", channel: null },
      { id: "3", channel: "web" },
    ]);
  });
});

describe("write dispositions and incremental state", () => {
  it("merges on the primary key and resumes from the stored cursor, across plugin instances", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "floe-dlt-"));
    const databasePath = path.join(dir, "lake.duckdb");
    const spec = cursorSpec(api.url, {
      writeDisposition: "merge",
      primaryKey: "id",
      source: {
        name: "events", baseUrl: api.url, path: "/cursor/events", auth: { type: "bearer", token: API_TOKEN },
        paginator: { type: "cursor", cursorPath: "meta.next_cursor" },
        incremental: { cursorField: "updatedAt", param: "updated_since" },
      },
    });
    try {
      api.events.push(...makeEvents(5));
      const first = new DltIngestionPlugin({ databasePath, retries: 0 });
      const run1 = await first.runPipeline(spec);
      expect(run1).toMatchObject({ rowsLoaded: 5, lastValue: "2025-01-05T10:00:00Z" });
      await first.close();

      api.events[2] = { ...api.events[2]!, kind: "refund", updatedAt: "2025-01-20T08:00:00Z" };
      api.events.push(...makeEvents(2, 6));
      api.requests.length = 0;
      const second = new DltIngestionPlugin({ databasePath, retries: 0 });
      const run2 = await second.runPipeline(spec);
      expect(api.requests[0]!.query.updated_since).toBe("2025-01-05T10:00:00Z");
      expect(run2).toMatchObject({ rowsLoaded: 3, lastValue: "2025-01-20T08:00:00Z" });
      expect(await rows("SELECT id, kind FROM raw.events ORDER BY id", second)).toEqual([
        { id: "1", kind: "visit" },
        { id: "2", kind: "purchase" },
        { id: "3", kind: "refund" },
        { id: "4", kind: "purchase" },
        { id: "5", kind: "visit" },
        { id: "6", kind: "purchase" },
        { id: "7", kind: "visit" },
      ]);
      expect(await rows(`SELECT pipeline_name, resource_name, cursor_field, last_value FROM ${STATE_TABLE}`, second)).toEqual([
        { pipeline_name: "events_pipeline", resource_name: "events", cursor_field: "updatedAt", last_value: '"2025-01-20T08:00:00Z"' },
      ]);

      const run3 = await second.runPipeline(spec);
      expect(run3).toMatchObject({ rowsLoaded: 0, lastValue: "2025-01-20T08:00:00Z" });
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("appends duplicates on append and starts over on replace", async () => {
    api.events.push(...makeEvents(3));
    await plugin.runPipeline(cursorSpec(api.url));
    await plugin.runPipeline(cursorSpec(api.url));
    expect(await rows("SELECT count(*) AS n, count(DISTINCT _floe_load_id) AS loads FROM raw.events")).toEqual([{ n: "6", loads: "2" }]);
    await plugin.runPipeline(cursorSpec(api.url, { writeDisposition: "replace" }));
    expect(await rows("SELECT count(*) AS n FROM raw.events")).toEqual([{ n: "3" }]);
  });

  it("rolls back data and state when the destination rejects a row", async () => {
    api.events.push(...makeEvents(2));
    await plugin.runPipeline(cursorSpec(api.url));
    api.addFault({ status: 200, body: JSON.stringify({ data: [{ id: "not-a-number", kind: "x" }], meta: { next_cursor: null } }) });
    const error = await plugin.runPipeline(cursorSpec(api.url)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DestinationError);
    expect(await rows("SELECT count(*) AS n FROM raw.events")).toEqual([{ n: "2" }]);
    expect(await rows("SELECT count(*) AS n FROM _floe_loads")).toEqual([{ n: "1" }]);
  });
});

describe("source failures", () => {
  it("maps a rejected token (401) and a missing resource (404) to SourceHttpError", async () => {
    const unauthorized = await plugin
      .runPipeline(cursorSpec(api.url, { source: { ...cursorSpec(api.url).source, auth: { type: "bearer", token: "wrong-token-123" } } }))
      .catch((e: unknown) => e);
    expect(unauthorized).toBeInstanceOf(SourceHttpError);
    expect((unauthorized as SourceHttpError).status).toBe(401);
    const missing = await plugin
      .runPipeline(cursorSpec(api.url, { source: { ...cursorSpec(api.url).source, path: "/nope" } }))
      .catch((e: unknown) => e);
    expect((missing as SourceHttpError).status).toBe(404);
    expect((missing as Error).message).toContain("/nope: HTTP 404");
  });

  it("strips the source's token from an error body that echoes it", async () => {
    api.addFault({ status: 403, body: JSON.stringify({ error: `caller ${API_TOKEN} has expired` }) });
    const error = await plugin.runPipeline(cursorSpec(api.url)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceHttpError);
    expect((error as Error).message).toContain("has expired");
    expect((error as Error).message).not.toContain(API_TOKEN);
  });

  it("retries 503 and 429 with backoff, then gives up on a persistent 5xx", async () => {
    const retrying = new DltIngestionPlugin({ retries: 2, retryDelayMs: 1 });
    try {
      api.events.push(...makeEvents(2));
      api.addFault({ status: 503, body: "busy" });
      api.addFault({ status: 429, body: "slow down" });
      expect((await retrying.runPipeline(cursorSpec(api.url))).rowsLoaded).toBe(2);
      expect(api.requests).toHaveLength(3);

      api.requests.length = 0;
      for (let i = 0; i < 3; i++) api.addFault({ status: 500, body: "boom" });
      const error = await retrying.runPipeline(cursorSpec(api.url)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SourceHttpError);
      expect((error as SourceHttpError).status).toBe(500);
      expect(api.requests).toHaveLength(3);
    } finally {
      await retrying.close();
    }
  });

  it("times out a source that does not answer", async () => {
    const impatient = new DltIngestionPlugin({ retries: 0, timeoutMs: 200 });
    try {
      api.addFault({ status: 200, body: "{}", delayMs: 1_000 });
      await expect(impatient.runPipeline(cursorSpec(api.url))).rejects.toBeInstanceOf(SourceTimeoutError);
    } finally {
      await impatient.close();
    }
  });

  it("rejects bodies that are not JSON or carry no rows", async () => {
    api.addFault({ status: 200, body: "<html>maintenance</html>" });
    await expect(plugin.runPipeline(cursorSpec(api.url))).rejects.toBeInstanceOf(MalformedResponseError);
    api.addFault({ status: 200, body: JSON.stringify({ data: { id: 1 } }) });
    await expect(plugin.runPipeline(cursorSpec(api.url))).rejects.toThrow(/no array of rows at data/);
  });
});

describe("specs, config and registry", () => {
  it("rejects a merge without primary key and never echoes a token in config errors", async () => {
    const error = await plugin
      .runPipeline(cursorSpec(api.url, { writeDisposition: "merge", source: { ...cursorSpec(api.url).source, auth: { type: "bearer", token: "" } } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((p) => p.split(":")[0]).sort()).toEqual(["primaryKey", "source.auth.token"]);
    expect(() => new DltIngestionPlugin({ retries: -1 })).toThrow(ConfigError);
    expect(api.requests).toHaveLength(0);
  });

  it("is discovered by the registry with tracer floe.ingestion.dlt", async () => {
    const declarations = await discoverPlugins({ cwd: path.resolve(here, "../../../..") });
    const declaration = declarations.find((d) => d.packageName === "@floe/plugin-ingestion-dlt");
    expect(declaration?.declaredType).toBe("INGESTION");
    expect((await loadPlugin(declaration!)).tracerName).toBe("floe.ingestion.dlt");
    expect(verifyPluginInstrumentation([plugin])).toEqual([]);
  });
});
