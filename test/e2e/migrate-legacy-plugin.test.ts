/**
 * End to end: a legacy-style plugin (examples/floe-alert-pagerduty: TS with aliased and namespace
 * OpenTelemetry imports, a legacy `traced({ operationName })` decorator and wrapper, a CRLF + BOM file,
 * an unparsable script) is copied to a temporary git repo and migrated with `floe-codemod migrate`.
 * Then tsc passes, ESLint with floe's recommended config reports nothing, a second run changes nothing,
 * package.json is wired (runtime range, legacy dependency gone, test script), the generated tracing test
 * passes, and the migrated plugin's operations produce conventional spans on its own tracer under
 * createTestTracing(): one sanitized exception event per failure.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { SpanStatusCode } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTracing } from "@floe/runtime/testing";
import { copyToGitRepo, git, lintWithFloe, repoRoot, runCodemod, typeCheck, type CodemodReport } from "./support/legacy-repo.js";

const example = path.join(repoRoot, "examples", "floe-alert-pagerduty");
const ROUTING_KEY = "R0uting-K3y-9f8e7d6c5b4a3210";

let work: string;
let plugin: string;
const original = (file: string) => readFileSync(path.join(example, file));
const current = (file: string) => readFileSync(path.join(plugin, file));

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "floe-e2e-"));
  plugin = copyToGitRepo(example, work);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("floe-codemod migrate on a legacy plugin", () => {
  let report: CodemodReport;

  it("migrates, skipping the unparsable file its floe-codemod-ignore-file comment marks and leaving it byte-for-byte unchanged", () => {
    const run = runCodemod(plugin, "migrate");
    report = run.report;
    expect(run.status, run.stderr).toBe(0);
    const byFile = new Map(report.files.map((f) => [path.relative(plugin, path.resolve(plugin, f.path)), f]));
    expect(byFile.get(path.join("scripts", "release-notes.js"))).toMatchObject({ status: "skipped", reason: "ignored: floe-codemod-ignore-file comment" });
    expect(current("scripts/release-notes.js").equals(original("scripts/release-notes.js"))).toBe(true);
    expect(byFile.get(path.join("src", "plugin.ts"))?.status).toBe("changed");
    expect(byFile.get(path.join("src", "tracing.ts"))?.status).toBe("changed");
  });

  it("rewrites what it exists for and keeps BOM and CRLF", () => {
    const pluginSource = current("src/plugin.ts").toString("utf8");
    expect(pluginSource).not.toMatch(/\.recordException\(/);
    expect(pluginSource).not.toContain("operationName");
    expect(pluginSource).not.toContain("@floe/iceberg/telemetry");
    expect(pluginSource).toContain("recordSanitizedException(");
    expect(pluginSource).toContain("sanitizeErrorMessage(");
    // identity declared once: the class extends the tracing kit's base, no hand-written getters remain
    expect(pluginSource).toMatch(/extends tracing\.Plugin\(\w+\)/);
    expect(pluginSource).not.toMatch(/get (?:tracerName|version)\(\)/);
    expect(current("src/tracing.ts").toString("utf8")).toMatch(/package: \{ name: "[^"]+", version: "[^"]+" \},/);
    expect(current("src/tracing.ts").toString("utf8")).toContain('export const TRACER_NAME = "floe.alert.pagerduty";');
    const retry = current("src/retry.ts");
    expect([...retry.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(retry.toString("utf8")).toContain("\r\n");
    expect(retry.toString("utf8").replace(/\r\n/g, "")).not.toContain("\n");
    expect(retry.toString("utf8")).toContain('name: "pagerduty.retry"');
  });

  it("leaves package.json right: runtime range, legacy dependency removed, the generated test runnable", () => {
    const pkg = JSON.parse(current("package.json").toString("utf8"));
    const runtimeVersion = JSON.parse(readFileSync(path.join(repoRoot, "runtime", "package.json"), "utf8")).version;
    expect(pkg.dependencies["@floe/runtime"]).toBe(`^${runtimeVersion}`);
    expect(pkg.dependencies["@floe/iceberg"]).toBeUndefined();
    expect(pkg.dependencies["@opentelemetry/api"]).toBe("~1.9.0");
    expect(pkg.scripts.test).toBe("vitest run");
    expect(pkg.devDependencies.vitest).toMatch(/^\^4\./);
  });

  it("type-checks and builds", () => {
    const tsc = typeCheck(plugin);
    expect(tsc.output).toBe("");
    expect(tsc.status).toBe(0);
  });

  it("lints clean under eslint-plugin-floe's recommended config", async () => {
    expect(await lintWithFloe(plugin, ["src/**/*.ts"])).toEqual([]);
  });

  it("is idempotent: a second run changes nothing", () => {
    const before = git(plugin, "status", "--porcelain").stdout;
    const second = runCodemod(plugin, "migrate", "--force").report;
    expect(second.files.filter((f) => f.status === "changed")).toEqual([]);
    expect(git(plugin, "status", "--porcelain").stdout).toBe(before);
    // and check passes on the migrated example, its unparsable script included
    expect(runCodemod(plugin, "check").status).toBe(0);
  });

  it("its generated test/tracing.test.ts runs the real operations and passes", () => {
    const run = spawnSync(process.execPath, [path.join(repoRoot, "node_modules", "vitest", "vitest.mjs"), "run", "test/tracing.test.ts", "--reporter=verbose"], {
      cwd: plugin,
      encoding: "utf8",
      env: { ...process.env, CI: "1" },
    });
    const output = run.stdout + run.stderr;
    expect(output).toMatch(/sendAlert\(\) runs in one alert\.sendAlert span/);
    expect(output).toMatch(/healthCheck\(\) runs in one alert\.healthCheck span/);
    expect(run.status, output).toBe(0);
  });

  it("produces conventional, sanitized spans on the plugin's tracer at run time", async () => {
    const tracing = createTestTracing();
    const { startPagerDutyPeer } = await import(pathToFileURL(path.join(repoRoot, "examples", "pagerduty-peer.mjs")).href);
    const peer = await startPagerDutyPeer();
    try {
      const { PagerDutyAlertPlugin } = await import(pathToFileURL(path.join(plugin, "dist", "index.js")).href);
      const pager = new PagerDutyAlertPlugin({ url: peer.url, routingKey: ROUTING_KEY });
      expect(pager.tracerName).toBe("floe.alert.pagerduty");
      await expect(pager.sendAlert({ title: "late", message: "2h", severity: "warning" })).resolves.toMatchObject({ delivered: true });
      await expect(pager.sendAlert({ title: "down", message: "x", severity: "critical" })).rejects.toThrow(ROUTING_KEY);
      await expect(pager.healthCheck()).resolves.toMatchObject({ healthy: true });
      await new Promise((r) => setImmediate(r));
      for (const span of tracing.spans()) expect(span.instrumentationScope.name, span.name).toBe("floe.alert.pagerduty");
      const spans = tracing.findSpans("alert.sendAlert");
      expect(spans.map((s) => s.status.code)).toEqual([SpanStatusCode.OK, SpanStatusCode.ERROR]);
      for (const span of spans) {
        expect(span.attributes).toMatchObject({ "floe.operation": "sendAlert", "floe.legacy.span_name": "pagerduty.sendAlert" });
      }
      const failure = spans[1]!;
      const exceptions = failure.events.filter((e) => e.name === "exception");
      expect(exceptions).toHaveLength(1);
      expect(exceptions[0]!.attributes?.["exception.message"]).toContain("HTTP 400");
      expect(failure.status.message).toContain("HTTP 400");
      // the retry helper is no operation: it keeps its name, as a child of the operation, on the plugin's tracer
      const retries = tracing.findSpans("pagerduty.retry");
      expect(retries).toHaveLength(2);
      expect(retries.map((r) => r.parentSpanContext?.spanId)).toEqual(spans.map((s) => s.spanContext().spanId));
      const health = tracing.getSpan("alert.healthCheck");
      expect(health.status.code).toBe(SpanStatusCode.OK);
      expect(health.attributes).toMatchObject({ "floe.operation": "healthCheck", "floe.legacy.span_name": "pagerduty.healthCheck" });
      expect(peer.received).toHaveLength(2);
      expect(tracing.findLeaks([ROUTING_KEY])).toEqual([]);
    } finally {
      await peer.close();
      await tracing.shutdown();
    }
  });
});
