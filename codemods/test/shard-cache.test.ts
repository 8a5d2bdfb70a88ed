/**
 * Scaling `check` out and making it cheap to repeat: `--shard i/n` splits the
 * work (a plugin package stays whole) so that the shards together report
 * exactly what one unsharded run reports, each finding once; `merge-sarif`
 * turns the shards' SARIF into the unsharded log; `--cache` answers a second
 * run on an unchanged tree from the stored report and runs again as soon as a
 * file, the configuration or an option changes.
 */
import { cpSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseShard, selectShard, shardOf } from "../src/core/shard.js";
import { runCodemod } from "../src/runner.js";
import { cli, createRepo, ensureBuilt, PACKAGE_DIR, type Repo } from "./helpers.js";

const PLUGIN_FIXTURE = path.join(PACKAGE_DIR, "test", "fixtures", "project", "generate-tracing-option-override", "input");
const raw = (i: number) => `import type { Span } from "@opentelemetry/api";

export function fail${i}(span: Span, err: Error): void {
  span.recordException(err);
}
`;

let repo: Repo;
beforeAll(() => {
  ensureBuilt();
  const files: Record<string, string> = { "package.json": JSON.stringify({ name: "shard-monorepo", private: true }) + "\n" };
  for (let i = 0; i < 12; i++) files[`apps/app-${i}/src/fail.ts`] = raw(i);
  repo = createRepo(files);
  for (let i = 0; i < 4; i++) cpSync(PLUGIN_FIXTURE, path.join(repo.dir, "plugins", `alert-${i}`), { recursive: true });
  repo.commit("tree");
}, 120_000);
afterAll(() => repo?.cleanup());

const changedPaths = (files: readonly { path: string; status: string }[]) => files.filter((f) => f.status === "changed").map((f) => f.path);

describe("--shard i/n", () => {
  it("is parsed strictly and assigns by a stable hash of the path", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    for (const bad of ["0/2", "3/2", "1/0", "a/b", "1", "1/2/3", "-1/2"]) expect(() => parseShard(bad), bad).toThrow(/invalid --shard/);
    expect(shardOf("plugins/alert-slack", 4)).toBe(shardOf("plugins/alert-slack", 4));
    const root = "/repo";
    const picked = [1, 2, 3].map((index) => selectShard({ index, count: 3 }, root, ["/repo/a.ts", "/repo/p/src/x.ts", "/repo/p/test/y.ts", "/repo/b.ts"], ["/repo/p"]));
    // a package's files go with the package; every unit lands in exactly one shard
    for (const shard of picked) expect(shard.files.includes("/repo/p/src/x.ts")).toBe(shard.packageDirs.includes("/repo/p"));
    expect(picked.flatMap((s) => s.files).sort()).toEqual(["/repo/a.ts", "/repo/b.ts", "/repo/p/src/x.ts", "/repo/p/test/y.ts"]);
  });

  it("the shards of check report, together and each finding once, what one unsharded check reports", async () => {
    const whole = await runCodemod({ transform: "check", cwd: repo.dir, workers: 0 });
    expect(whole.summary.changed).toBeGreaterThan(12);
    const shards = await Promise.all([1, 2, 3].map((index) => runCodemod({ transform: "check", cwd: repo.dir, workers: 0, shard: { index, count: 3 } })));
    const union = shards.flatMap((s) => changedPaths(s.files));
    expect(union.sort()).toEqual(changedPaths(whole.files).sort());
    expect(new Set(union).size).toBe(union.length);
    expect(shards.filter((s) => s.summary.changed > 0).length).toBeGreaterThan(1); // the work is really split
    for (const s of shards) expect(s.shard?.count).toBe(3);
    // a plugin package is checked whole, by one shard
    for (let i = 0; i < 4; i++) {
      const owners = shards.filter((s) => changedPaths(s.files).some((p) => p.startsWith(`plugins/alert-${i}/`)));
      expect(owners.length, `plugins/alert-${i}`).toBe(1);
    }
  }, 180_000);

  it("merge-sarif of the shards' logs has the unsharded log's results, in one run", () => {
    const whole = cli(["check", ".", "--format", "sarif"], repo.dir);
    expect(whole.code).toBe(1);
    const logs = [1, 2].map((index) => {
      const r = cli(["check", ".", "--format", "sarif", "--shard", `${index}/2`], repo.dir);
      const file = repo.write(`.shards/shard-${index}.sarif`, r.stdout);
      return path.relative(repo.dir, file);
    });
    const merged = cli(["merge-sarif", ...logs], repo.dir);
    expect(merged.code, merged.stderr).toBe(0);
    type Log = { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; partialFingerprints: object; locations: unknown }[] }[] };
    const mergedLog = JSON.parse(merged.stdout) as Log;
    const wholeLog = JSON.parse(whole.stdout) as Log;
    expect(mergedLog.runs).toHaveLength(1);
    const key = (r: Log["runs"][0]["results"][0]) => JSON.stringify([r.ruleId, r.locations, r.partialFingerprints]);
    expect(mergedLog.runs[0]!.results.map(key).sort()).toEqual(wholeLog.runs[0]!.results.map(key).sort());
    const rules = mergedLog.runs[0]!.tool.driver.rules.map((r) => r.id);
    for (const r of mergedLog.runs[0]!.results) expect(rules[r.ruleIndex]).toBe(r.ruleId);

    const bad = cli(["merge-sarif", logs[0]!, "package.json"], repo.dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/merge-sarif: package\.json: not a SARIF 2\.1\.0 log/);
  }, 180_000);
});

describe("--cache", () => {
  it("answers an unchanged check from the stored report and runs again when a file, an option or the configuration changes", async () => {
    const cache = path.join(repo.dir, ".floe-cache");
    const check = (extra: object = {}) => runCodemod({ transform: "check", cwd: repo.dir, workers: 0, cache, ...extra });
    const first = await check();
    expect(first.cached).toBeUndefined();
    const second = await check();
    expect(second.cached).toBe(true);
    expect(second.files).toEqual(first.files);
    expect(second.exitCode).toBe(first.exitCode);

    // a file's content changes: a fresh run that sees it
    repo.write("apps/app-0/src/fail.ts", raw(0).replace("span.recordException(err);", "void span;"));
    const edited = await check();
    expect(edited.cached).toBeUndefined();
    expect(changedPaths(edited.files)).not.toContain("apps/app-0/src/fail.ts");
    expect((await check()).cached).toBe(true);

    // an option, the shard, the configuration: each a different result
    expect((await check({ tracerName: "floe.alert.other" })).cached).toBeUndefined();
    expect((await check({ shard: { index: 1, count: 2 } })).cached).toBeUndefined();
    repo.write("floe-codemod.config.json", JSON.stringify({ ignores: ["apps/app-1/"] }));
    const configured = await check();
    expect(configured.cached).toBeUndefined();
    expect(changedPaths(configured.files)).not.toContain("apps/app-1/src/fail.ts");
  }, 180_000);

  it("from the command line: the second check says it is cached and prints the same findings", () => {
    const first = cli(["check", "apps", "--cache", "--cache-location", ".cli-cache"], repo.dir);
    const second = cli(["check", "apps", "--cache", "--cache-location", ".cli-cache"], repo.dir);
    expect(second.code).toBe(first.code);
    expect(second.stderr).toMatch(/, cached\)/);
    expect(second.stdout).toBe(first.stdout);
  }, 120_000);
});
