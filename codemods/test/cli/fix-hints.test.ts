/**
 * `check` fix hints are commands that work as printed: a temp repo with a
 * migrated plugin is made to drift, `check` runs in each format, the hint it
 * prints is executed through a shell (real `npx floe-codemod`) in the
 * directory check ran in, and a second `check` is clean.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, createRepo, ensureBuilt, PACKAGE_DIR, type Repo } from "../helpers.js";

const PLUGIN_FIXTURE = path.join(PACKAGE_DIR, "test", "fixtures", "project", "generate-tracing-already-generated", "input");
const PLUGIN = "plugins/alert-opsgenie";
const RAW = `import type { Span } from "@opentelemetry/api";

export function fail(span: Span, err: Error): void {
  span.recordException(err);
}
`;

let repo: Repo;
let baseline: string;

function git(...args: string[]): string {
  return execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { cwd: repo.dir, encoding: "utf8" }).trim();
}

/** Back to the migrated baseline, then apply one drift and commit it (check runs on committed code in CI). */
function drift(apply: () => void): void {
  git("reset", "-q", "--hard", baseline);
  git("clean", "-qfd");
  apply();
  repo.commit("drift");
}

/** Runs a pasted command line through a shell, the way a user would. */
function paste(command: string, cwd: string) {
  const r = spawnSync("sh", ["-c", command], { cwd, encoding: "utf8", env: { ...process.env, CI: "1" } });
  return { code: r.status, output: r.stdout + r.stderr };
}

function hintFromText(stdoutAndErr: string): string {
  const match = /^to fix, run here: (.+)$/m.exec(stdoutAndErr);
  expect(match, stdoutAndErr).not.toBeNull();
  return match![1]!;
}

beforeAll(() => {
  ensureBuilt();
  repo = createRepo({ "package.json": '{ "name": "scratch", "private": true }\n', ".gitignore": "node_modules\n" }, { git: true });
  cpSync(PLUGIN_FIXTURE, path.join(repo.dir, PLUGIN), { recursive: true });
  // npx resolves floe-codemod (and the plugin its runtime) from this repo's node_modules, as after `npm install`.
  symlinkSync(path.join(PACKAGE_DIR, "..", "node_modules"), path.join(repo.dir, "node_modules"), "dir");
  const migrated = cli(["migrate", "plugins", "--force"], repo.dir);
  expect(migrated.code, migrated.stderr + migrated.stdout).toBe(0);
  repo.commit("migrated");
  baseline = git("rev-parse", "HEAD");
  const clean = cli(["check", "."], repo.dir);
  expect(clean.code, clean.stderr + clean.stdout).toBe(0);
}, 180_000);
afterAll(() => repo?.cleanup());

const editTracerName = () => repo.write(`${PLUGIN}/src/tracing.ts`, repo.read(`${PLUGIN}/src/tracing.ts`).replace('"floe.alert.opsgenie"', '"floe.alert.legacy"'));
const addRawRecordException = () => repo.write(`${PLUGIN}/src/fail.ts`, RAW);

// Each case runs the CLI two or three times (check, the pasted fix, check again): minutes on a loaded machine.
describe("check fix hints", { timeout: 180_000 }, () => {
  it("text: the project-transform hint names the package directory and fixes the drift", () => {
    drift(editTracerName);
    const check = cli(["check", "."], repo.dir);
    expect(check.code).toBe(1);
    const hint = hintFromText(check.stdout + check.stderr);
    expect(hint).toBe(`npx floe-codemod generate-tracing ${PLUGIN}`);
    const fixed = paste(hint, repo.dir);
    expect(fixed.code, fixed.output).toBe(0);
    expect(repo.read(`${PLUGIN}/src/tracing.ts`)).toContain('"floe.alert.opsgenie"');
    const again = cli(["check", "."], repo.dir);
    expect(again.code, again.stdout + again.stderr).toBe(0);
  });

  it("text: a file that would be created is fixed by the package hint", () => {
    drift(() => rmSync(path.join(repo.dir, PLUGIN, "src", "tracing.ts")));
    const check = cli(["check", "plugins"], repo.dir);
    expect(check.code).toBe(1);
    const hint = hintFromText(check.stdout + check.stderr);
    expect(hint).toBe(`npx floe-codemod generate-tracing ${PLUGIN}`);
    expect(paste(hint, repo.dir).code).toBe(0);
    expect(cli(["check", "plugins"], repo.dir).code).toBe(0);
  });

  it("json, run from a subdirectory: per-file and overall hints are relative to that directory", () => {
    drift(addRawRecordException);
    const cwd = path.join(repo.dir, "plugins");
    const check = cli(["check", ".", "--format", "json"], cwd);
    expect(check.code).toBe(1);
    const report = JSON.parse(check.stdout) as { fix: string; files: { path: string; fixes?: string[] }[] };
    const file = report.files.find((f) => f.path === "alert-opsgenie/src/fail.ts");
    expect(file?.fixes).toEqual(["npx floe-codemod sanitize-exceptions alert-opsgenie/src/fail.ts"]);
    expect(report.fix).toBe("npx floe-codemod sanitize-exceptions alert-opsgenie/src/fail.ts");
    const fixed = paste(file!.fixes![0]!, cwd);
    expect(fixed.code, fixed.output).toBe(0);
    expect(repo.read(`${PLUGIN}/src/fail.ts`)).toContain("recordSanitizedException(span, err)");
    expect(cli(["check", ".", "--format", "json"], cwd).code).toBe(0);
  });

  it("sarif: the fix in each result works when pasted", () => {
    drift(editTracerName);
    const check = cli(["check", ".", "--format", "sarif"], repo.dir);
    expect(check.code).toBe(1);
    const results = JSON.parse(check.stdout).runs[0].results as { ruleId: string; message: { text: string }; properties: { fix: string } }[];
    expect(results.length).toBeGreaterThan(0);
    const fixes = [...new Set(results.map((r) => r.properties.fix))];
    expect(fixes).toEqual([`npx floe-codemod generate-tracing ${PLUGIN}`]);
    for (const r of results) expect(r.message.text).toContain(`Fix: ${fixes[0]}`);
    expect(paste(fixes[0]!, repo.dir).code).toBe(0);
    expect(cli(["check", ".", "--format", "sarif"], repo.dir).code).toBe(0);
  });

  it("repeats the options the finding depends on (--tracer-name) in the hint", () => {
    drift(editTracerName);
    const check = cli(["check", ".", "--tracer-name", "floe.alert.legacy"], repo.dir);
    // The drifted name is the one asked for, so only the hint's own options can keep it.
    expect(check.code).toBe(0);
    const other = cli(["check", ".", "--tracer-name", "floe.alert.pager"], repo.dir);
    expect(other.code).toBe(1);
    const hint = hintFromText(other.stdout + other.stderr);
    expect(hint).toBe(`npx floe-codemod generate-tracing ${PLUGIN} --tracer-name floe.alert.pager`);
    expect(paste(hint, repo.dir).code).toBe(0);
    expect(repo.read(`${PLUGIN}/src/tracing.ts`)).toContain('"floe.alert.pager"');
  });
});
