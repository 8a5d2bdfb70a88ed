/**
 * The Span guard belongs to sanitize-exceptions itself: run standalone, inside
 * `migrate`, in a floe plugin package or in an application with no floe
 * package.json at all, a `recordException` on a class of the project's own is
 * left alone (with a note for the syntactic lint rule), while span calls in
 * the same file are rewritten.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runCodemod } from "../src/runner.js";
import { createRepo, type Repo } from "./helpers.js";

const RECORDER = `export class Recorder {
  readonly seen: unknown[] = [];
  recordException(error: unknown): void {
    this.seen.push(error);
  }
}
`;

const APP = `import { trace } from "@opentelemetry/api";
import { Recorder } from "./recorder.js";

class AuditLedger {
  recordException(e: unknown): void {
    console.error(e);
  }
}

const ledger = new AuditLedger();
const recorder = new Recorder();

export function fail(error: unknown): void {
  ledger.recordException(error);
  recorder.recordException(error);
  trace.getActiveSpan()?.recordException(error as Error);
}
`;

const APP_AFTER = `import { trace } from "@opentelemetry/api";
import { Recorder } from "./recorder.js";
import { recordSanitizedException } from "@floe/runtime";

class AuditLedger {
  recordException(e: unknown): void {
    console.error(e);
  }
}

const ledger = new AuditLedger();
const recorder = new Recorder();

export function fail(error: unknown): void {
  // eslint-disable-next-line floe/no-raw-record-exception -- AuditLedger is not an OpenTelemetry Span
  ledger.recordException(error);
  // eslint-disable-next-line floe/no-raw-record-exception -- Recorder is not an OpenTelemetry Span
  recorder.recordException(error);
  recordSanitizedException(trace.getActiveSpan(), error as Error);
}
`;

const PLUGIN = `import { PluginMetadata, PluginType } from "@floe/runtime";

export class LedgerAlertPlugin extends PluginMetadata {
  get name(): string {
    return "alert-ledger";
  }

  get version(): string {
    return "1.0.0";
  }

  get pluginType(): PluginType {
    return PluginType.ALERT_CHANNEL;
  }
}
`;

let repo: Repo | undefined;
afterEach(() => repo?.cleanup());

describe("the Span guard of sanitize-exceptions", () => {
  it("holds standalone outside floe packages (no floe block, no runtime dependency), and a second run changes nothing", async () => {
    repo = createRepo({
      "package.json": JSON.stringify({ name: "plain-app", version: "1.0.0", type: "module" }) + "\n",
      "src/recorder.ts": RECORDER,
      "src/app.ts": APP,
    });
    const report = await runCodemod({ transform: "sanitize-exceptions", cwd: repo.dir, workers: 0 });
    expect(report.exitCode, JSON.stringify(report.files)).toBe(0);
    expect(repo.read("src/app.ts")).toBe(APP_AFTER);
    expect(repo.read("src/recorder.ts")).toBe(RECORDER);
    repo.commit("sanitized");
    const again = await runCodemod({ transform: "sanitize-exceptions", cwd: repo.dir, workers: 0 });
    expect(again.files.filter((f) => f.status === "changed")).toEqual([]);
  });

  it("holds in JavaScript (the class known from `new` and the relative module it is imported from)", async () => {
    repo = createRepo({
      "package.json": JSON.stringify({ name: "plain-js-app", version: "1.0.0", type: "module" }) + "\n",
      "src/recorder.js": RECORDER.replace(": unknown[]", "").replace("error: unknown): void", "error)").replace("readonly ", ""),
      "src/app.js": APP.replace(/: unknown\): void/g, ")").replace(/: unknown/g, "").replace(" as Error", ""),
    });
    const report = await runCodemod({ transform: "sanitize-exceptions", cwd: repo.dir, workers: 0, dry: true, print: true });
    const out = report.files.find((f) => f.path === "src/app.js")!.output!;
    expect(out).toContain("// eslint-disable-next-line floe/no-raw-record-exception -- AuditLedger is not an OpenTelemetry Span\n  ledger.recordException(error);");
    expect(out).toContain("// eslint-disable-next-line floe/no-raw-record-exception -- Recorder is not an OpenTelemetry Span\n  recorder.recordException(error);");
    expect(out).toContain("recordSanitizedException(trace.getActiveSpan(), error);");
  });

  it("means the same standalone and inside migrate in a floe plugin package", async () => {
    repo = createRepo({
      "package.json": JSON.stringify({ name: "floe-alert-ledger", version: "1.0.0", type: "module", dependencies: { "@floe/runtime": "*" } }) + "\n",
      "src/plugin.ts": PLUGIN,
      "src/recorder.ts": RECORDER,
      "src/app.ts": APP,
    });
    const standalone = await runCodemod({ transform: "sanitize-exceptions", cwd: repo.dir, dry: true, print: true, workers: 0 });
    const migrate = await runCodemod({ transform: "migrate", cwd: repo.dir, dry: true, print: true, workers: 0 });
    const app = (r: typeof standalone) => r.files.find((f) => f.path === "src/app.ts")?.output;
    expect(app(standalone)).toBe(APP_AFTER);
    expect(app(migrate)).toBe(APP_AFTER);
  });
});
