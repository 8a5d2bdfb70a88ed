// Runs as the runner drives them: over several packages (one package's error does not lose the others'
// changes; the runner gets a PackageTransformError naming the failing package and carrying the successful
// packages' changes), and in a pipeline, where a step reads the earlier steps' output from the overlay.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FileChange } from "../../src/core/types.js";
import { afterAll, describe, expect, it } from "vitest";
import { PackageTransformError } from "../../src/project/run-per-package.js";
import { generateTracing } from "../../src/transforms/generate-tracing.js";
import { instrumentOperations } from "../../src/transforms/instrument-operations.js";
import { copyToTemp, FIXTURES_DIR, readTree, removeTemp } from "./support/fixture-cases.js";

const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map(removeTemp));
});

async function fixtureInput(name: string): Promise<string> {
  const dir = await copyToTemp(path.join(FIXTURES_DIR, name, "input"), name);
  temps.push(dir);
  return dir;
}

describe("project transforms over several packages", () => {
  it("report each failing package and keep the changes of the others", async () => {
    const good = await fixtureInput("generate-tracing-dbt-attributes");
    const bad = await fixtureInput("generate-tracing-invalid-override");
    const error = await Promise.resolve(generateTracing.run({ packageDirs: [bad, good], options: {} })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PackageTransformError);
    const failure = error as PackageTransformError;
    expect(failure.failures.map((f) => f.packageDir)).toEqual([bad]);
    expect(failure.message).toMatch(/^generate-tracing: floe-alert-slack: invalid package\.json floe\.tracerName/);
    expect(failure.changes.map((c) => path.relative(good, c.path)).sort()).toEqual([
      "package.json", // the test script and vitest for the generated test
      "src/fusion-plugin.ts",
      "src/tracing.ts",
      "test/tracing.test.ts",
    ]);
  });

  it("refuse CommonJS JavaScript, which the generated ES module imports would break", async () => {
    const dir = await fixtureInput("generate-tracing-js-package");
    const pkg = path.join(dir, "package.json");
    await writeFile(pkg, (await readFile(pkg, "utf8")).replace('"type": "module",', '"type": "commonjs",'));
    for (const transform of [generateTracing, instrumentOperations]) {
      await expect(transform.run({ packageDirs: [dir], options: {} })).rejects.toThrow(
        /floe-plugin-alert-webhook: src\/(tracing|webhook)\.js is CommonJS/,
      );
    }
  });

  it("leave telemetry backends and packages without operations to instrument alone", async () => {
    const telemetry = await fixtureInput("generate-tracing-telemetry-backend");
    const instrumented = path.join(FIXTURES_DIR, "instrument-operations-ts", "output");
    expect(await instrumentOperations.run({ packageDirs: [telemetry, instrumented], options: {} })).toEqual([]);
    expect(await generateTracing.run({ packageDirs: [telemetry], options: {} })).toEqual([]);
  });
});

describe("project transforms in a pipeline", () => {
  it("read the earlier steps' output through the runner's readFile overlay, never from a stale disk", async () => {
    const dir = await fixtureInput("generate-tracing-ts-alert-getter");
    const onDisk = await readTree(dir);
    const overlay = new Map<string, string>();
    const remember = (changes: FileChange[]) => changes.forEach((c) => overlay.set(c.path, c.content));
    const readFile = (file: string) => overlay.get(file);

    remember(await generateTracing.run({ packageDirs: [dir], options: {}, readFile }));
    const instrumented = await instrumentOperations.run({ packageDirs: [dir], options: {}, readFile });
    expect(instrumented.map((c) => path.relative(dir, c.path))).toEqual(["src/opsgenie-plugin.ts"]);
    const plugin = instrumented[0]!.content;
    // generate-tracing's edits survive (they exist only in the overlay), with instrument-operations' on top.
    expect(plugin).toContain('import { tracing } from "./tracing.js";');
    expect(plugin).toContain("export class OpsgenieAlertPlugin extends tracing.Plugin(PluginMetadata) {");
    expect(plugin).not.toContain("get tracerName()");
    expect(plugin).toContain('  @tracing.operation("sendAlert")\n  async sendAlert(');
    remember(instrumented);

    // Against the overlay, both steps are done; the disk was never written.
    expect(await generateTracing.run({ packageDirs: [dir], options: {}, readFile })).toEqual([]);
    expect(await instrumentOperations.run({ packageDirs: [dir], options: {}, readFile })).toEqual([]);
    expect(await readTree(dir)).toEqual(onDisk);
  });
});
