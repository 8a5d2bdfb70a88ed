/**
 * End to end: a legacy-style plugin (examples/floe-alert-pagerduty: TS with aliased and namespace
 * OpenTelemetry imports, a legacy `traced({ operationName })` decorator and wrapper, a CRLF + BOM file,
 * an unparsable script) is copied to a temporary git repo and migrated with `floe-codemod migrate`.
 * Then tsc passes, ESLint with floe's recommended config reports nothing, a second run changes nothing,
 * and the migrated plugin's operation produces sanitized spans under createTestTracing().
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { SpanStatusCode } from "@opentelemetry/api";
import { ESLint } from "eslint";
import floe from "eslint-plugin-floe";
import tseslint from "typescript-eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestTracing } from "@floe/runtime/testing";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const cli = path.join(repoRoot, "codemods", "bin", "floe-codemod.js");
const example = path.join(repoRoot, "examples", "floe-alert-pagerduty");
const ROUTING_KEY = "R0uting-K3y-9f8e7d6c5b4a3210";

let work: string;
let plugin: string;
const original = (file: string) => readFileSync(path.join(example, file));
const current = (file: string) => readFileSync(path.join(plugin, file));

function git(...args: string[]) {
  return spawnSync("git", ["-c", "user.name=e2e", "-c", "user.email=e2e@floe.local", ...args], { cwd: plugin, encoding: "utf8" });
}

function codemod(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: plugin, encoding: "utf8", env: { ...process.env, CI: "1" } });
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "floe-e2e-"));
  plugin = path.join(work, "floe-alert-pagerduty");
  cpSync(example, plugin, { recursive: true });
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(plugin, "node_modules"), "dir");
  writeFileSync(path.join(plugin, ".gitignore"), "node_modules\ndist\n");
  git("init", "-q");
  git("add", "-A");
  git("commit", "-qm", "legacy");
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("floe-codemod migrate on a legacy plugin", () => {
  let report: { files: { path: string; status: string; reason?: string }[] };

  it("migrates, reporting the unparsable file and leaving it byte-for-byte unchanged", () => {
    const run = codemod("migrate", ".", "--json");
    report = JSON.parse(run.stdout);
    expect(run.status, run.stderr).toBe(1);
    const byFile = new Map(report.files.map((f) => [path.relative(plugin, path.resolve(plugin, f.path)), f]));
    expect(byFile.get(path.join("scripts", "release-notes.js"))?.status).toBe("error");
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
    expect(pluginSource).toMatch(/get tracerName\(\)/);
    expect(current("src/tracing.ts").toString("utf8")).toContain('export const TRACER_NAME = "floe.alert.pagerduty";');
    const retry = current("src/retry.ts");
    expect([...retry.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(retry.toString("utf8")).toContain("\r\n");
    expect(retry.toString("utf8").replace(/\r\n/g, "")).not.toContain("\n");
    expect(retry.toString("utf8")).toContain('name: "pagerduty.retry"');
  });

  it("type-checks and builds", () => {
    const tsc = spawnSync(process.execPath, [path.join(repoRoot, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], {
      cwd: plugin,
      encoding: "utf8",
    });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });

  it("lints clean under eslint-plugin-floe's recommended config", async () => {
    const eslint = new ESLint({
      cwd: plugin,
      overrideConfigFile: true,
      overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser as never } }, floe.configs.recommended as never],
    });
    const results = await eslint.lintFiles(["src/**/*.ts"]);
    const messages = results.flatMap((r) => r.messages.map((m) => `${path.relative(plugin, r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`));
    expect(messages).toEqual([]);
  });

  it("is idempotent: a second run changes nothing", () => {
    const before = git("status", "--porcelain").stdout;
    const run = codemod("migrate", ".", "--json", "--force");
    const second = JSON.parse(run.stdout) as typeof report;
    expect(second.files.filter((f) => f.status === "changed")).toEqual([]);
    expect(git("status", "--porcelain").stdout).toBe(before);
  });

  it("produces sanitized spans at run time", async () => {
    const tracing = createTestTracing();
    const { startPagerDutyPeer } = await import(pathToFileURL(path.join(repoRoot, "examples", "pagerduty-peer.mjs")).href);
    const peer = await startPagerDutyPeer();
    try {
      const { PagerDutyAlertPlugin } = await import(pathToFileURL(path.join(plugin, "dist", "index.js")).href);
      const pager = new PagerDutyAlertPlugin({ url: peer.url, routingKey: ROUTING_KEY });
      expect(pager.tracerName).toBe("floe.alert.pagerduty");
      await expect(pager.sendAlert({ title: "late", message: "2h", severity: "warning" })).resolves.toMatchObject({ delivered: true });
      await expect(pager.sendAlert({ title: "down", message: "x", severity: "critical" })).rejects.toThrow(ROUTING_KEY);
      await new Promise((r) => setImmediate(r));
      const spans = tracing.findSpans("pagerduty.sendAlert");
      expect(spans.map((s) => s.status.code)).toEqual([SpanStatusCode.OK, SpanStatusCode.ERROR]);
      const failure = spans[1]!;
      expect(failure.events.some((e) => e.name === "exception")).toBe(true);
      expect(failure.status.message).toContain("HTTP 400");
      expect(peer.received).toHaveLength(2);
      expect(tracing.findLeaks([ROUTING_KEY])).toEqual([]);
    } finally {
      await peer.close();
      await tracing.shutdown();
    }
  });
});
