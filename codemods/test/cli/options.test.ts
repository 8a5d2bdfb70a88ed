/**
 * The real bin's argument handling: per-transform help, one-line errors with
 * exit code 2 for unknown options and bad values, the registry behind help
 * and `list`, and lazy loading (a file transform run never loads the project
 * transforms or ts-morph).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATE_STEPS, TRANSFORMS } from "../../src/transforms/index.js";
import { cli, ensureBuilt, PACKAGE_DIR } from "../helpers.js";

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), "floe-codemod-cli-"));
  writeFileSync(path.join(dir, "a.ts"), "export function f(span: { recordException(e: unknown): void }, e: Error) {\n  span.recordException(e);\n}\n");
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("floe-codemod <transform> --help", () => {
  for (const name of [...TRANSFORMS.keys(), "migrate", "check"]) {
    it(`${name} --help prints its own usage, options and example`, () => {
      const r = cli([name, "--help"], dir);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(new RegExp(`^Usage: floe-codemod ${name} \\[paths\\.\\.\\.\\] \\[options\\]`));
      expect(r.stdout).toMatch(/Example:\n {2}npx floe-codemod /);
      expect(r.stdout).toMatch(/Exit codes:\n {2}0 {2}done[\s\S]*\n {2}1 {2}[\s\S]*\n {2}2 {2}usage error/);
      expect(r.stdout).toContain(`README.md#${name}`);
    });
  }

  it("shows --tracer-name for generate-tracing and the pipelines only", () => {
    expect(cli(["generate-tracing", "--help"], dir).stdout).toMatch(/Options:\n\s+--tracer-name <name>/);
    expect(cli(["check", "-h"], dir).stdout).toMatch(/Options:\n\s+--tracer-name <name>/);
    expect(cli(["sanitize-exceptions", "--help"], dir).stdout).not.toContain("--tracer-name");
  });

  it("help <transform> is the same as <transform> --help; the global help names every transform", () => {
    expect(cli(["help", "migrate"], dir).stdout).toBe(cli(["migrate", "--help"], dir).stdout);
    const global = cli(["--help"], dir);
    expect(global.code).toBe(0);
    for (const name of [...TRANSFORMS.keys(), "migrate", "check", "list"]) expect(global.stdout).toMatch(new RegExp(`^ {2}${name} `, "m"));
  });
});

describe("usage errors", () => {
  it("an unknown option is one line naming the transform, exit 2", () => {
    const r = cli(["sanitize-exceptions", ".", "--foo"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("floe-codemod: unknown option '--foo' for sanitize-exceptions (see floe-codemod sanitize-exceptions --help)\n");
  });

  it("another transform's option is unknown too", () => {
    const r = cli(["sanitize-exceptions", ".", "--tracer-name", "floe.alert.x"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("floe-codemod: unknown option '--tracer-name' for sanitize-exceptions (see floe-codemod sanitize-exceptions --help)\n");
    expect(readFileSync(path.join(dir, "a.ts"), "utf8")).toContain("span.recordException(e)");
  });

  it("an invalid --tracer-name exits 2 with a single prefix, before anything runs", () => {
    const r = cli(["generate-tracing", ".", "--tracer-name", "Floe-Slack"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toMatch(/^floe-codemod: invalid --tracer-name: "Floe-Slack" does not match floe\.\{category\}\.\{implementation\}/);
    expect(r.stderr).not.toContain("generate-tracing:");
    const unknownCategory = cli(["migrate", ".", "--tracer-name", "floe.nosuch.x", "--dry"], dir);
    expect(unknownCategory.code).toBe(2);
    expect(unknownCategory.stderr).toContain('unknown category "nosuch"');
  });

  it("a missing value, a value for a flag, a bad --format or --workers: exit 2, one line", () => {
    for (const args of [
      ["generate-tracing", ".", "--tracer-name"],
      ["sanitize-exceptions", ".", "--dry=yes"],
      ["check", ".", "--format", "xml"],
      ["sanitize-exceptions", ".", "--workers", "two"],
      ["list", "--dry"],
      ["--frobnicate"],
    ]) {
      const r = cli(args, dir);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(/^floe-codemod: [^\n]+\n$/);
    }
  });

  it("an unknown transform lists the valid ones", () => {
    const r = cli(["sanitize-everything"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain([...TRANSFORMS.keys(), "migrate", "check", "list"].join(", "));
  });
});

describe("the registry behind list and migrate", () => {
  it("list --json describes each transform with its kind, options, example and docs link", () => {
    const list = JSON.parse(cli(["list", "--json"], dir).stdout) as { name: string; kind: string; options: { flag: string }[]; example: string; steps?: string[] }[];
    expect(list.map((t) => t.name)).toEqual([...TRANSFORMS.keys(), "migrate", "check"]);
    expect(list.find((t) => t.name === "generate-tracing")).toMatchObject({ kind: "project", options: [{ flag: "--tracer-name" }] });
    expect(list.find((t) => t.name === "sanitize-exceptions")).toMatchObject({ kind: "file", options: [] });
    expect(list.find((t) => t.name === "migrate")?.steps).toEqual(["rename-operation-name", "generate-tracing", "instrument-operations", "sanitize-exceptions"]);
    for (const t of list) expect(t.example).toMatch(new RegExp(`^floe-codemod ${t.name} `));
  });

  it("migrate runs the registry's steps in order", () => {
    expect(MIGRATE_STEPS).toEqual(["rename-operation-name", "generate-tracing", "instrument-operations", "sanitize-exceptions"]);
    const report = JSON.parse(cli(["migrate", ".", "--dry", "--json"], dir).stdout) as { steps: string[] };
    expect(report.steps).toEqual(MIGRATE_STEPS);
  });

  it("the README documents every transform under its own heading (the SARIF help links point there)", () => {
    const readme = readFileSync(path.join(PACKAGE_DIR, "README.md"), "utf8");
    for (const name of [...TRANSFORMS.keys(), "migrate", "check"]) expect(readme).toMatch(new RegExp(`^### \`${name}\`$`, "m"));
  });

  it("a file transform run loads only that transform's module: no project transform, no ts-morph", () => {
    const log = path.join(dir, "loaded.log");
    const hooks = path.join(dir, "hooks.mjs");
    const register = path.join(dir, "register.mjs");
    writeFileSync(
      hooks,
      `import { appendFileSync } from "node:fs";\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(${JSON.stringify(log)}, r.url + "\\n"); return r; }\n`,
    );
    writeFileSync(register, `import { register } from "node:module";\nregister(${JSON.stringify(new URL(`file://${hooks}`).href)});\n`);
    const r = spawnSync(process.execPath, ["--import", register, path.join(PACKAGE_DIR, "bin", "floe-codemod.js"), "sanitize-exceptions", "a.ts", "--dry"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, CI: "1" },
    });
    expect(r.status, r.stderr).toBe(0);
    const loaded = readFileSync(log, "utf8");
    expect(loaded).toContain("/dist/transforms/sanitize-exceptions.js");
    for (const absent of ["generate-tracing.js", "instrument-operations.js", "rename-operation-name.js", "/ts-morph/", "/project/"]) {
      expect(loaded, absent).not.toContain(absent);
    }
  });
});
