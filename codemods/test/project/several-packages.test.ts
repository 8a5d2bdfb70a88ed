// A run over several packages: one package's error does not lose the others' changes; the runner gets a
// PackageTransformError naming the failing package and carrying the successful packages' changes.
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PackageTransformError } from "../../src/project/run-per-package.js";
import { generateTracing } from "../../src/transforms/generate-tracing.js";
import { instrumentOperations } from "../../src/transforms/instrument-operations.js";
import { copyToTemp, FIXTURES_DIR, removeTemp } from "./support/fixture-cases.js";

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
      "src/fusion-plugin.ts",
      "src/tracing.ts",
      "test/tracing.test.ts",
    ]);
  });

  it("leave telemetry backends and packages without operations to instrument alone", async () => {
    const telemetry = await fixtureInput("generate-tracing-telemetry-backend");
    const instrumented = path.join(FIXTURES_DIR, "instrument-operations-ts", "output");
    expect(await instrumentOperations.run({ packageDirs: [telemetry, instrumented], options: {} })).toEqual([]);
    expect(await generateTracing.run({ packageDirs: [telemetry], options: {} })).toEqual([]);
  });
});
