import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverPlugins, loadPlugin, PluginRegistry, type StructuredLogger } from "../src/index.js";

let root: string;

async function writePackage(dir: string, pkg: object, source: string) {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "package.json"), JSON.stringify(pkg));
  await writeFile(path.join(dir, "index.js"), source);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "floe-registry-"));
  const nm = path.join(root, "node_modules");
  await writePackage(
    path.join(nm, "@acme", "floe-alert-pager"),
    { name: "@acme/floe-alert-pager", version: "2.0.0", type: "module", exports: { ".": { import: "./index.js" } }, floe: { plugin: "PagerPlugin", type: "ALERT_CHANNEL" } },
    `export class PagerPlugin {
       get name() { return "alert-pager"; }
       get version() { return "2.0.0"; }
       get pluginType() { return "ALERT_CHANNEL"; }
       get tracerName() { return "floe.alert.pager"; }
       constructor(config) { this.config = config; }
     }`,
  );
  await writePackage(
    path.join(nm, "floe-secrets-legacy"),
    { name: "floe-secrets-legacy", version: "0.3.0", type: "module", main: "index.js", floe: { plugin: "LegacySecrets", type: "SECRETS" } },
    `export class LegacySecrets { get name() { return "secrets-legacy"; } get pluginType() { return "SECRETS"; } get tracerName() { return undefined; } }`,
  );
  await writePackage(
    path.join(nm, "floe-telemetry-otlp"),
    { name: "floe-telemetry-otlp", version: "1.0.0", type: "module", main: "index.js", floe: { plugin: "Otlp", type: "TELEMETRY_BACKEND" } },
    `export class Otlp { get name() { return "telemetry-otlp"; } get pluginType() { return "TELEMETRY_BACKEND"; } }`,
  );
  await writePackage(path.join(nm, "left-pad"), { name: "left-pad", version: "1.0.0", main: "index.js" }, "module.exports = 1;");
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe("plugin registry", () => {
  it("discovers packages declaring a floe plugin, scoped ones included", async () => {
    const found = await discoverPlugins({ cwd: root });
    expect(found.map((d) => [d.packageName, d.declaredType, d.exportName])).toEqual([
      ["@acme/floe-alert-pager", "ALERT_CHANNEL", "PagerPlugin"],
      ["floe-secrets-legacy", "SECRETS", "LegacySecrets"],
      ["floe-telemetry-otlp", "TELEMETRY_BACKEND", "Otlp"],
    ]);
  });

  it("loads a plugin and reads its metadata from the class", async () => {
    const [pager] = await discoverPlugins({ cwd: root });
    const loaded = await loadPlugin(pager!);
    expect(loaded).toMatchObject({ name: "alert-pager", version: "2.0.0", pluginType: "ALERT_CHANNEL", tracerName: "floe.alert.pager" });
  });

  it("runs the audit at load: one structured warning per gap, telemetry skipped", async () => {
    const records: Record<string, unknown>[] = [];
    const logger: StructuredLogger = { warn: (r) => records.push(r) };
    const registry = new PluginRegistry({ cwd: root, logger });
    const plugins = await registry.loadAll();
    expect(plugins).toHaveLength(3);
    expect(registry.warnings.map((w) => w.plugin)).toEqual(["secrets-legacy"]);
    expect(records).toEqual([expect.objectContaining({ event: "floe.instrumentation.audit", stage: "load", code: "MISSING_TRACER_NAME" })]);
    const instance = registry.create("alert-pager", { url: "x" }) as unknown as { config: unknown };
    expect(instance.config).toEqual({ url: "x" });
  });

  it("reports a package whose floe.plugin names a missing export", async () => {
    const dir = path.join(root, "broken");
    await writePackage(dir, { name: "broken", version: "1.0.0", type: "module", main: "index.js", floe: { plugin: "Nope", type: "SECRETS" } }, "export const x = 1;");
    const [declaration] = await discoverPlugins({ cwd: path.join(root, "nowhere"), packageDirs: [dir] }).then((all) => all.filter((d) => d.packageName === "broken"));
    await expect(loadPlugin(declaration!)).rejects.toThrow(/does not export/);
  });

  it("reports an IDENTITY_MISMATCH when the class and package.json disagree, keeping both values", async () => {
    const dir = path.join(root, "drifted");
    await writePackage(
      dir,
      { name: "floe-alert-drifted", version: "2.1.0", type: "module", main: "index.js", floe: { plugin: "Drifted", type: "ALERT_CHANNEL", tracerName: "floe.alert.drifted" } },
      `export class Drifted { get name() { return "alert-drifted"; } get version() { return "2.0.0"; } get pluginType() { return "ALERT_CHANNEL"; } get tracerName() { return "floe.alert.other"; } }`,
    );
    const records: Record<string, unknown>[] = [];
    const registry = new PluginRegistry({ cwd: os.tmpdir(), packageDirs: [dir], logger: { warn: (r) => records.push(r) } });
    await registry.loadAll();
    expect(registry.get("alert-drifted")).toMatchObject({ version: "2.0.0", packageVersion: "2.1.0", tracerName: "floe.alert.other", declaredTracerName: "floe.alert.drifted" });
    expect(registry.warnings.map((w) => [w.plugin, w.code])).toEqual([["alert-drifted", "IDENTITY_MISMATCH"]]);
    expect(registry.warnings[0]!.message).toContain("version: package.json 2.1.0, class 2.0.0");
    expect(registry.warnings[0]!.message).toContain("tracerName: package.json floe.alert.drifted, class floe.alert.other");
    expect(records).toEqual([expect.objectContaining({ stage: "load", code: "IDENTITY_MISMATCH", plugin: "alert-drifted" })]);
  });
});
