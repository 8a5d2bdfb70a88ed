/**
 * Which files the codemod looks at, on real temp trees: git's list inside a
 * work tree (no folder skipped by name, untracked-but-not-ignored included),
 * .gitignore semantics outside git, node_modules/dist always skipped,
 * --ignore-pattern and the configuration file, the ignore marker, and
 * symlinks (written through inside the tree, refused outside, never replaced).
 */
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { discover } from "../src/core/discover.js";
import { runCodemod, UsageError } from "../src/runner.js";
import { createRepo, type Repo } from "./helpers.js";

const RECORDS = `import type { Span } from "@opentelemetry/api";

export function fail(span: Span, err: Error): void {
  span.recordException(err);
}
`;
const SANITIZED = `import type { Span } from "@opentelemetry/api";
import { recordSanitizedException } from "@floe/runtime";

export function fail(span: Span, err: Error): void {
  recordSanitizedException(span, err);
}
`;
const BROKEN = `export function broken(span) {\n  span.recordException(err;\n}\n`;
const EXTENSIONS = [".ts", ".js"];

let cleanups: (() => void)[] = [];
function repo(files: Record<string, string>, options?: { git?: boolean }): Repo {
  const r = createRepo(files, options);
  cleanups.push(r.cleanup);
  return r;
}
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

async function found(r: Repo, paths: string[] = ["."], extra: Partial<Parameters<typeof discover>[1]> = {}): Promise<string[]> {
  const d = await discover(paths, { cwd: r.dir, extensions: EXTENSIONS, ...extra });
  return d.files.map((f) => path.relative(r.dir, f).split(path.sep).join("/"));
}

describe("discovery", () => {
  const TREE = {
    "packages/build/src/a.ts": RECORDS,
    "packages/cli/src/build/b.ts": RECORDS,
    "coverage-tools/c.ts": RECORDS,
    "dist/out.ts": RECORDS,
    "node_modules/dep/index.ts": RECORDS,
    "packages/cli/node_modules/x/y.ts": RECORDS,
    ".gitignore": "gen/\n*.local.ts\n",
    "gen/g.ts": RECORDS,
    "src/x.local.ts": RECORDS,
    "src/ok.ts": RECORDS,
  };

  it("in a git work tree: tracked and untracked-but-not-ignored files, no folder skipped by name, node_modules and dist skipped", async () => {
    const r = repo(TREE);
    r.write("src/untracked.ts", RECORDS);
    r.write("gen/also-ignored.ts", RECORDS);
    expect(await found(r)).toEqual(["coverage-tools/c.ts", "packages/build/src/a.ts", "packages/cli/src/build/b.ts", "src/ok.ts", "src/untracked.ts"]);
    expect(await found(r, ["packages/cli"])).toEqual(["packages/cli/src/build/b.ts"]);
  });

  it("a folder named on the command line that git ignores as a whole is still looked at", async () => {
    const r = repo({ ".gitignore": "scratch/\n", "src/ok.ts": RECORDS });
    r.write("scratch/try.ts", RECORDS);
    r.write("scratch/.gitignore", "*.skip.ts\n");
    r.write("scratch/x.skip.ts", RECORDS);
    expect(await found(r)).toEqual(["src/ok.ts"]);
    expect(await found(r, ["scratch"])).toEqual(["scratch/try.ts"]);
  });

  it("outside git: the same files, from .gitignore files", async () => {
    const r = repo(TREE, { git: false });
    expect(await found(r)).toEqual(["coverage-tools/c.ts", "packages/build/src/a.ts", "packages/cli/src/build/b.ts", "src/ok.ts"]);
  });

  it("outside git: negation, anchored and dir-only patterns, the deepest .gitignore deciding", async () => {
    const r = repo(
      {
        ".gitignore": "*.gen.ts\n/top.ts\ncache/\n",
        "a.gen.ts": RECORDS,
        "top.ts": RECORDS,
        "sub/top.ts": RECORDS,
        "sub/.gitignore": "!keep.gen.ts\n",
        "sub/keep.gen.ts": RECORDS,
        "sub/drop.gen.ts": RECORDS,
        "cache/c.ts": RECORDS,
        "sub/cache/c.ts": RECORDS,
      },
      { git: false },
    );
    expect(await found(r)).toEqual(["sub/keep.gen.ts", "sub/top.ts"]);
  });

  it("--ignore-pattern and the configuration file's ignores (relative to the file, found from a subfolder)", async () => {
    const r = repo({
      "package.json": JSON.stringify({ name: "x", "floe-codemod": { ignores: ["pkg/generated/", "**/*.fixture.ts"] } }),
      "pkg/src/a.ts": RECORDS,
      "pkg/src/a.fixture.ts": RECORDS,
      "pkg/generated/g.ts": RECORDS,
      "pkg/src/skip-me.ts": RECORDS,
    });
    const report = await runCodemod({ transform: "sanitize-exceptions", cwd: path.join(r.dir, "pkg"), dry: true, ignorePatterns: ["src/skip-me.ts"] });
    expect(report.files.map((f) => f.path)).toEqual(["src/a.ts"]);
    // a file named on the command line that an ignore matches is reported, not rewritten
    const explicit = await runCodemod({ transform: "sanitize-exceptions", cwd: path.join(r.dir, "pkg"), paths: ["generated/g.ts"], force: true });
    expect(explicit.files).toEqual([{ path: "generated/g.ts", status: "skipped", reason: "ignored by package.json" }]);
    expect(r.read("pkg/generated/g.ts")).toBe(RECORDS);
  });

  it("an invalid configuration file is a usage error naming the file", async () => {
    const r = repo({ "floe-codemod.config.json": JSON.stringify({ ignore: ["x"] }), "a.ts": RECORDS });
    await expect(runCodemod({ transform: "sanitize-exceptions", cwd: r.dir, dry: true })).rejects.toThrow(UsageError);
    await expect(runCodemod({ transform: "sanitize-exceptions", cwd: r.dir, dry: true })).rejects.toThrow(/floe-codemod\.config\.json: unknown key "ignore"/);
  });

  it("per-transform options from the configuration file reach the transform", async () => {
    const r = repo({
      "floe-codemod.config.json": JSON.stringify({ transforms: { "generate-tracing": { tracerName: "floe.alert.configured" } } }),
      "package.json": JSON.stringify({ name: "floe-alert-demo", version: "1.0.0", type: "module", dependencies: { "@floe/runtime": "*" }, floe: { plugin: "DemoAlertPlugin", type: "ALERT_CHANNEL" } }),
      "src/index.ts": `import { AlertChannelPlugin } from "@floe/runtime";\n\nexport class DemoAlertPlugin extends AlertChannelPlugin {\n  readonly name = "demo";\n  readonly version = "1.0.0";\n}\n`,
    });
    const report = await runCodemod({ transform: "generate-tracing", cwd: r.dir, dry: true, print: true });
    const tracing = report.files.find((f) => f.path === "src/tracing.ts");
    expect(tracing?.output).toContain('"floe.alert.configured"');
  });

  it("a file with the ignore marker is skipped as ignored, not a parse error, and check passes", async () => {
    const r = repo({ "src/ok.ts": SANITIZED, "scripts/unfinished.js": `// floe-codemod-ignore-file: unfinished, does not parse\n${BROKEN}` });
    const report = await runCodemod({ transform: "check", cwd: r.dir });
    expect(report.files.find((f) => f.path === "scripts/unfinished.js")).toEqual({ path: "scripts/unfinished.js", status: "skipped", reason: "ignored: floe-codemod-ignore-file comment" });
    expect(report.exitCode).toBe(0);
    // without the marker the same file is an error
    r.write("scripts/unfinished.js", BROKEN);
    expect((await runCodemod({ transform: "check", cwd: r.dir })).exitCode).toBe(1);
  });
});

describe("symlinks", () => {
  function outsideDir(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), "floe-codemod-outside-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  it("a link in the walk to a file inside the tree: the target is rewritten once, the link stays a link", async () => {
    const r = repo({ "src/real.ts": RECORDS }, { git: false });
    symlinkSync("real.ts", path.join(r.dir, "src", "link.ts"));
    symlinkSync("src/real.ts", path.join(r.dir, "other-link.ts"));
    const report = await runCodemod({ transform: "sanitize-exceptions", cwd: r.dir });
    expect(report.files).toEqual([expect.objectContaining({ path: "src/real.ts", status: "changed" })]);
    expect(r.read("src/real.ts")).toBe(SANITIZED);
    expect(lstatSync(path.join(r.dir, "src", "link.ts")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(r.dir, "src", "link.ts"))).toBe("real.ts");
    expect(lstatSync(path.join(r.dir, "other-link.ts")).isSymbolicLink()).toBe(true);
  });

  it("a link named on the command line is written through to its target in the tree", async () => {
    const r = repo({ "lib/target.ts": RECORDS });
    symlinkSync("lib/target.ts", path.join(r.dir, "src-link.ts"));
    r.commit();
    const report = await runCodemod({ transform: "sanitize-exceptions", cwd: r.dir, paths: ["src-link.ts"] });
    expect(report.files).toEqual([expect.objectContaining({ path: "lib/target.ts", status: "changed" })]);
    expect(r.read("lib/target.ts")).toBe(SANITIZED);
    expect(lstatSync(path.join(r.dir, "src-link.ts")).isSymbolicLink()).toBe(true);
  });

  it("a link to a file outside the given paths is refused with a per-file reason; neither link nor target changes", async () => {
    const outside = outsideDir();
    const r = repo({ "src/a.ts": RECORDS, "elsewhere/e.ts": RECORDS }, { git: false });
    const target = path.join(outside, "o.ts");
    symlinkSync(target, path.join(r.dir, "src", "out.ts"));
    symlinkSync("../elsewhere/e.ts", path.join(r.dir, "src", "sibling.ts"));
    writeFileSync(target, RECORDS);
    const report = await runCodemod({ transform: "sanitize-exceptions", cwd: r.dir, paths: ["src"] });
    const byPath = Object.fromEntries(report.files.map((f) => [f.path, f]));
    expect(byPath["src/a.ts"]?.status).toBe("changed");
    expect(byPath["src/out.ts"]).toEqual({ path: "src/out.ts", status: "skipped", reason: expect.stringMatching(/^symlink to .*o\.ts, outside the given paths/) });
    expect(byPath["src/sibling.ts"]?.status).toBe("skipped");
    expect(readFileSync(target, "utf8")).toBe(RECORDS);
    expect(r.read("elsewhere/e.ts")).toBe(RECORDS);
    expect(lstatSync(path.join(r.dir, "src", "out.ts")).isSymbolicLink()).toBe(true);

    // named on the command line: outside the work tree, refused too
    const explicit = await runCodemod({ transform: "sanitize-exceptions", cwd: r.dir, paths: ["src/out.ts"] });
    expect(explicit.files).toEqual([expect.objectContaining({ path: "src/out.ts", status: "skipped" })]);
    expect(readFileSync(target, "utf8")).toBe(RECORDS);
  });
});
