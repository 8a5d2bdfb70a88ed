/**
 * A Cube REST API stand-in on loopback. Like Cube in dev mode it loads the
 * YAML data model from the model directory on every request, verifies the
 * HS256 JWT with the API secret, answers `{"error":"Continue wait"}` a
 * configurable number of times per query, then evaluates count measures
 * grouped by dimensions over in-memory rows keyed by `sql_table`.
 */
import { readdir, readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { jwtVerify, type JWTPayload } from "jose";
import { parse } from "yaml";
import { jsonAnswer, ScriptedAnswers, sendJson, startLoopbackServer, type RecordedRequest } from "@floe/runtime/testing";

interface ModelCube {
  name: string;
  sql_table: string;
  dimensions?: Array<{ name: string; sql: string; type: string; primary_key?: boolean }>;
  measures?: Array<{ name: string; type: string }>;
}

export interface RecordedLoad {
  method: string;
  path: string;
  authorization: string | undefined;
  claims: JWTPayload | undefined;
  query: any;
}

export interface Fault {
  status: number;
  body?: unknown;
  delayMs?: number;
}

export interface CubeServerOptions {
  apiSecret: string;
  modelDir: string;
  tables: Record<string, Array<Record<string, unknown>>>;
  /** `Continue wait` answers before each distinct query returns data. */
  continueWaitTimes?: number;
}

export interface CubeServer {
  url: string;
  requests: RecordedLoad[];
  addFault(fault: Fault): void;
  setContinueWaitTimes(times: number): void;
  close(): Promise<void>;
}

async function loadModel(modelDir: string): Promise<Map<string, ModelCube>> {
  const cubes = new Map<string, ModelCube>();
  for (const file of (await readdir(modelDir)).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const doc = parse(await readFile(path.join(modelDir, file), "utf8")) as { cubes?: ModelCube[] };
    for (const cube of doc.cubes ?? []) cubes.set(cube.name, cube);
  }
  return cubes;
}

function matches(row: Record<string, unknown>, filter: any, column: (member: string) => string): boolean {
  if (filter.and) return filter.and.every((f: any) => matches(row, f, column));
  if (filter.or) return filter.or.some((f: any) => matches(row, f, column));
  const value = row[column(filter.member)];
  const values: unknown[] = filter.values ?? [];
  switch (filter.operator) {
    case "equals":
      return values.map(String).includes(String(value));
    case "notEquals":
      return !values.map(String).includes(String(value));
    case "gt":
      return Number(value) > Number(values[0]);
    case "lt":
      return Number(value) < Number(values[0]);
    case "set":
      return value !== null && value !== undefined;
    default:
      throw new Error(`Unsupported filter operator: ${filter.operator}`);
  }
}

export async function startCubeServer(options: CubeServerOptions): Promise<CubeServer> {
  const requests: RecordedLoad[] = [];
  const faults = new ScriptedAnswers();
  const pending = new Map<string, number>();
  let continueWaitTimes = options.continueWaitTimes ?? 0;
  const secret = new TextEncoder().encode(options.apiSecret);

  async function handle(request: RecordedRequest, res: ServerResponse, req: IncomingMessage): Promise<void> {
    const query = request.method === "GET" ? JSON.parse(request.query.query ?? "{}") : JSON.parse(request.body || "{}").query;
    const authorization = request.headers.authorization;
    const record: RecordedLoad = { method: request.method, path: request.path, authorization, claims: undefined, query };
    requests.push(record);

    if (faults.serveNext(res, req)) return;
    if (request.path !== "/cubejs-api/v1/load") {
      sendJson(res, 404, { error: `Cannot ${request.method} ${request.path}` });
      return;
    }
    const token = (authorization ?? "").replace(/^Bearer /, "");
    try {
      record.claims = (await jwtVerify(token, secret, { algorithms: ["HS256"] })).payload;
    } catch {
      sendJson(res, 403, { error: "Invalid token" });
      return;
    }

    const key = JSON.stringify(query);
    const waited = pending.get(key) ?? 0;
    if (waited < continueWaitTimes) {
      pending.set(key, waited + 1);
      sendJson(res, 200, { error: "Continue wait" });
      return;
    }
    pending.delete(key);

    const model = await loadModel(options.modelDir);
    const cubeFor = (name: string) => {
      const cubeName = name.split(".")[0] ?? "";
      const cube = model.get(cubeName);
      if (!cube) throw new Error(`Cube '${cubeName}' not found for path '${name}'`);
      return cube;
    };
    const checkMeasure = (name: string) => {
      if (!cubeFor(name).measures?.some((m) => `${m.name}` === name.split(".")[1])) {
        throw new Error(`'${name}' not found for path '${name}'`);
      }
    };
    const column = (name: string) => {
      const found = cubeFor(name).dimensions?.find((d) => d.name === name.split(".")[1]);
      if (!found) throw new Error(`'${name}' not found for path '${name}'`);
      return found.sql;
    };
    let result;
    try {
      const measures: string[] = query.measures ?? [];
      const dimensions: string[] = query.dimensions ?? [];
      measures.forEach(checkMeasure);
      dimensions.forEach(column);
      const cubeName = [...measures, ...dimensions][0]?.split(".")[0];
      const cube = model.get(cubeName ?? "");
      if (!cube) throw new Error("Query should contain either measures, dimensions or timeDimensions");
      const rows = (options.tables[cube.sql_table] ?? []).filter((row) =>
        (query.filters ?? []).every((f: any) => matches(row, f, column)),
      );
      const groups = new Map<string, { dims: Record<string, unknown>; count: number }>();
      for (const row of rows) {
        const dims = Object.fromEntries(dimensions.map((d) => [d, row[column(d)] ?? null]));
        const groupKey = JSON.stringify(dims);
        const group = groups.get(groupKey) ?? { dims, count: 0 };
        group.count += 1;
        groups.set(groupKey, group);
      }
      let data = [...groups.values()].map((g) => ({
        ...g.dims,
        ...Object.fromEntries(measures.map((m) => [m, String(g.count)])),
      }));
      const order: Array<[string, string]> = Array.isArray(query.order) ? query.order : Object.entries(query.order ?? {});
      for (const [field, direction] of [...order].reverse()) {
        data = data.sort((a: any, b: any) => {
          const cmp = String(a[field]).localeCompare(String(b[field]), undefined, { numeric: true });
          return direction === "desc" ? -cmp : cmp;
        });
      }
      if (typeof query.limit === "number") data = data.slice(0, query.limit);
      result = {
        query,
        data,
        lastRefreshTime: new Date(0).toISOString(),
        annotation: {
          measures: Object.fromEntries(measures.map((m) => [m, { title: m, shortTitle: m, type: "number" }])),
          dimensions: Object.fromEntries(dimensions.map((d) => [d, { title: d, shortTitle: d, type: "string" }])),
          segments: {},
          timeDimensions: {},
        },
        dataSource: "default",
        dbType: "duckdb",
        slowQuery: false,
      };
    } catch (error) {
      sendJson(res, 400, { error: `Error: ${(error as Error).message}` });
      return;
    }
    sendJson(res, 200, result);
  }

  const server = await startLoopbackServer(handle);
  return {
    url: server.url,
    requests,
    addFault: ({ status, body = "", delayMs }) => faults.push(jsonAnswer(status, body, { delayMs })),
    setContinueWaitTimes: (times) => {
      continueWaitTimes = times;
    },
    close: () => {
      faults.cancel();
      return server.close();
    },
  };
}
