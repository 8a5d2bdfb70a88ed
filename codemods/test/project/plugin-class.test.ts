// findPluginClass recognises plugin classes by binding, across files, and reads their PluginType from the
// base class, a pluginType member or package.json, in that order; it refuses to guess between several.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PackageProject } from "../../src/project/package-project.js";
import { findPluginClass } from "../../src/project/plugin-class.js";

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((r) => fs.rm(r, { recursive: true, force: true })));
});

/** Writes a package (files relative to its root) into a temp dir and loads it. */
async function load(files: Record<string, string>): Promise<PackageProject> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "floe-plugin-class-"));
  roots.push(root);
  for (const [file, content] of Object.entries({ "package.json": '{ "name": "floe-x-demo" }\n', ...files })) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), content);
  }
  return PackageProject.load(root);
}

describe("findPluginClass", () => {
  it("reads the type from a pluginType property with a string literal, through aliased imports", async () => {
    const pkg = await load({
      "src/p.ts":
        'import { PluginMetadata as Meta } from "@floe/runtime";\n' +
        'export class P extends Meta {\n  readonly pluginType = "IDENTITY" as const;\n  get name() { return "p"; }\n  get version() { return "1"; }\n}\n',
    });
    const found = findPluginClass(pkg)!;
    expect(found.className).toBe("P");
    expect(found.pluginType).toBe("IDENTITY");
    expect(found.typeSource).toBe("pluginType-member");
  });

  it("follows namespace imports for the base class and PluginType", async () => {
    const pkg = await load({
      "src/p.ts":
        'import * as rt from "@floe/runtime";\n' +
        "export class P extends rt.PluginMetadata {\n  get pluginType() { return rt.PluginType.RBAC; }\n  get name() { return \"p\"; }\n  get version() { return \"1\"; }\n}\n",
    });
    expect(findPluginClass(pkg)).toMatchObject({ className: "P", pluginType: "RBAC", runtimeBase: "PluginMetadata" });
  });

  it("walks local abstract classes re-exported through an index, and prefers the base class's type", async () => {
    const pkg = await load({
      "src/base/catalog-base.ts":
        'import { CatalogPlugin } from "@floe/runtime";\nexport abstract class CatalogBase extends CatalogPlugin {}\n',
      "src/base/index.ts": 'export * from "./catalog-base.js";\n',
      "src/impl.ts":
        'import { PluginType } from "@floe/runtime";\nimport { CatalogBase as Base } from "./base/index.js";\n' +
        "export class Polaris extends Base {\n  get pluginType() { return PluginType.STORAGE as never; }\n}\n",
    });
    const found = findPluginClass(pkg)!;
    expect(found.className).toBe("Polaris");
    expect(found.pluginType).toBe("CATALOG");
    expect(found.typeSource).toBe("base-class");
    expect(found.localChain.map((c) => c.getName())).toEqual(["Polaris", "CatalogBase"]);
  });

  it("falls back to package.json floe.type, and recognises CommonJS require", async () => {
    const pkg = await load({
      "package.json": '{ "name": "floe-lineage-x", "floe": { "type": "LINEAGE_BACKEND" } }\n',
      "src/p.cjs": 'const { PluginMetadata } = require("@floe/runtime");\nclass P extends PluginMetadata {}\nmodule.exports = { P };\n',
    });
    expect(findPluginClass(pkg)).toMatchObject({ className: "P", pluginType: "LINEAGE_BACKEND", typeSource: "package.json" });
  });

  it("ignores classes that only look like plugins", async () => {
    const pkg = await load({
      "src/p.ts":
        'import { PluginMetadata } from "./local-copy.js";\nexport class P extends PluginMetadata {}\n' +
        'export class Q extends Map<string, string> {}\n',
      "src/local-copy.ts": "export abstract class PluginMetadata {}\n",
    });
    expect(findPluginClass(pkg)).toBeUndefined();
  });

  it("refuses to guess between several plugin classes unless floe.plugin names one", async () => {
    const source =
      'import { SecretsPlugin } from "@floe/runtime";\nexport class A extends SecretsPlugin {}\nexport class B extends SecretsPlugin {}\n';
    const ambiguous = await load({ "src/p.ts": source });
    expect(() => findPluginClass(ambiguous)).toThrow(/several plugin classes \(A \(src\/p\.ts\), B \(src\/p\.ts\)\)/);
    const named = await load({ "src/p.ts": source, "package.json": '{ "name": "x", "floe": { "plugin": "B" } }\n' });
    expect(findPluginClass(named)?.className).toBe("B");
  });

  it("explains a plugin class whose type cannot be told", async () => {
    const pkg = await load({
      "src/p.ts": 'import { PluginMetadata } from "@floe/runtime";\nexport class P extends PluginMetadata {}\n',
    });
    expect(() => findPluginClass(pkg)).toThrow(/cannot tell the plugin type of P \(src\/p\.ts\)/);
  });
});
