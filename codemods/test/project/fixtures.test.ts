// Directory snapshots of generate-tracing and instrument-operations: each case's input package is copied
// to a temp dir, transformed through the transform's run() API, compared file by file with output/,
// and transformed again to prove the second run changes nothing.
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PackageTransformError } from "../../src/project/run-per-package.js";
import { applyChanges, copyToTemp, loadCases, readTree, removeTemp } from "./support/fixture-cases.js";

const cases = await loadCases();
const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map(removeTemp));
});

describe.each(cases.map((c) => [c.name, c] as const))("%s", (_name, fixture) => {
  if (fixture.error !== undefined) {
    it(`fails: ${fixture.description}`, async () => {
      const dir = await copyToTemp(path.join(fixture.dir, "input"), fixture.name);
      temps.push(dir);
      const before = await readTree(dir);
      const failure = await Promise.resolve(fixture.transform.run({ packageDirs: [dir], options: fixture.options })).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(PackageTransformError);
      const error = failure as PackageTransformError;
      expect(error.message).toMatch(new RegExp(fixture.error!));
      expect(error.failures.map((f) => f.packageDir)).toEqual([dir]);
      expect(error.changes).toEqual([]);
      expect(await readTree(dir)).toEqual(before);
    });
    return;
  }

  it(fixture.description, async () => {
    const dir = await copyToTemp(path.join(fixture.dir, "input"), fixture.name);
    temps.push(dir);
    const input = await readTree(dir);
    const expected = await readTree(path.join(fixture.dir, "output"));

    const changes = await fixture.transform.run({ packageDirs: [dir], options: fixture.options });
    // Only files whose content changes are returned, flagged `created` when new.
    const changedPaths = Object.keys(expected).filter((file) => input[file] !== expected[file]);
    expect(changes.map((c) => path.relative(dir, c.path)).sort()).toEqual(changedPaths);
    for (const change of changes) {
      expect(change.created === true, change.path).toBe(input[path.relative(dir, change.path)] === undefined);
    }

    await applyChanges(changes);
    expect(await readTree(dir)).toEqual(expected);

    const again = await fixture.transform.run({ packageDirs: [dir], options: fixture.options });
    expect(again).toEqual([]);
  });
});
