/**
 * End to end over legacy plugin repos we did not write the codemod against (test/e2e/fixtures/legacy-*):
 * TS and JS, CRLF + BOM files, unparsable files, legacy `traced` decorators and wrappers, aliased and
 * namespace OpenTelemetry imports, a class of its own with a `recordException` method. For each repo:
 * eslint-plugin-floe's recommended config finds exactly the problems listed in its PLANTED.md; then
 * `floe-codemod migrate` leaves the unparsable files byte-identical, the repo type-checks and lints clean,
 * and a second run changes nothing. Two migrated plugins run an operation whose error carries a
 * credential and must record it sanitized.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { SpanStatusCode } from "@opentelemetry/api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestTracing, sendJson, startLoopbackServer } from "@floe/runtime/testing";
import { copyToGitRepo, git, lintWithFloe, runCodemod, typeCheck } from "./support/legacy-repo.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const fixtures = readdirSync(fixturesDir).filter((name) => name.startsWith("legacy-")).sort();

interface Planted {
  /** `rule file:line`, sorted. */
  problems: string[];
  unparsable: string[];
}

function readPlanted(fixture: string): Planted {
  const text = readFileSync(path.join(fixturesDir, fixture, "PLANTED.md"), "utf8");
  const problems = [...text.matchAll(/^- (floe\/[\w-]+) (\S+:\d+)/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
  const unparsable = [...text.matchAll(/^- unparsable: (\S+)/gm)].map((m) => m[1]!);
  return { problems, unparsable };
}

const work = mkdtempSync(path.join(os.tmpdir(), "floe-legacy-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const migrate = (dir: string) => runCodemod(dir, "migrate");
const lint = (dir: string, unparsable: string[]) => lintWithFloe(dir, ["."], unparsable);

describe.each(fixtures)("%s", (fixture) => {
  const planted = readPlanted(fixture);
  let dir: string;
  let originals: Map<string, Buffer>;

  beforeAll(() => {
    dir = copyToGitRepo(path.join(fixturesDir, fixture), work);
    originals = new Map(planted.unparsable.map((f) => [f, readFileSync(path.join(dir, f))]));
  });

  it("before migration, the recommended config finds exactly the planted problems", async () => {
    expect(planted.problems.length).toBeGreaterThan(0);
    expect(await lint(dir, planted.unparsable)).toEqual(planted.problems);
  });

  it("migrates: errors only for the unparsable files, which stay byte-identical", () => {
    const { status, report, stderr } = migrate(dir);
    const errors = report.files.filter((f) => f.status === "error").map((f) => f.path).sort();
    const parsedUnparsable = planted.unparsable.filter((f) => readFileSync(path.join(dir, f), "utf8").includes("recordException"));
    expect(errors).toEqual(parsedUnparsable.sort());
    expect(status, stderr).toBe(errors.length > 0 ? 1 : 0);
    for (const [file, bytes] of originals) expect(readFileSync(path.join(dir, file)).equals(bytes), file).toBe(true);
    expect(report.files.some((f) => f.status === "changed")).toBe(true);
  });

  it("type-checks after migration", () => {
    if (!existsSync(path.join(dir, "tsconfig.json"))) return;
    const run = typeCheck(dir, "--noEmit");
    expect(run.output).toBe("");
    expect(run.status).toBe(0);
  });

  it("lints clean after migration (no errors, no warnings)", async () => {
    expect(await lint(dir, planted.unparsable)).toEqual([]);
  });

  it("a second run changes nothing", () => {
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "migrated");
    const { report } = migrate(dir);
    expect(report.files.filter((f) => f.status === "changed")).toEqual([]);
    expect(git(dir, "status", "--porcelain").stdout).toBe("");
  });
});

describe("migrated plugins record errors sanitized at run time", () => {
  it("floe-secrets-vault (TS): a 403 whose error carries the Vault token", async () => {
    const TOKEN = "hvs.CAESIJ7x9Qm2Lr8TkYw3Vn5Pz";
    const vault = await startLoopbackServer((_req, res) => sendJson(res, 403, { errors: ["permission denied"] }));
    try {
      const { VaultSecretsPlugin } = await import(pathToFileURL(path.join(work, "legacy-secrets-vault", "src", "index.ts")).href);
      const plugin = new VaultSecretsPlugin({ address: vault.url, token: TOKEN });
      expect(plugin.tracerName).toBe("floe.secrets.vault");
      await expect(plugin.getSecret("db/password")).rejects.toThrow(TOKEN);
      expect(vault.requests[0]?.headers["x-vault-token"]).toBe(TOKEN);
      const span = tracing.getSpan("secrets.getSecret");
      expect(span.instrumentationScope.name).toBe("floe.secrets.vault");
      expect(span.attributes).toMatchObject({ "floe.legacy.span_name": "vault.getSecret", "secrets.key_name": "db/password" });
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      const exceptions = span.events.filter((e) => e.name === "exception");
      expect(exceptions).toHaveLength(1);
      expect(exceptions[0]!.attributes?.["exception.message"]).toContain("HTTP 403");
      for (const recorded of tracing.spans()) expect(recorded.instrumentationScope.name, recorded.name).toBe("floe.secrets.vault");
      expect(tracing.findLeaks([TOKEN])).toEqual([]);
    } finally {
      await vault.close();
    }
  });

  it("floe-quality-soda (JS): a warehouse connection failure carrying the DSN password", async () => {
    const PASSWORD = "S3cr3t-Pw-771x";
    const dsn = `postgres://analyst:${PASSWORD}@warehouse.internal:5432/dw`;
    const { SodaQualityPlugin } = await import(pathToFileURL(path.join(work, "legacy-quality-soda", "src", "index.js")).href);
    const plugin = new SodaQualityPlugin({
      dsn,
      connect: async (target: string) => {
        throw new Error(`connect ECONNREFUSED ${target}`);
      },
    });
    expect(plugin.tracerName).toBe("floe.quality.soda");
    await expect(plugin.runChecks({ checks: [] })).rejects.toThrow(PASSWORD);
    const span = tracing.getSpan("quality.runChecks");
    expect(span.instrumentationScope.name).toBe("floe.quality.soda");
    expect(span.attributes).toMatchObject({ "floe.operation": "runChecks", "floe.legacy.span_name": "soda.runChecks" });
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain("warehouse.internal");
    expect(span.events.filter((e) => e.name === "exception")).toHaveLength(1);
    expect(tracing.findLeaks([PASSWORD])).toEqual([]);
  });
});
