/**
 * End to end over legacy plugins written the way strangers write them (test/e2e/fixtures/stranger-*):
 * module-level `trace.getTracer("...")`, `tracer.startActiveSpan` with options, `const span = startSpan`,
 * `@traced({ operationName })` with experimentalDecorators, `@traced({ name, attributesFn })` on a method
 * with more parameters, a `readonly tracerName` property, `traced(...)` wrappers and plain arrow functions
 * as class properties, a traced request helper, an operation recording its own error. Each is migrated
 * with `floe-codemod migrate` in a temp git repo, type-checked against @floe/runtime, and its operations
 * run against a loopback peer: every span comes from the plugin's tracer, with the conventional name,
 * `floe.operation`, the legacy name kept as `floe.legacy.span_name`, the right status, and one sanitized
 * exception event per failure.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { SpanStatusCode } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestTracing, sendJson, startLoopbackServer, type LoopbackServer } from "@floe/runtime/testing";
import { copyToGitRepo, git, runCodemod, typeCheck } from "./support/legacy-repo.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const work = mkdtempSync(path.join(os.tmpdir(), "floe-strangers-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";

/** Copies, migrates and type-checks one fixture; returns its directory. */
function migrated(fixture: string): string {
  const dir = copyToGitRepo(path.join(fixturesDir, fixture), work);
  const run = runCodemod(dir, "migrate");
  expect(run.report.files.filter((f) => f.status === "error"), run.stderr).toEqual([]);
  expect(run.status, run.stderr).toBe(0);
  return dir;
}

function expectTypeChecks(dir: string): void {
  const tsc = typeCheck(dir, "--noEmit");
  expect(tsc.output).toBe("");
  expect(tsc.status).toBe(0);
}

function expectIdempotent(dir: string): void {
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "migrated");
  const again = runCodemod(dir, "migrate").report;
  expect(again.files.filter((f) => f.status === "changed")).toEqual([]);
}

/** Every captured span is on `tracerName`; returns the one span named `name`. */
function operationSpan(tracerName: string, name: string): ReadableSpan {
  for (const span of tracing.spans()) expect(span.instrumentationScope.name, span.name).toBe(tracerName);
  const spans = tracing.findSpans(name);
  expect(spans, tracing.spanNames().join(", ")).toHaveLength(1);
  return spans[0]!;
}

function exceptionEvents(span: ReadableSpan) {
  return span.events.filter((e) => e.name === "exception");
}

/** A failed operation: ERROR, exactly one exception event, sanitized, mentioning `detail`. */
function expectOneSanitizedFailure(span: ReadableSpan, detail: string): void {
  expect(span.status.code).toBe(SpanStatusCode.ERROR);
  const events = exceptionEvents(span);
  expect(events).toHaveLength(1);
  expect(events[0]!.attributes?.["exception.message"]).toContain(detail);
  expect(tracing.findLeaks([SECRET])).toEqual([]);
}

const importPlugin = async (dir: string, file: string) => import(pathToFileURL(path.join(dir, "src", file)).href);

describe("stranger-storage-s3 (module-level tracer, startActiveSpan with options, startSpan, arrow property)", () => {
  let dir: string;
  let peer: LoopbackServer;
  beforeAll(async () => {
    dir = migrated("stranger-storage-s3");
    peer = await startLoopbackServer((request, res) => {
      if (request.method === "PUT") return sendJson(res, request.path.includes("denied") ? 403 : 200, {});
      if ("prefix" in request.query) return sendJson(res, 200, ["a.parquet", "b.parquet"]);
      if (request.method === "DELETE") return sendJson(res, 204, null);
      return sendJson(res, 200, "bytes");
    });
  });
  afterAll(() => peer?.close());

  it("type-checks against @floe/runtime (readonly floeApiVersion property included) and re-runs clean", () => {
    expectTypeChecks(dir);
    expectIdempotent(dir);
  });

  it("every operation runs in its storage.* span on floe.storage.s3", async () => {
    const { S3StoragePlugin } = await importPlugin(dir, "plugin.ts");
    const s3 = new S3StoragePlugin({ endpoint: peer.url, bucket: "lake", accessKeyId: "AKIAEXAMPLE", secretAccessKey: SECRET });
    expect(s3.tracerName).toBe("floe.storage.s3");
    expect(s3.floeApiVersion).toBe("1.0");
    await s3.putObject("ok.parquet", "x");
    const put = operationSpan("floe.storage.s3", "storage.putObject");
    expect(put.status.code).toBe(SpanStatusCode.OK);
    expect(put.attributes).toMatchObject({ "floe.operation": "putObject", "floe.legacy.span_name": "s3.put", "storage.bucket": "lake" });
    tracing.reset();
    await expect(s3.putObject("denied.parquet", "x")).rejects.toThrow(SECRET);
    expectOneSanitizedFailure(operationSpan("floe.storage.s3", "storage.putObject"), "HTTP 403");
    tracing.reset();
    expect(await s3.getObject("ok.parquet")).toBeInstanceOf(Uint8Array);
    expect(await s3.listObjects("a")).toEqual(["a.parquet"]);
    expect(await s3.deleteObject("ok.parquet")).toBe(true);
    for (const [operation, legacy] of [["getObject", "s3.get"], ["listObjects", undefined], ["deleteObject", undefined]] as const) {
      const span = operationSpan("floe.storage.s3", `storage.${operation}`);
      expect(span.status.code, operation).toBe(SpanStatusCode.OK);
      expect(span.attributes["floe.operation"]).toBe(operation);
      expect(span.attributes["floe.legacy.span_name"]).toBe(legacy);
    }
  });
});

describe("stranger-catalog-glue (experimentalDecorators, legacy operationName, attributesFn on a longer method, tracerName property)", () => {
  let dir: string;
  let peer: LoopbackServer;
  beforeAll(async () => {
    dir = migrated("stranger-catalog-glue");
    peer = await startLoopbackServer((request, res) =>
      request.path.startsWith("/tables/missing") ? sendJson(res, 404, { message: "no such table" }) : sendJson(res, 200, ["orders"]),
    );
  });
  afterAll(() => peer?.close());

  it("type-checks against @floe/runtime and re-runs clean; the legacy dependency is gone", () => {
    expectTypeChecks(dir);
    expectIdempotent(dir);
    const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    expect(pkg.dependencies["@floe/iceberg"]).toBeUndefined();
  });

  it("operations run in catalog.* spans on floe.catalog.glue, attributesFn applied, failures recorded once", async () => {
    const { GlueCatalogPlugin } = await importPlugin(dir, "plugin.ts");
    const glue = new GlueCatalogPlugin({ endpoint: peer.url, sessionToken: SECRET });
    expect(glue.tracerName).toBe("floe.catalog.glue");
    expect(await glue.listNamespaces()).toEqual(["orders"]);
    const list = operationSpan("floe.catalog.glue", "catalog.listNamespaces");
    expect(list.attributes).toMatchObject({ "floe.operation": "listNamespaces", "floe.legacy.span_name": "glue.listNamespaces" });
    tracing.reset();
    await expect(glue.loadTable("missing", { snapshotId: 3 })).rejects.toThrow(SECRET);
    const load = operationSpan("floe.catalog.glue", "catalog.loadTable");
    expect(load.attributes).toMatchObject({ "floe.operation": "loadTable", "catalog.table": "missing", "floe.legacy.span_name": "glue.loadTable" });
    expectOneSanitizedFailure(load, "HTTP 404");
    tracing.reset();
    await glue.createTable("events");
    expect(operationSpan("floe.catalog.glue", "catalog.createTable").status.code).toBe(SpanStatusCode.OK);
  });
});

describe("stranger-orchestrator-airflow (JS: traced wrapper and arrow functions as properties, startActiveSpan)", () => {
  let dir: string;
  beforeAll(() => {
    dir = migrated("stranger-orchestrator-airflow");
  });

  it("re-runs clean", () => expectIdempotent(dir));

  it("operations run in orchestrator.* spans on floe.orchestrator.airflow", async () => {
    const { AirflowOrchestratorPlugin } = await importPlugin(dir, "index.js");
    const calls: string[] = [];
    const airflow = new AirflowOrchestratorPlugin({
      api: async (method: string, url: string) => {
        calls.push(`${method} ${url}`);
        if (url.startsWith("/dagRuns/broken")) throw new Error(`GET ${url} failed: password=${SECRET} HTTP 500`);
        return method === "POST" ? { dag_run_id: "run-1" } : { state: "success" };
      },
    });
    expect(airflow.tracerName).toBe("floe.orchestrator.airflow");
    expect(await airflow.createDefinitions({ orders: {} })).toEqual({ dags: ["orders"] });
    expect(await airflow.launchRun({ dag: "orders" })).toBe("run-1");
    expect(await airflow.getRunStatus("run-1")).toBe("SUCCESS");
    for (const [operation, legacy] of [["createDefinitions", undefined], ["launchRun", "airflow.trigger"], ["getRunStatus", "airflow.status"]] as const) {
      const span = operationSpan("floe.orchestrator.airflow", `orchestrator.${operation}`);
      expect(span.status.code, operation).toBe(SpanStatusCode.OK);
      expect(span.attributes["floe.operation"]).toBe(operation);
      expect(span.attributes["floe.legacy.span_name"]).toBe(legacy);
    }
    tracing.reset();
    await expect(airflow.getRunStatus("broken")).rejects.toThrow(SECRET);
    expectOneSanitizedFailure(operationSpan("floe.orchestrator.airflow", "orchestrator.getRunStatus"), "HTTP 500");
    expect(calls).toEqual(["POST /dags/orders/dagRuns", "GET /dagRuns/run-1", "GET /dagRuns/broken"]);
  });
});

describe("stranger-secrets-aws (traced request helper, own recordSanitizedException, concise startActiveSpan arrow)", () => {
  let dir: string;
  let peer: LoopbackServer;
  beforeAll(async () => {
    dir = migrated("stranger-secrets-aws");
    peer = await startLoopbackServer((request, res) => {
      const target = String(request.headers["x-amz-target"]);
      if (target.endsWith("PutSecretValue")) return sendJson(res, 400, { message: "bad" });
      if (target.endsWith("ListSecrets")) return sendJson(res, 200, { SecretList: [{ Name: "db/a" }, { Name: "api/b" }] });
      return sendJson(res, 200, { SecretString: "value" });
    });
  });
  afterAll(() => peer?.close());

  it("type-checks against @floe/runtime and re-runs clean", () => {
    expectTypeChecks(dir);
    expectIdempotent(dir);
  });

  it("operations run in secrets.* spans, the helper span is their child on the same tracer, one event per failure", async () => {
    const { AwsSecretsPlugin } = await importPlugin(dir, "plugin.ts");
    const aws = new AwsSecretsPlugin({ endpoint: peer.url, secretKey: SECRET });
    expect(await aws.getSecret("db/a")).toBe("value");
    const get = operationSpan("floe.secrets.aws", "secrets.getSecret");
    expect(get.status.code).toBe(SpanStatusCode.OK);
    expect(tracing.childrenOf(get).map((s) => s.name)).toEqual(["aws.call"]);
    tracing.reset();
    expect(await aws.listSecrets("db/")).toEqual(["db/a"]);
    const list = operationSpan("floe.secrets.aws", "secrets.listSecrets");
    expect(list.status.code).toBe(SpanStatusCode.OK);
    expect(list.attributes["floe.legacy.span_name"]).toBe("aws.list");
    tracing.reset();
    await expect(aws.setSecret("db/a", "v2")).rejects.toThrow(SECRET);
    const set = operationSpan("floe.secrets.aws", "secrets.setSecret");
    expect(set.attributes).toMatchObject({ "floe.operation": "setSecret", "floe.legacy.span_name": "aws.setSecret" });
    expectOneSanitizedFailure(set, "HTTP 400");
  });
});
