/**
 * The built CLI against throwaway git repositories: guards, exit codes,
 * reports, and what it must never touch.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cli, createRepo, ensureBuilt, type Repo } from "./helpers.js";

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

const BROKEN = `export function broken(span) {
  span.recordException(err;
}
`;

let repos: Repo[] = [];
function repo(files: Record<string, string>, options?: { git?: boolean }): Repo {
  const r = createRepo(files, options);
  repos.push(r);
  return r;
}

beforeAll(() => ensureBuilt(), 120_000);
afterEach(() => {
  for (const r of repos) r.cleanup();
  repos = [];
});

describe("floe-codemod CLI", () => {
  it("rewrites files, reports them, and a second run changes nothing", () => {
    const r = repo({ "src/a.ts": RECORDS, "src/clean.ts": "export const x = 1;\n" });
    const first = cli(["sanitize-exceptions", "."], r.dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/changed\s+src\/a\.ts \(sanitize-exceptions\)/);
    expect(first.stdout).toContain("sanitize-exceptions: 1 changed, 0 unchanged, 1 skipped, 0 errors");
    expect(r.read("src/a.ts")).toBe(SANITIZED);
    r.commit();
    const second = cli(["sanitize-exceptions", "."], r.dir);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("0 changed");
    expect(r.read("src/a.ts")).toBe(SANITIZED);
  });

  it("check on an application that uses the runtime but declares no plugin: no plugin-class error, raw calls still found", () => {
    const app = {
      "package.json": '{ "name": "my-app", "version": "1.0.0", "type": "module", "dependencies": { "@floe/runtime": "^0.1.0" } }\n',
      "src/load.ts": 'import { traced } from "@floe/runtime";\nexport const load = traced({ name: "app.load" }, async (id: string) => id.toUpperCase());\n',
    };
    const clean = cli(["check", "."], repo(app).dir);
    expect(clean.stderr + clean.stdout).not.toMatch(/no plugin class/);
    expect(clean.code).toBe(0);

    const withRaw = cli(["check", "."], repo({ ...app, "src/a.ts": RECORDS }).dir);
    expect(withRaw.stderr + withRaw.stdout).not.toMatch(/no plugin class/);
    expect(withRaw.code).toBe(1);
    expect(withRaw.stdout).toMatch(/src\/a\.ts/);
  }, 120_000); // two check runs, each loading the project transforms' type checker

  it("refuses a dirty tree (exit 2) unless --force; --dry prints a diff and writes nothing", () => {
    const r = repo({ "src/a.ts": RECORDS });
    r.write("src/a.ts", RECORDS + "// edited\n");
    const refused = cli(["sanitize-exceptions", "src"], r.dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/uncommitted changes/);
    expect(r.read("src/a.ts")).toBe(RECORDS + "// edited\n");

    const dry = cli(["sanitize-exceptions", "src", "--dry"], r.dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("--- a/src/a.ts");
    expect(dry.stdout).toContain("+++ b/src/a.ts");
    expect(dry.stdout).toContain('+import { recordSanitizedException } from "@floe/runtime";');
    expect(dry.stdout).toContain("-  span.recordException(err);");
    expect(r.read("src/a.ts")).toBe(RECORDS + "// edited\n");

    const forced = cli(["sanitize-exceptions", "src", "--force"], r.dir);
    expect(forced.code).toBe(0);
    expect(r.read("src/a.ts")).toBe(SANITIZED + "// edited\n");
  });

  it("does not check the tree outside a git repository", () => {
    const r = repo({ "a.ts": RECORDS }, { git: false });
    expect(cli(["sanitize-exceptions", "."], r.dir).code).toBe(0);
    expect(r.read("a.ts")).toBe(SANITIZED);
  });

  it("reports an unparsable file with the parser's message and line, leaves it byte-identical, exits 1", () => {
    const r = repo({ "src/a.ts": RECORDS, "src/broken.js": BROKEN });
    const result = cli(["sanitize-exceptions", ".", "--json"], r.dir);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toMatchObject({ total: 2, changed: 1, error: 1 });
    const broken = report.files.find((f: { path: string }) => f.path === "src/broken.js");
    expect(broken.status).toBe("error");
    expect(broken.reason).toMatch(/parse error: .*\(line 2, column \d+\)/);
    expect(broken.line).toBe(2);
    expect(r.read("src/broken.js")).toBe(BROKEN);
    expect(r.read("src/a.ts")).toBe(SANITIZED);
    expect(report.files.find((f: { path: string }) => f.path === "src/a.ts")).toMatchObject({
      status: "changed",
      changes: [{ transform: "sanitize-exceptions", lines: [2, 4] }],
    });
  });

  it("exit 2 and the list of valid transforms for an unknown transform or option", () => {
    const r = repo({ "a.ts": RECORDS });
    const unknown = cli(["sanitize-everything", "."], r.dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("sanitize-exceptions, rename-operation-name, generate-tracing, instrument-operations, migrate, check");
    expect(cli(["sanitize-exceptions", "--frobnicate"], r.dir).code).toBe(2);
    expect(cli(["sanitize-exceptions", "no/such/path"], r.dir).code).toBe(2);
    const help = cli(["--help"], r.dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit codes:[\s\S]*0 {2}done[\s\S]*1 {2}some file failed[\s\S]*2 {2}usage error/);
  });

  it("respects nested .gitignore files and always skips node_modules and dist", () => {
    const r = repo({
      "src/a.ts": RECORDS,
      "src/generated/.gitignore": "out/\n",
      "src/generated/out/gen.ts": RECORDS,
      ".gitignore": "*.local.ts\n",
      "src/b.local.ts": RECORDS,
      "node_modules/dep/index.ts": RECORDS,
      "dist/index.ts": RECORDS,
    });
    const result = cli(["sanitize-exceptions", ".", "--json", "--force"], r.dir);
    expect(result.code).toBe(0);
    const paths = JSON.parse(result.stdout).files.map((f: { path: string }) => f.path);
    expect(paths).toEqual(["src/a.ts"]);
    for (const rel of ["src/generated/out/gen.ts", "src/b.local.ts", "node_modules/dep/index.ts", "dist/index.ts"]) {
      expect(r.read(rel)).toBe(RECORDS);
    }
  });

  it("keeps CRLF line endings and the BOM when writing", () => {
    const crlf = RECORDS.replace(/\n/g, "\r\n");
    const r = repo({ "crlf.ts": crlf, "bom.ts": `\uFEFF${RECORDS}` });
    expect(cli(["sanitize-exceptions", "."], r.dir).code).toBe(0);
    expect(r.read("crlf.ts")).toBe(SANITIZED.replace(/\n/g, "\r\n"));
    expect(r.read("bom.ts")).toBe(`\uFEFF${SANITIZED}`);
  });

  it("--print prints the transformed source without a diff", () => {
    const r = repo({ "a.ts": RECORDS });
    const result = cli(["sanitize-exceptions", "a.ts", "--print", "--dry"], r.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(SANITIZED);
  });

  it("worker threads give the same result as in-process", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`src/f${i}.ts`] = i % 3 === 0 ? RECORDS : `export const v${i} = ${i};\n`;
    files["src/broken.ts"] = BROKEN;
    const r = repo(files);
    const result = cli(["sanitize-exceptions", ".", "--json", "--workers", "2"], r.dir);
    const report = JSON.parse(result.stdout);
    expect(report.stats.workers).toBe(2);
    expect(report.summary).toMatchObject({ total: 31, changed: 10, skipped: 20, error: 1 });
    expect(result.code).toBe(1);
    expect(r.read("src/f3.ts")).toBe(SANITIZED);
    expect(r.read("src/broken.ts")).toBe(BROKEN);
  });

  it("check changes nothing and exits 1 with a JSON or SARIF report when a transform would change a file", () => {
    const r = repo({
      "src/a.ts": RECORDS,
      "src/op.ts": `import { traced } from "@floe/iceberg/telemetry";\n\nexport const op = traced({ operationName: "op" });\n`,
    });
    const json = cli(["check", ".", "--format", "json"], r.dir);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.mode).toBe("check");
    const byPath = Object.fromEntries(report.files.map((f: { path: string }) => [f.path, f]));
    expect(byPath["src/a.ts"].changes.map((c: { transform: string }) => c.transform)).toEqual(["sanitize-exceptions"]);
    expect(byPath["src/op.ts"].changes.map((c: { transform: string }) => c.transform)).toEqual(["rename-operation-name"]);
    expect(byPath["src/op.ts"].diff).toContain('+import { traced } from "@floe/runtime";');
    expect(r.read("src/a.ts")).toBe(RECORDS);

    const sarif = cli(["check", ".", "--format", "sarif"], r.dir);
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout);
    expect(log.version).toBe("2.1.0");
    const ruleIds = log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ruleIds).toEqual(expect.arrayContaining(["sanitize-exceptions", "rename-operation-name", "generate-tracing", "instrument-operations"]));
    const result = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === "sanitize-exceptions");
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: "src/a.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 2, startColumn: 1 } });
    expect(log.runs[0].results.some((x: { ruleId: string; locations: any[] }) => x.ruleId === "sanitize-exceptions" && x.locations[0].physicalLocation.region.startLine === 4)).toBe(true);
  });

  it("check exits 0 on a migrated tree", () => {
    const r = repo({ "src/a.ts": SANITIZED });
    const result = cli(["check", "."], r.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("check: 0 would change");
  });

  it("list describes every transform", () => {
    const r = repo({}, { git: false });
    const result = cli(["list", "--json"], r.dir);
    expect(result.code).toBe(0);
    const names = JSON.parse(result.stdout).map((t: { name: string }) => t.name);
    expect(names).toEqual(["sanitize-exceptions", "rename-operation-name", "generate-tracing", "instrument-operations", "migrate", "check"]);
  });
});
