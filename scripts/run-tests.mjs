#!/usr/bin/env node
// `npm test`: builds every workspace, runs every workspace's tests through turbo, lints the repo,
// then sums the per-workspace vitest JSON reports into one closing line `N passed, N failed`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.CI ? "0" : process.env.FORCE_COLOR };

function workspaceDirs() {
  const out = spawnSync("npm", ["query", ".workspace"], { cwd: root, encoding: "utf8" });
  return JSON.parse(out.stdout).map((w) => path.join(root, w.location));
}

function run(label, cmd, args) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(" ")}`);
  const result = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  return result.status === 0;
}

const workspaces = workspaceDirs();
for (const dir of workspaces) rmSync(path.join(dir, "test-results.json"), { force: true });

const extraChecks = [];
const turboOk = run("build, typecheck and test every workspace", "npx", ["turbo", "run", "build", "typecheck", "test", "--continue", "--output-logs=errors-only"]);
if (!turboOk) extraChecks.push({ name: "turbo build/typecheck/test", ok: false });
// The repo enforces its own rules: floe's lint rules (type-checked) over everything, and no codemod drift.
extraChecks.push({
  name: "eslint (typescript-eslint + floe recommended-type-checked, zero warnings)",
  ok: run("lint the repo", "npx", ["eslint", ".", "--max-warnings", "0"]),
});
extraChecks.push({
  name: "floe-codemod check plugins runtime (generated tracing modules current, no raw recordException)",
  ok: run("floe-codemod check", "node", ["codemods/bin/floe-codemod.js", "check", "plugins", "runtime"]),
});

let passed = 0;
let failed = 0;
const rows = [];
for (const dir of workspaces) {
  const name = path.relative(root, dir) || ".";
  const report = path.join(dir, "test-results.json");
  const hasTests = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).scripts?.test;
  if (!hasTests) continue;
  if (!existsSync(report)) {
    failed += 1;
    rows.push(`${name}: no test report (build or test run failed)`);
    continue;
  }
  const r = JSON.parse(readFileSync(report, "utf8"));
  const suiteFailures = (r.testResults ?? []).filter((t) => t.status === "failed" && (t.assertionResults ?? []).length === 0).length;
  passed += r.numPassedTests;
  failed += r.numFailedTests + suiteFailures;
  rows.push(`${name}: ${r.numPassedTests} passed, ${r.numFailedTests + suiteFailures} failed`);
}
for (const check of extraChecks.filter((c) => c.name !== "turbo build/typecheck/test")) {
  if (check.ok) passed += 1;
  else failed += 1;
  rows.push(`${check.name}: ${check.ok ? "ok" : "FAILED"}`);
}
if (!turboOk && failed === 0) failed += 1;
console.log("\n=== summary");
for (const row of rows) console.log(row);
const line = `${passed} passed, ${failed} failed`;
writeFileSync(path.join(root, ".test-summary"), `${line}\n`);
console.log(line);
process.exit(failed === 0 ? 0 : 1);
