/**
 * `check --format sarif` carries what GitHub code scanning needs: rules with
 * full description, text and markdown help and a help link; results with a
 * region (line and column) in an existing file, URIs relative to the
 * repository root under %SRCROOT%, stable partialFingerprints; files that do
 * not exist yet and package failures as notifications without a location;
 * nothing but the SARIF log on stdout.
 *
 * With SARIF_SCHEMA=<path to sarif-schema-2.1.0.json> (the OASIS schema, not
 * shipped here) the log is also validated against the full schema with the
 * ajv that ESLint installs.
 */
import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cli, createRepo, ensureBuilt, PACKAGE_DIR, type Repo } from "../helpers.js";

const PLUGIN_FIXTURE = path.join(PACKAGE_DIR, "test", "fixtures", "project", "generate-tracing-already-generated", "input");
const RAW = `import type { Span } from "@opentelemetry/api";

export function fail(span: Span, err: Error): void {
  if (err) span.recordException(err);
}
`;

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { rules: Record<string, any>[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: Record<string, any>[] }[];
    results: Record<string, any>[];
  }[];
}

let repos: Repo[] = [];
function repo(files: Record<string, string>): Repo {
  const r = createRepo(files);
  repos.push(r);
  return r;
}
beforeAll(() => ensureBuilt(), 120_000);
afterEach(() => {
  for (const r of repos) r.cleanup();
  repos = [];
});

function sarif(args: string[], cwd: string): SarifLog {
  const r = cli(["check", ...args, "--format", "sarif"], cwd);
  expect(r.code, r.stderr).toBe(1);
  return JSON.parse(r.stdout) as SarifLog; // stdout is the log and nothing else
}

const SCHEMA = process.env.SARIF_SCHEMA;

describe("check --format sarif", () => {
  it("results: region with startColumn, %SRCROOT%-relative URIs from a subdirectory, stable fingerprints", () => {
    const r = repo({ "pkg/src/a.ts": RAW, "pkg/src/b.ts": RAW, "README.md": "x\n" });
    const log = sarif(["src"], path.join(r.dir, "pkg"));
    const run = log.runs[0]!;
    expect(log.version).toBe("2.1.0");
    expect(run.originalUriBaseIds["%SRCROOT%"]!.uri).toBe(pathToFileURL(r.dir).href.replace(/\/?$/, "/"));
    const a = run.results.filter((x) => x.locations[0].physicalLocation.artifactLocation.uri === "pkg/src/a.ts");
    expect(a.length).toBeGreaterThan(0);
    const call = a.find((x) => x.locations[0].physicalLocation.region.startLine === 4)!;
    expect(call.ruleId).toBe("sanitize-exceptions");
    expect(call.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "pkg/src/a.ts", uriBaseId: "%SRCROOT%" },
      region: { startLine: 4, startColumn: 12 }, // where `span.recordException` starts to change
    });
    expect(call.message.text).toContain("Fix: npx floe-codemod sanitize-exceptions src/a.ts");
    const fingerprint = call.partialFingerprints["floeFinding/v1"];
    expect(fingerprint).toMatch(/^[0-9a-f]{32}$/);
    // Same finding, moved down two lines: same fingerprint; the same code in another file: another one.
    r.write("pkg/src/a.ts", `// one\n// two\n${RAW}`);
    const moved = sarif(["src"], path.join(r.dir, "pkg")).runs[0]!.results.find(
      (x) => x.locations[0].physicalLocation.artifactLocation.uri === "pkg/src/a.ts" && x.locations[0].physicalLocation.region.startLine === 6,
    )!;
    expect(moved.partialFingerprints["floeFinding/v1"]).toBe(fingerprint);
    const inB = run.results.find((x) => x.locations[0].physicalLocation.artifactLocation.uri === "pkg/src/b.ts" && x.locations[0].physicalLocation.region.startLine === 4)!;
    expect(inB.partialFingerprints["floeFinding/v1"]).not.toBe(fingerprint);
  });

  it("rules: full description, text and markdown help, help link", () => {
    const r = repo({ "a.ts": RAW });
    const rules = sarif(["."], r.dir).runs[0]!.tool.driver.rules;
    expect(rules.map((x) => x.id)).toEqual(["rename-operation-name", "generate-tracing", "instrument-operations", "sanitize-exceptions"]);
    for (const rule of rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
      expect(rule.fullDescription.text.length).toBeGreaterThan(rule.shortDescription.text.length);
      expect(rule.help.text).toContain(`npx floe-codemod ${rule.id} `);
      expect(rule.help.markdown).toContain("```sh");
      expect(rule.helpUri).toMatch(new RegExp(`^https://.+/codemods/README\\.md#${rule.id}$`));
    }
  });

  it("a file that does not exist yet is a notification without a location, not a result", () => {
    const r = repo({ ".gitignore": "node_modules\n" });
    cpSync(PLUGIN_FIXTURE, path.join(r.dir, "plugin"), { recursive: true });
    rmSync(path.join(r.dir, "plugin", "src", "tracing.ts"));
    r.commit();
    const run = sarif(["."], r.dir).runs[0]!;
    const uris = run.results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri as string);
    expect(uris).not.toContain("plugin/src/tracing.ts");
    for (const uri of uris) expect(existsSync(path.join(r.dir, uri)), uri).toBe(true);
    const notes = run.invocations[0]!.toolExecutionNotifications;
    const created = notes.find((n) => n.message.text.startsWith("generate-tracing would create plugin/src/tracing.ts"));
    expect(created, JSON.stringify(notes)).toMatchObject({ level: "warning", associatedRule: { id: "generate-tracing" }, properties: { fix: "npx floe-codemod generate-tracing plugin" } });
    expect(created!.locations).toBeUndefined();
  });

  it("a package a transform cannot handle is an error notification without a fake location", () => {
    const r = repo({ "broken/package.json": '{ "name": "floe-alert-broken", "floe": { "type": "ALERT_CHANNEL" } }\n', "broken/src/index.ts": "export const x = 1;\n" });
    const run = sarif(["."], r.dir).runs[0]!;
    const failed = run.invocations[0]!.toolExecutionNotifications.find((n) => n.level === "error")!;
    expect(failed.message.text).toMatch(/^floe-alert-broken: no plugin class/);
    expect(failed.associatedRule.id).toBe("generate-tracing");
    expect(failed.locations).toBeUndefined();
    expect(JSON.stringify(run)).not.toContain("(generate-tracing)");
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
  });

  it.runIf(SCHEMA)("validates against the SARIF 2.1.0 JSON schema", () => {
    const r = repo({ "a.ts": RAW });
    const log = sarif(["."], r.dir);
    // ajv 6 (ESLint's) speaks the schema's draft-04.
    const fromEslint = createRequire(path.join(PACKAGE_DIR, "..", "node_modules", "eslint", "package.json"));
    const Ajv = fromEslint("ajv") as new (options: object) => { addMetaSchema(s: object): void; validate(s: object, d: unknown): boolean; errors: unknown };
    const ajv = new Ajv({ schemaId: "id", allErrors: true, unknownFormats: "ignore" });
    ajv.addMetaSchema(fromEslint("ajv/lib/refs/json-schema-draft-04.json") as object);
    const schema = JSON.parse(readFileSync(SCHEMA!, "utf8")) as object;
    const valid = ajv.validate(schema, log);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
});
