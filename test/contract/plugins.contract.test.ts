/**
 * The platform contract: every floe plugin in this repo is discoverable,
 * instrumented by the conventions, and covered by a tracing test. A plugin
 * added later without instrumentation or without a tracing test fails here,
 * with a message naming the plugin and the fix.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  CONVENTIONS,
  TRACER_NAME_CODEMOD,
  compile,
  deriveTracerName,
  discoverPlugins,
  loadPlugin,
  tracerNameProblems,
  verifyPluginInstrumentation,
  type LoadedPlugin,
  type StructuredLogger,
} from "@floe/runtime";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const pluginsDir = path.join(repoRoot, "plugins");
const pluginDirs = readdirSync(pluginsDir)
  .map((name) => path.join(pluginsDir, name))
  .filter((dir) => existsSync(path.join(dir, "package.json")));

/**
 * The plugins the design contract's plugin table names (first column of `| plugin | type | ...`), read
 * from ../shared/DESIGN.md so the list lives in one place; every one must exist here, and any other
 * plugins/* package (a new one scaffolded later) is held to the same contract through discovery.
 */
function designPluginTable(): string[] {
  const design = path.join(repoRoot, "..", "shared", "DESIGN.md");
  if (!existsSync(design)) return [];
  const lines = readFileSync(design, "utf8").split(/\r?\n/);
  const header = lines.findIndex((line) => /^\|\s*plugin\s*\|\s*type\s*\|/.test(line));
  if (header < 0) return [];
  const names: string[] = [];
  for (const line of lines.slice(header + 2)) {
    const cell = /^\|\s*([a-z0-9-]+)\s*\|/.exec(line);
    if (!cell) break;
    names.push(cell[1]!);
  }
  return names.sort();
}
const EXPECTED = designPluginTable();

const plugins: LoadedPlugin[] = [];

function memoryLogger() {
  const records: Record<string, unknown>[] = [];
  const logger: StructuredLogger = { warn: (record) => records.push(record) };
  return { logger, records };
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(m|c)?[tj]sx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

beforeAll(async () => {
  const declarations = await discoverPlugins({ cwd: repoRoot, packageDirs: pluginDirs });
  // Sequential: plugins import each other (dbt-fusion uses dbt-core), and the module runner dislikes racing them.
  for (const declaration of declarations) plugins.push(await loadPlugin(declaration));
});

describe("platform plugin contract", () => {
  it("discovers every plugins/* package, including each plugin of the design table, through the runtime registry", () => {
    const names = plugins.map((p) => path.basename(p.packageDir)).sort();
    expect(names, "every plugins/* package must declare \"floe\": { \"plugin\", \"type\" } in package.json").toEqual(
      [...new Set([...EXPECTED, ...pluginDirs.map((d) => path.basename(d))])].sort(),
    );
    expect(EXPECTED.length, "../shared/DESIGN.md's plugin table").toBeGreaterThanOrEqual(21);
    expect(names.filter((name) => EXPECTED.includes(name))).toEqual(EXPECTED);
  });

  it("gives every instrumented plugin a conventional tracerName matching its type, and telemetry backends none", () => {
    const problems: string[] = [];
    let instrumented = 0;
    for (const plugin of plugins) {
      const issues = tracerNameProblems(plugin.pluginType, plugin.tracerName);
      if (CONVENTIONS[plugin.pluginType].instrumented) instrumented += 1;
      for (const issue of issues) {
        problems.push(`${plugin.packageName}: ${issue}. Fix: ${TRACER_NAME_CODEMOD} ${path.relative(repoRoot, plugin.packageDir)}`);
      }
    }
    expect(problems).toEqual([]);
    const telemetryBackends = plugins.filter((p) => p.pluginType === "TELEMETRY_BACKEND");
    expect(telemetryBackends.length).toBeGreaterThanOrEqual(2);
    expect(instrumented).toBe(plugins.length - telemetryBackends.length);
    expect(telemetryBackends.map((p) => p.tracerName)).toEqual(telemetryBackends.map(() => undefined));
  });

  it("each plugin's identity is its package's: name from its folder, version from package.json, the derived tracer name", () => {
    // What the per-plugin registry tests used to check for five plugins, for every one.
    const identities = plugins.map((p) => [p.packageName, p.name, p.version, p.tracerName]);
    const expected = plugins.map((p) => [
      p.packageName,
      path.basename(p.packageDir),
      p.packageVersion,
      CONVENTIONS[p.pluginType].instrumented ? deriveTracerName(p.pluginType, p.packageName) : undefined,
    ]);
    expect(identities).toEqual(expected);
    expect(plugins.map((p) => p.pluginClass.name)).toEqual(plugins.map((p) => p.exportName));
  });

  it("the declared package type matches the class's pluginType", () => {
    const mismatches = plugins
      .filter((p) => p.pluginType !== p.declaredType)
      .map((p) => `${p.packageName}: package.json says ${p.declaredType}, the class says ${p.pluginType}`);
    expect(mismatches).toEqual([]);
  });

  it("every plugin with a tracing module has a tracing test that uses createTestTracing()", () => {
    const missing: string[] = [];
    for (const plugin of plugins) {
      const hasTracingModule = existsSync(path.join(plugin.packageDir, "src", "tracing.ts"));
      const instrumented = CONVENTIONS[plugin.pluginType].instrumented;
      if (!hasTracingModule && !instrumented) continue;
      if (!hasTracingModule) {
        missing.push(`${plugin.packageName}: no src/tracing.ts. Fix: ${TRACER_NAME_CODEMOD} ${path.relative(repoRoot, plugin.packageDir)}`);
        continue;
      }
      const tests = filesUnder(path.join(plugin.packageDir, "test"));
      const usesKit = tests.some((file) => readFileSync(file, "utf8").includes("createTestTracing("));
      if (!existsSync(path.join(plugin.packageDir, "test", "tracing.test.ts")) || !usesKit) {
        missing.push(
          `${plugin.packageName}: no test/tracing.test.ts using createTestTracing() from @floe/runtime/testing. ` +
            `Fix: ${TRACER_NAME_CODEMOD} ${path.relative(repoRoot, plugin.packageDir)} adds a skeleton; assert its spans`,
        );
      }
    }
    expect(missing).toEqual([]);
  });

  it("the instrumentation audit reports zero warnings for the platform's own plugins", () => {
    expect(verifyPluginInstrumentation(plugins).map((w) => `${w.plugin}: ${w.message} (${w.suggestion})`)).toEqual([]);
  });

  it("the compile pipeline's ENFORCE stage logs nothing, even in strict mode", async () => {
    const { logger, records } = memoryLogger();
    const result = await compile({ plugins, logger, strict: true });
    expect(result.success).toBe(true);
    expect(records).toEqual([]);
  });

  it("would catch a plugin added without instrumentation, naming it and the fix", async () => {
    const { logger, records } = memoryLogger();
    const rogue = { name: "alert-rogue", pluginType: "ALERT_CHANNEL", tracerName: undefined };
    await expect(compile({ plugins: [...plugins, rogue], logger, strict: true })).rejects.toThrow(/alert-rogue/);
    expect(records).toEqual([expect.objectContaining({ plugin: "alert-rogue", suggestion: expect.stringContaining("floe-codemod generate-tracing") })]);
  });
});
