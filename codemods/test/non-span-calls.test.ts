// A TypeScript package with a tsconfig.json: a `recordException` call on a class of the package's own
// (not an OpenTelemetry Span, as the type checker proves) is left alone with a note for the syntactic
// lint rule, in migrate and in sanitize-exceptions run on its own; span calls are still rewritten; a
// second run changes nothing.
import { symlinkSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCodemod } from "../src/runner.js";
import { createRepo, PACKAGE_DIR, type Repo } from "./helpers.js";

const SOURCE = `import { trace } from "@opentelemetry/api";

class Ledger {
  readonly seen: string[] = [];
  recordException(event: string, error: unknown): void {
    this.seen.push(event + String(error));
  }
}

export const ledger = new Ledger();

export function fail(error: unknown): void {
  const span = trace.getActiveSpan();
  ledger.recordException("fail", error);
  span?.recordException(error as Error);
}
`;

const PLUGIN = `import { PluginMetadata, PluginType } from "@floe/runtime";

export class UtilAlertPlugin extends PluginMetadata {
  get name(): string {
    return "alert-util";
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

describe("migrate with type information", () => {
  it("leaves a non-span recordException alone, noted for the syntactic lint rule", async () => {
    repo = createRepo({
      "package.json": JSON.stringify({ name: "floe-alert-util", version: "1.0.0", type: "module", dependencies: { "@floe/runtime": "*" } }) + "\n",
      "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", noEmit: true }, include: ["src"] }),
      "src/fail.ts": SOURCE,
      "src/plugin.ts": PLUGIN,
      ".gitignore": "node_modules\n",
    });
    symlinkSync(path.join(PACKAGE_DIR, "..", "node_modules"), path.join(repo.dir, "node_modules"), "dir");
    const report = await runCodemod({ transform: "migrate", cwd: repo.dir });
    expect(report.exitCode, JSON.stringify(report.files)).toBe(0);
    const out = repo.read("src/fail.ts");
    expect(out).toContain(
      '  // eslint-disable-next-line floe/no-raw-record-exception -- Ledger is not an OpenTelemetry Span\n  ledger.recordException("fail", error);\n',
    );
    expect(out).toContain("recordSanitizedException(span, error as Error)");
    expect(out).not.toMatch(/span\?\.recordException/);

    repo.commit("migrated");
    const again = await runCodemod({ transform: "migrate", cwd: repo.dir });
    expect(again.files.filter((f) => f.status === "changed")).toEqual([]);
    expect(repo.read("src/fail.ts")).toBe(out);
  });
});

/** Only types tell: the receiver is the result of a function of another module. */
const LEDGERS = `export class Ledger {
  readonly seen: unknown[] = [];
  recordException(error: unknown): void {
    this.seen.push(error);
  }
}

export function ledgerFor(name: string): Ledger {
  return new Ledger();
}
`;

const USES_LEDGER = `import { trace } from "@opentelemetry/api";
import { ledgerFor } from "./ledgers.js";

export function fail(error: unknown): void {
  ledgerFor("audit").recordException(error);
  trace.getActiveSpan()?.recordException(error as Error);
}
`;

describe("the type-checked Span guard belongs to sanitize-exceptions", () => {
  it("standalone and inside migrate give the same output where only the type checker knows the receiver", async () => {
    repo = createRepo({
      "package.json": JSON.stringify({ name: "floe-alert-util", version: "1.0.0", type: "module", dependencies: { "@floe/runtime": "*" } }) + "\n",
      "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", noEmit: true }, include: ["src"] }),
      "src/ledgers.ts": LEDGERS,
      "src/fail.ts": USES_LEDGER,
      "src/plugin.ts": PLUGIN,
      ".gitignore": "node_modules\n",
    });
    symlinkSync(path.join(PACKAGE_DIR, "..", "node_modules"), path.join(repo.dir, "node_modules"), "dir");
    const output = async (transform: string) =>
      (await runCodemod({ transform, cwd: repo!.dir, dry: true, print: true, workers: 0 })).files.find((f) => f.path === "src/fail.ts")?.output;
    const standalone = await output("sanitize-exceptions");
    expect(standalone).toContain(
      '  // eslint-disable-next-line floe/no-raw-record-exception -- Ledger is not an OpenTelemetry Span\n  ledgerFor("audit").recordException(error);\n',
    );
    expect(standalone).toContain("recordSanitizedException(trace.getActiveSpan(), error as Error);");
    expect(await output("migrate")).toBe(standalone);
  }, 120_000);
});
