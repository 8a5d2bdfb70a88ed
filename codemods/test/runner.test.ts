/**
 * runCodemod in-process: the migrate pipeline chains every step in memory
 * (rename, project transforms, sanitize), a dry run writes nothing, and a
 * migrated plugin passes check.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runCodemod, UsageError } from "../src/runner.js";
import { createRepo, type Repo } from "./helpers.js";

const PLUGIN = `import { AlertChannelPlugin } from "@floe/runtime";
import { traced } from "@floe/iceberg/telemetry";
import { trace } from "@opentelemetry/api";

export class DemoAlertPlugin extends AlertChannelPlugin {
  readonly name = "demo";
  readonly version = "1.0.0";

  @traced({ operationName: "alert.send" })
  async sendAlert(message: string): Promise<void> {
    try {
      await Promise.resolve(message);
    } catch (err) {
      trace.getActiveSpan()?.recordException(err as Error);
      throw err;
    }
  }
}
`;

/**
 * PLUGIN after migrate: every step's edit in the one file (the identity base, its own name kept, the legacy span moved to the
 * operation's conventional span with its old name kept, merged imports, sanitized exception).
 */
const MIGRATED_PLUGIN = `import { AlertChannelPlugin, recordSanitizedException } from "@floe/runtime";
import { trace } from "@opentelemetry/api";
import { tracing } from "./tracing.js";

export class DemoAlertPlugin extends tracing.Plugin(AlertChannelPlugin) {
  override readonly name = "demo";

  @tracing.operation("sendAlert", { attributes: { "floe.legacy.span_name": "alert.send" } })
  async sendAlert(message: string): Promise<void> {
    try {
      await Promise.resolve(message);
    } catch (err) {
      recordSanitizedException(trace.getActiveSpan(), err as Error);
      throw err;
    }
  }
}
`;

const PACKAGE_JSON = JSON.stringify(
  {
    name: "floe-alert-demo",
    version: "1.0.0",
    type: "module",
    dependencies: { "@floe/runtime": "*" },
    floe: { plugin: "DemoAlertPlugin", type: "ALERT_CHANNEL" },
  },
  null,
  2,
);

let repos: Repo[] = [];
afterEach(() => {
  for (const r of repos) r.cleanup();
  repos = [];
});

describe("runCodemod", () => {
  it("migrate --dry chains rename-operation-name and sanitize-exceptions on the same file and writes nothing", async () => {
    const r = createRepo({ "package.json": PACKAGE_JSON + "\n", "src/index.ts": PLUGIN });
    repos.push(r);
    const report = await runCodemod({ transform: "migrate", paths: ["."], cwd: r.dir, dry: true });
    expect(report.summary.error).toBe(0);
    expect(report.stats.packageDirs).toBe(1);
    const file = report.files.find((f) => f.path === "src/index.ts")!;
    expect(file.status).toBe("changed");
    const transforms = file.changes!.map((c) => c.transform);
    expect(transforms).toContain("rename-operation-name");
    expect(transforms).toContain("sanitize-exceptions");
    expect(transforms.indexOf("rename-operation-name")).toBeLessThan(transforms.indexOf("sanitize-exceptions"));
    expect(file.diff).toContain('+  @tracing.operation("sendAlert", { attributes: { "floe.legacy.span_name": "alert.send" } })');
    expect(file.diff).toContain("+      recordSanitizedException(trace.getActiveSpan(), err as Error);");
    expect(r.read("src/index.ts")).toBe(PLUGIN);
  });

  it("after migrate, check finds nothing to change (the pipeline is idempotent)", async () => {
    const r = createRepo({ "package.json": PACKAGE_JSON + "\n", "src/index.ts": PLUGIN });
    repos.push(r);
    const migrated = await runCodemod({ transform: "migrate", paths: ["."], cwd: r.dir });
    expect(migrated.summary.error).toBe(0);
    expect(migrated.exitCode).toBe(0);
    expect(migrated.files.filter((f) => f.status === "changed").map((f) => f.path)).toEqual([
      "package.json",
      "src/index.ts",
      "src/tracing.ts",
      "test/tracing.test.ts",
    ]);
    expect(JSON.parse(r.read("package.json"))).toMatchObject({ scripts: { test: "vitest run" }, devDependencies: { vitest: "^4.0.0" } });
    expect(r.read("src/index.ts")).toBe(MIGRATED_PLUGIN);
    expect(r.read("src/tracing.ts")).toContain('export const TRACER_NAME = "floe.alert.demo";');
    expect(r.read("test/tracing.test.ts")).toContain("createTestTracing()");
    const check = await runCodemod({ transform: "check", paths: ["."], cwd: r.dir });
    expect(check.files.filter((f) => f.status === "changed").map((f) => f.path)).toEqual([]);
    expect(check.exitCode).toBe(0);
  });

  it("throws a UsageError for an unknown transform or a missing path", async () => {
    await expect(runCodemod({ transform: "nope" })).rejects.toBeInstanceOf(UsageError);
    await expect(runCodemod({ transform: "sanitize-exceptions", paths: ["/no/such/dir"] })).rejects.toBeInstanceOf(UsageError);
  });
});
