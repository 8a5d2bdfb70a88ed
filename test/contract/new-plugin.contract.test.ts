/**
 * `floe-codemod new-plugin <category> <impl>` creates a plugin that passes, as
 * created, what every plugin of the repo must: floe's lint config with zero
 * warnings, `floe-codemod check`, the type checker, the platform contract
 * (discovered and loaded by the registry, conventional tracer name, identity
 * consistent with package.json, audit clean, a tracing test on
 * createTestTracing) and its own generated tests. It runs in a temporary copy
 * of the repo's skeleton (root tsconfig, vitest and eslint configs, this repo's
 * node_modules linked), so plugins/ here is never touched.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverPlugins, loadPlugin, tracerNameProblems, verifyPluginInstrumentation } from "@floe/runtime";
import { repoRoot } from "../e2e/support/legacy-repo.js";

const cli = path.join(repoRoot, "codemods", "bin", "floe-codemod.js");
const bin = (name: string) => path.join(repoRoot, "node_modules", ...name.split("/"));
let work: string;
let pluginDir: string;

function run(cwd: string, file: string, args: string[]) {
  const result = spawnSync(process.execPath, [file, ...args], { cwd, encoding: "utf8", timeout: 240_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "floe-new-plugin-"));
  for (const file of ["tsconfig.json", "vitest.shared.ts", "eslint.config.js"]) copyFileSync(path.join(repoRoot, file), path.join(work, file));
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(work, "node_modules"), "dir");
  const created = run(work, cli, ["new-plugin", "alert", "pager"]);
  expect(created.status, created.output).toBe(0);
  pluginDir = path.join(work, "plugins", "alert-pager");
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("floe-codemod new-plugin", () => {
  it("writes the package, its identity declared once in the generated tracing module", () => {
    const tracing = readFileSync(path.join(pluginDir, "src", "tracing.ts"), "utf8");
    expect(tracing).toContain('package: { name: "@floe/plugin-alert-pager", version: "0.1.0" },');
    expect(tracing).toContain('export const TRACER_NAME = "floe.alert.pager";');
    const plugin = readFileSync(path.join(pluginDir, "src", "pager-plugin.ts"), "utf8");
    expect(plugin).toContain("export class PagerAlertPlugin extends tracing.Plugin(AlertChannelPlugin) {");
    expect(plugin).not.toMatch(/get (name|version|tracerName)\(\)/);
    expect(JSON.parse(readFileSync(path.join(pluginDir, "package.json"), "utf8")).floe).toEqual({ plugin: "PagerAlertPlugin", type: "ALERT_CHANNEL" });
  });

  it("passes floe's lint config with zero warnings, check, and the type checker", () => {
    const lint = run(work, bin("eslint/bin/eslint.js"), ["--max-warnings", "0", "plugins/alert-pager"]);
    expect(lint.status, lint.output).toBe(0);
    const check = run(work, cli, ["check", "plugins"]);
    expect(check.status, check.output).toBe(0);
    const types = run(pluginDir, bin("typescript/bin/tsc"), ["-p", "tsconfig.json", "--noEmit"]);
    expect(types.status, types.output).toBe(0);
  });

  it("meets the platform contract: registry, tracer name, identity, audit, tracing test", async () => {
    const build = run(pluginDir, bin("typescript/bin/tsc"), ["-p", "tsconfig.build.json"]);
    expect(build.status, build.output).toBe(0);
    const declarations = await discoverPlugins({ cwd: work, packageDirs: [pluginDir] });
    const declaration = declarations.find((d) => d.packageDir === pluginDir || d.packageName === "@floe/plugin-alert-pager");
    expect(declaration, "discovered through its package.json floe block").toBeDefined();
    const plugin = await loadPlugin(declaration!);
    expect(plugin).toMatchObject({ name: "alert-pager", version: "0.1.0", pluginType: "ALERT_CHANNEL", declaredType: "ALERT_CHANNEL", tracerName: "floe.alert.pager" });
    expect(tracerNameProblems(plugin.pluginType, plugin.tracerName)).toEqual([]);
    expect(verifyPluginInstrumentation([plugin])).toEqual([]);
    const test = path.join(pluginDir, "test", "tracing.test.ts");
    expect(existsSync(test) && readFileSync(test, "utf8").includes("createTestTracing(")).toBe(true);
  });

  it("its generated tracing tests pass: every operation opens its conventional span and records the failure once", () => {
    const tests = run(pluginDir, bin("vitest/vitest.mjs"), ["run", "--reporter=verbose"]);
    expect(tests.status, tests.output).toBe(0);
    expect(tests.output).toContain("sendAlert() runs in one alert.sendAlert span");
    expect(tests.output).toContain("healthCheck() runs in one alert.healthCheck span");
  });

  it("refuses an existing folder, an ambiguous or unknown category, and a malformed implementation, writing nothing", () => {
    const again = run(work, cli, ["new-plugin", "alert", "pager"]);
    expect([again.status, again.output]).toEqual([2, expect.stringContaining("already exists")]);
    const ambiguous = run(work, cli, ["new-plugin", "security", "calico"]);
    expect([ambiguous.status, ambiguous.output]).toEqual([2, expect.stringContaining("rbac, network-security")]);
    const unknown = run(work, cli, ["new-plugin", "banana", "x"]);
    expect([unknown.status, unknown.output]).toEqual([2, expect.stringContaining('unknown plugin category "banana"')]);
    const malformed = run(work, cli, ["new-plugin", "secrets", "My_Vault"]);
    expect([malformed.status, malformed.output]).toEqual([2, expect.stringContaining("lower-case words")]);
    for (const folder of ["security-calico", "banana-x", "secrets-My_Vault"]) expect(existsSync(path.join(work, "plugins", folder))).toBe(false);
  });
});
