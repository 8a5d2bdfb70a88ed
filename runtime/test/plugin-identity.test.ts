import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  AlertChannelPlugin,
  PluginType,
  SecretsPlugin,
  TelemetryBackendPlugin,
  defineTracing,
  readPackageIdentity,
  identityFromPackageJson,
  verifyPluginInstrumentation,
  withIdentity,
  type Alert,
  type AlertDeliveryResult,
  type HealthStatus,
} from "../src/index.js";
import { createTestTracing } from "../src/testing/index.js";

const testTracing = createTestTracing();
afterAll(() => testTracing.shutdown());
beforeEach(() => testTracing.reset());

const tracing = defineTracing({
  package: { name: "@acme/plugin-alert-pager", version: "3.2.1" },
  tracerName: "floe.alert.pager",
  pluginType: PluginType.ALERT_CHANNEL,
});

class PagerPlugin extends tracing.Plugin(AlertChannelPlugin) {
  constructor(readonly url: string) {
    super();
  }
  async sendAlert(alert: Alert): Promise<AlertDeliveryResult> {
    return tracing.span("sendAlert", undefined, () => ({ delivered: true, channel: "pager", destination: alert.title }) as unknown as AlertDeliveryResult);
  }
  async healthCheck(): Promise<HealthStatus> {
    return { healthy: true } as HealthStatus;
  }
}

describe("plugin identity declared once", () => {
  it("the class answers name, version and tracerName from defineTracing's package, on the prototype too", () => {
    const plugin = new PagerPlugin("http://127.0.0.1:1");
    expect([plugin.name, plugin.version, plugin.tracerName, plugin.pluginType]).toEqual(["alert-pager", "3.2.1", "floe.alert.pager", "ALERT_CHANNEL"]);
    expect(Reflect.get(PagerPlugin.prototype, "version")).toBe("3.2.1");
    expect(plugin.url).toBe("http://127.0.0.1:1");
    expect(plugin).toBeInstanceOf(AlertChannelPlugin);
    expect(verifyPluginInstrumentation([plugin])).toEqual([]);
  });

  it("a subclass may still override a member, as a field", () => {
    class Renamed extends PagerPlugin {
      override readonly name = "pager-classic";
    }
    const renamed = new Renamed("x");
    expect([renamed.name, renamed.version]).toEqual(["pager-classic", "3.2.1"]);
    // assignment semantics (useDefineForClassFields: false) goes through the prototype's setter
    const assigned = new PagerPlugin("y") as { name: string };
    assigned.name = "assigned";
    expect(assigned.name).toBe("assigned");
    expect(new PagerPlugin("z").name).toBe("alert-pager");
  });

  it("its operations open the kit's domain span", async () => {
    await new PagerPlugin("x").sendAlert({ title: "t" } as Alert);
    expect(testTracing.getSpan("alert.sendAlert").instrumentationScope.name).toBe("floe.alert.pager");
  });

  it("refuses a contract of another plugin type, and Plugin() without a package", () => {
    expect(() => tracing.Plugin(SecretsPlugin)).toThrow(/SECRETS contract, the tracing is ALERT_CHANNEL/);
    const anonymous = defineTracing({ tracerName: "floe.alert.anon", pluginType: PluginType.ALERT_CHANNEL });
    expect(anonymous.PACKAGE).toBeUndefined();
    expect(() => anonymous.Plugin(AlertChannelPlugin)).toThrow(/needs package: \{ name, version \}/);
    expect(() => defineTracing({ package: { name: "", version: "1" }, tracerName: "floe.alert.x", pluginType: PluginType.ALERT_CHANNEL })).toThrow(
      /non-empty name and version/,
    );
  });

  it("telemetry backends take their identity from their package.json", () => {
    const pkg = readPackageIdentity(import.meta.url);
    expect(pkg.name).toBe("@floe/runtime");
    class Exporter extends withIdentity(TelemetryBackendPlugin, { name: "telemetry-x", version: pkg.version }) {
      createExporter(): never {
        throw new Error("unused");
      }
      createSpanProcessor(): never {
        throw new Error("unused");
      }
    }
    const exporter = new Exporter();
    expect([exporter.name, exporter.version, exporter.tracerName]).toEqual(["telemetry-x", pkg.version, undefined]);
    expect(identityFromPackageJson(import.meta.url)).toEqual({ name: "runtime", version: pkg.version, tracerName: undefined });
    expect(() => readPackageIdentity("file:///")).toThrow(/no package.json with a name/);
  });
});
