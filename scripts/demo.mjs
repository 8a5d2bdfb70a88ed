#!/usr/bin/env node
// `npm run demo`: the toolkit's main job on a bundled example. Copies the legacy PagerDuty plugin in
// examples/ to a temporary git repo, lints it (findings), runs `floe-codemod migrate` (diff shown), lints it
// again (clean), type-checks and builds it, runs its generated tracing test, runs its operations against a local
// PagerDuty stand-in, and prints a short summary of the spans (name, tracer, status, key attributes, events): one
// success, one failure whose credential-bearing error arrives sanitized (the routing key shows as <REDACTED>).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };
const step = (title) => console.log(`\n\x1b[1m== ${title}\x1b[0m`);

const STATUS = ["UNSET", "OK", "ERROR"];
const shorten = (text, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** One readable block per span: name, tracer, status, key attributes, events (exception messages as recorded). */
function summarizeSpans(spans) {
  const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
  const started = (s) => s.startTime[0] * 1e9 + s.startTime[1];
  return [...spans]
    .sort((a, b) => started(a) - started(b))
    .map((span) => {
      const parent = byId.get(span.parentSpanContext?.spanId);
      const status = STATUS[span.status.code] + (span.status.message ? `: ${shorten(span.status.message, 100)}` : "");
      const attributes = Object.entries(span.attributes).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(" ");
      const events = span.events.map((e) => `${e.name}${e.attributes?.["exception.message"] ? `: ${shorten(String(e.attributes["exception.message"]))}` : ""}`);
      return [
        `${parent ? "  └ " : "● "}${span.name}  [tracer ${span.instrumentationScope.name}]  ${status}`,
        `${parent ? "      " : "    "}attributes: ${attributes || "(none)"}`,
        ...events.map((e) => `${parent ? "      " : "    "}event ${e}`),
      ].join("\n");
    })
    .join("\n");
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env, ...options });
  return result.status ?? 1;
}

step("build the toolkit (turbo, cached)");
if (run(bin("turbo"), ["run", "build", "--output-logs=errors-only"], { cwd: root }) !== 0) process.exit(1);

step("copy the legacy plugin examples/floe-alert-pagerduty into a temporary git repo");
const work = mkdtempSync(path.join(os.tmpdir(), "floe-demo-"));
const plugin = path.join(work, "floe-alert-pagerduty");
cpSync(path.join(root, "examples", "floe-alert-pagerduty"), plugin, { recursive: true });
symlinkSync(path.join(root, "node_modules"), path.join(plugin, "node_modules"), "dir");
writeFileSync(path.join(plugin, ".gitignore"), "node_modules\ndist\n");
writeFileSync(
  path.join(plugin, "eslint.config.js"),
  `import tseslint from "typescript-eslint";\nimport floe from "eslint-plugin-floe";\n\n` +
    `export default [{ ignores: ["dist/**", "scripts/**"] }, { files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } }, floe.configs.recommended];\n`,
);
const git = (...args) => spawnSync("git", ["-c", "user.name=demo", "-c", "user.email=demo@floe.local", ...args], { cwd: plugin, encoding: "utf8" });
git("init", "-q");
git("add", "-A");
git("commit", "-qm", "legacy plugin");
console.log(plugin);

step("lint before: eslint-plugin-floe's recommended config finds the legacy problems");
run(bin("eslint"), ["src"], { cwd: plugin });

step("floe-codemod migrate (an unparsable script is reported and left untouched)");
run("node", [path.join(root, "codemods", "bin", "floe-codemod.js"), "migrate", "."], { cwd: plugin });
console.log(git("diff", "--stat").stdout + git("status", "--short").stdout);
console.log(git("diff", "--", "src").stdout);
console.log(git("diff", "--no-index", "/dev/null", "src/tracing.ts").stdout);

step("lint after: clean");
const lintStatus = run(bin("eslint"), ["src"], { cwd: plugin });
console.log(lintStatus === 0 ? "eslint: 0 problems" : "eslint: problems remain (see above)");

step("type-check and build the migrated plugin");
if (run(bin("tsc"), ["-p", "tsconfig.json"], { cwd: plugin }) !== 0) process.exit(1);
console.log("tsc: ok");

step("run the generated test/tracing.test.ts (each real operation, checked against its span)");
run(bin("vitest"), ["run", "test/tracing.test.ts", "--reporter=verbose"], { cwd: plugin });
const migratedPackage = JSON.parse(readFileSync(path.join(plugin, "package.json"), "utf8"));
console.log(`package.json dependencies: ${JSON.stringify(migratedPackage.dependencies)}, scripts.test: ${JSON.stringify(migratedPackage.scripts?.test)}`);

step("run sendAlert and healthCheck against a local PagerDuty Events API stand-in");
const ROUTING_KEY = "R0uting-K3y-9f8e7d6c5b4a3210";
const { startPagerDutyPeer } = await import(pathToFileURL(path.join(root, "examples", "pagerduty-peer.mjs")).href);
const peer = await startPagerDutyPeer();
const url = peer.url;

const { context, trace } = await import("@opentelemetry/api");
const { AsyncLocalStorageContextManager } = await import("@opentelemetry/context-async-hooks");
const { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } = await import("@opentelemetry/sdk-trace-base");
const memory = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(memory)] });
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
trace.setGlobalTracerProvider(provider);

const { PagerDutyAlertPlugin } = await import(pathToFileURL(path.join(plugin, "dist", "index.js")).href);
const pager = new PagerDutyAlertPlugin({ url, routingKey: ROUTING_KEY });
console.log(`tracerName: ${pager.tracerName}`);
const ok = await pager.sendAlert({ title: "orders freshness late", message: "2h behind", severity: "warning" });
console.log("delivered:", ok);
try {
  await pager.sendAlert({ title: "orders pipeline down", message: "failed", severity: "critical" });
} catch (error) {
  const carriesKey = String(error.message).includes(ROUTING_KEY);
  console.log(`sendAlert failed as expected; the caller's own error ${carriesKey ? "still carries the routing key (not printed here)" : "is sanitized too"}`);
}
console.log("healthCheck:", await pager.healthCheck());
await provider.forceFlush();
await peer.close();
const finished = memory.getFinishedSpans();
await provider.shutdown();

const text = JSON.stringify(finished.map((s) => ({ n: s.name, a: s.attributes, e: s.events, st: s.status })));
const leaked = text.includes(ROUTING_KEY) || text.includes(ROUTING_KEY.slice(0, 8));
step("spans (what a tracing backend receives)");
console.log(summarizeSpans(finished));
step("result");
console.log(leaked ? "LEAK: the routing key reached a span" : "the routing key appears in no span: the failure was recorded sanitized");
rmSync(work, { recursive: true, force: true });
process.exit(leaked ? 1 : 0);
