// The plugin registry discovers this package from its package.json declaration and reads its tracer name.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { discoverPlugins, loadPlugin, PluginType } from "@floe/runtime";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

describe("registry", () => {
  it("discovers @floe/plugin-lineage-marquez and loads its tracer name", async () => {
    const declarations = await discoverPlugins({ cwd: repoRoot });
    const declaration = declarations.find((d) => d.packageName === "@floe/plugin-lineage-marquez");
    expect(declaration).toMatchObject({ exportName: "MarquezLineagePlugin", declaredType: PluginType.LINEAGE_BACKEND });
    const loaded = await loadPlugin(declaration!);
    expect(loaded).toMatchObject({
      name: "lineage-marquez",
      pluginType: PluginType.LINEAGE_BACKEND,
      tracerName: "floe.lineage.marquez",
    });
  });
});
