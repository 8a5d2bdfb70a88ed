#!/usr/bin/env node
// `npm test`: builds every workspace, runs every workspace's tests through turbo, lints the repo,
// then sums the per-workspace vitest JSON reports into one closing line `N passed, N failed`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { contentKey, passedBefore, rememberPass } from "./lib/content-cache.mjs";
import { hashDirectory } from "./lib/hash-directory.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Tests read ../shared (the design contract and the sanitizer corpus), which lives outside the repo:
// its content hash goes into every turbo task hash so a changed corpus is never served from cache.
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  FORCE_COLOR: process.env.CI ? "0" : process.env.FORCE_COLOR,
  FLOE_SHARED_HASH: hashDirectory(path.join(root, "..", "shared")),
};

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
// Both read the whole tree, so each is keyed by the content of every file it reads plus the built tools;
// a pass is remembered under that key and a run on an unchanged tree skips it (failures always re-run).
const builtTools = ["runtime/dist", "codemods/dist", "eslint-plugin-floe/dist"];
function cachedCheck(name, label, key, cmd, args) {
  if (passedBefore(root, name, key)) {
    console.log(`\n=== ${label}: unchanged since its last pass (content key ${key.slice(0, 12)}), skipped`);
    return true;
  }
  const ok = run(label, cmd, args);
  if (ok) rememberPass(root, name, key);
  return ok;
}
extraChecks.push({
  name: "eslint (typescript-eslint + floe recommended-type-checked, zero warnings)",
  ok: cachedCheck(
    "eslint",
    "lint the repo",
    contentKey(root, { sourcePaths: ["."], builtDirs: builtTools, salt: `eslint ${process.version} ${env.FLOE_SHARED_HASH}` }),
    "npx",
    ["eslint", ".", "--max-warnings", "0"],
  ),
});
extraChecks.push({
  name: "floe-codemod check plugins runtime (generated tracing modules current, no raw recordException)",
  ok: cachedCheck(
    "floe-codemod-check",
    "floe-codemod check",
    contentKey(root, { sourcePaths: ["plugins", "runtime", "codemods", "package-lock.json"], builtDirs: builtTools, salt: `check ${process.version}` }),
    "node",
    ["codemods/bin/floe-codemod.js", "check", "plugins", "runtime"],
  ),
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
