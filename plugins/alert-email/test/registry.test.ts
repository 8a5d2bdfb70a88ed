// The plugin registry discovers this package from its package.json declaration and reads its tracer name.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { discoverPlugins, loadPlugin, PluginType } from "@floe/runtime";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

describe("registry", () => {
  it("discovers @floe/plugin-alert-email and loads its tracer name", async () => {
    const declarations = await discoverPlugins({ cwd: repoRoot });
    const declaration = declarations.find((d) => d.packageName === "@floe/plugin-alert-email");
    expect(declaration).toMatchObject({ exportName: "EmailAlertPlugin", declaredType: PluginType.ALERT_CHANNEL });
    const loaded = await loadPlugin(declaration!);
    expect(loaded).toMatchObject({
      name: "alert-email",
      pluginType: PluginType.ALERT_CHANNEL,
      tracerName: "floe.alert.email",
    });
  });
});
