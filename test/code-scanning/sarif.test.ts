/**
 * Code scanning: the SARIF that GitHub would upload, from both tools that produce it,
 * validated against the SARIF 2.1.0 JSON schema and checked for what GitHub needs.
 *
 * - `floe-codemod check --format sarif` over a copy of the bundled legacy example in a
 *   fresh git repository: rules with full description, help and help link; results with
 *   URIs relative to the repository root (`uriBaseId` + `originalUriBaseIds`), regions
 *   with `startColumn`, only on files that exist; `partialFingerprints` that survive a
 *   re-run and lines shifting above the finding; files a transform would create and
 *   failures without a real place as notifications with no location; the SARIF alone on
 *   stdout.
 * - ESLint with `@microsoft/eslint-formatter-sarif` (what GitHub's ESLint workflow uses)
 *   over our rules: valid, every floe rule with its description and a docs link that the
 *   package ships.
 *
 * The schema is sarif-2.1.0-rtm.5.json (draft-04; schemastore's SARIF 2.1.0 schema), taken
 * unchanged from the npm package @microsoft/jest-sarif@1.0.0-beta.0 (MIT),
 * lib/schemas/sarif-2.1.0-rtm.5.json, sha256 2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import floe from "eslint-plugin-floe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..", "..");
const CLI = path.join(repoRoot, "codemods", "bin", "floe-codemod.js");
const schema = JSON.parse(readFileSync(path.join(here, "sarif-2.1.0-rtm.5.json"), "utf8")) as object;
// ajv-draft-04 (the schema is draft-04) is CommonJS (`module.exports = Ajv`). The schema's language-tag pattern is not valid with the `u` flag.
interface Validator {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string }[] | null;
}
// ajv-formats checks the schema's `uri`, `uri-reference` and `date-time` formats.
const load = createRequire(import.meta.url);
const Ajv = load("ajv-draft-04") as new (options: object) => { compile(schema: object): Validator };
const addFormats = load("ajv-formats") as (ajv: object) => void;
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

interface Location {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number; startColumn?: number } };
}
interface SarifRun {
  tool: { driver: { name: string; rules: { id: string; helpUri?: string; shortDescription?: { text: string }; fullDescription?: { text: string }; help?: { text: string } }[] } };
  originalUriBaseIds?: Record<string, { uri: string }>;
  invocations?: { toolExecutionNotifications?: { message: { text: string }; locations?: Location[]; properties?: Record<string, string> }[] }[];
  results: { ruleId: string; ruleIndex?: number; level: string; locations: Location[]; partialFingerprints?: Record<string, string> }[];
}
interface SarifLog {
  version: string;
  runs: SarifRun[];
}

function schemaErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

let repo: string;

function git(args: readonly string[]) {
  const r = spawnSync("git", ["-c", "user.email=ci@example.invalid", "-c", "user.name=ci", ...args], { cwd: repo, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
}

function check(): { code: number | null; log: SarifLog; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, "check", "--format", "sarif", "plugin"], { cwd: repo, encoding: "utf8", timeout: 180_000 });
  expect(r.error).toBeUndefined();
  return { code: r.status, log: JSON.parse(r.stdout) as SarifLog, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  repo = mkdtempSync(path.join(os.tmpdir(), "floe-code-scanning-"));
  cpSync(path.join(repoRoot, "examples", "floe-alert-pagerduty"), path.join(repo, "plugin"), { recursive: true });
  git(["init", "-q"]);
  git(["add", "-A"]);
  git(["commit", "-qm", "legacy plugin"]);
});
afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

describe("floe-codemod check --format sarif", () => {
  let first: ReturnType<typeof check>;
  beforeAll(() => {
    first = check();
  }, 200_000);

  it("is valid SARIF 2.1.0, alone on stdout, and exits 1 (findings)", () => {
    expect(first.code).toBe(1);
    expect(first.stdout.trimStart().startsWith("{")).toBe(true);
    expect(schemaErrors(first.log)).toEqual([]);
    expect(first.log.version).toBe("2.1.0");
  });

  it("describes every rule with a full description, help text and a help link", () => {
    const run = first.log.runs[0]!;
    expect(run.tool.driver.name).toBe("floe-codemod");
    expect(run.tool.driver.rules.length).toBeGreaterThan(0);
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription?.text, rule.id).toBeTruthy();
      expect(rule.fullDescription?.text, rule.id).toBeTruthy();
      expect(rule.help?.text, rule.id).toContain(`npx floe-codemod ${rule.id}`);
      expect(rule.helpUri, rule.id).toMatch(/^https:\/\/.+#/);
    }
  });

  it("places results relative to the repository root, with line and column, on files that exist", () => {
    const run = first.log.runs[0]!;
    expect(run.results.length).toBeGreaterThan(5);
    expect(run.originalUriBaseIds?.["%SRCROOT%"]?.uri).toBe(pathToFileURL(repo).href + "/");
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex!]?.id).toBe(result.ruleId);
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      expect(artifactLocation.uriBaseId).toBe("%SRCROOT%");
      expect(artifactLocation.uri).toMatch(/^plugin\//);
      expect(existsSync(path.join(repo, artifactLocation.uri)), artifactLocation.uri).toBe(true);
      expect(region!.startLine).toBeGreaterThanOrEqual(1);
      expect(region!.startColumn).toBeGreaterThanOrEqual(1);
    }
  });

  it("reports files a transform would create as notifications without a location", () => {
    const notifications = first.log.runs[0]!.invocations![0]!.toolExecutionNotifications ?? [];
    const created = notifications.filter((n) => n.properties?.["file"]);
    expect(created.map((n) => n.properties!["file"]).sort()).toEqual(["plugin/src/tracing.ts", "plugin/test/tracing.test.ts"]);
    for (const n of notifications) expect(n.locations, n.message.text).toBeUndefined();
  });

  it("keeps partialFingerprints across a re-run and when lines shift above a finding", () => {
    const fingerprints = (log: SarifLog) =>
      log.runs[0]!.results.map((r) => `${r.ruleId} ${r.locations[0]!.physicalLocation.artifactLocation.uri} ${Object.values(r.partialFingerprints ?? {}).join()}`).sort();
    const before = fingerprints(first.log);
    expect(new Set(before).size).toBe(before.length);
    expect(fingerprints(check().log)).toEqual(before);

    const file = path.join(repo, "plugin", "src", "plugin.ts");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, `// a comment\n// another\n${original}`);
    try {
      const shifted = check().log;
      expect(schemaErrors(shifted)).toEqual([]);
      expect(fingerprints(shifted)).toEqual(before);
    } finally {
      writeFileSync(file, original);
    }
  }, 400_000);
});

describe("ESLint's SARIF formatter over eslint-plugin-floe", () => {
  it("is valid SARIF 2.1.0 with every floe rule described and linked to a docs page that ships", async () => {
    const eslint = new ESLint({
      cwd: repo,
      overrideConfigFile: true,
      overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tsParser } }, floe.configs.recommended],
    });
    const results = await eslint.lintFiles(["plugin/src"]);
    const formatter = await eslint.loadFormatter(createRequire(import.meta.url).resolve("@microsoft/eslint-formatter-sarif"));
    const log = JSON.parse(await formatter.format(results)) as SarifLog;
    expect(schemaErrors(log)).toEqual([]);
    const run = log.runs[0]!;
    expect(run.results.length).toBeGreaterThan(3);
    const pluginDir = path.dirname(createRequire(import.meta.url).resolve("eslint-plugin-floe/package.json"));
    for (const result of run.results) {
      expect(result.ruleId).toMatch(/^floe\//);
      const rule = run.tool.driver.rules[result.ruleIndex!]!;
      expect(rule.id).toBe(result.ruleId);
      expect(rule.shortDescription?.text).toBeTruthy();
      const name = result.ruleId.replace(/^floe\//, "");
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
      expect(existsSync(path.join(pluginDir, "docs", "rules", `${name}.md`))).toBe(true);
      expect(result.locations[0]!.physicalLocation.region!.startColumn).toBeGreaterThanOrEqual(1);
    }
  });
});
