import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { SpanStatusCode } from "@opentelemetry/api";
import { defineTracing, PluginType, setFloeContext } from "../src/index.js";
import { createTestTracing } from "../src/testing/index.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => {
  tracing.reset();
  setFloeContext({});
});

describe("defineTracing", () => {
  const kit = defineTracing({ tracerName: "floe.secrets.k8s", pluginType: PluginType.SECRETS });

  it("exposes the tracer name, the conventional helper and the category attributes", () => {
    expect(kit.TRACER_NAME).toBe("floe.secrets.k8s");
    expect(kit.CATEGORY).toBe("secrets");
    expect(kit.ATTRIBUTES.KEY_NAME).toBe("secrets.key_name");
    expect(kit.ATTRIBUTES.NAMESPACE).toBe("floe.namespace");
    expect(kit.secretsSpan).toBe(kit.span);
    expect(kit.getTracer()).toBeDefined();
  });

  it("opens {category}.{operation} spans on the plugin's tracer with floe attributes", async () => {
    setFloeContext({ namespace: "prod", productName: "orders" });
    const value = await kit.secretsSpan("getSecret", { [kit.ATTRIBUTES.KEY_NAME]: "db" }, async (span) => {
      span.setAttribute(kit.ATTRIBUTES.PROVIDER, "k8s");
      return "v";
    }, { floe: { productVersion: "3.1.0" } });
    expect(value).toBe("v");
    const span = tracing.getSpan("secrets.getSecret");
    expect(span.instrumentationScope.name).toBe("floe.secrets.k8s");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toMatchObject({
      "floe.operation": "getSecret",
      "floe.namespace": "prod",
      "floe.product.name": "orders",
      "floe.product.version": "3.1.0",
      "secrets.key_name": "db",
      "secrets.provider": "k8s",
    });
  });

  it("operation() decorates methods with the same span as the domain helper", async () => {
    class Store {
      @kit.operation("deleteSecret")
      async deleteSecret(key: string) {
        return key.length > 0;
      }
    }
    expect(await new Store().deleteSecret("x")).toBe(true);
    await new Promise((r) => setImmediate(r));
    const span = tracing.getSpan("secrets.deleteSecret");
    expect(span.attributes["floe.operation"]).toBe("deleteSecret");
    expect(span.instrumentationScope.name).toBe("floe.secrets.k8s");
  });

  it("adds plugin-specific attribute constants", () => {
    const dbt = defineTracing({
      tracerName: "floe.dbt.fusion",
      pluginType: PluginType.DBT,
      attributes: { MODE: "dbt_fusion.mode", FALLBACK: "dbt_fusion.fallback" },
    });
    expect(dbt.ATTRIBUTES.MODE).toBe("dbt_fusion.mode");
    expect(dbt.ATTRIBUTES.COMMAND).toBe("dbt.command");
    expect(typeof dbt.dbtSpan).toBe("function");
  });

  it("rejects tracer names that break the convention or the category", () => {
    // The lint rule flags these declarations too; here the runtime's own refusal is under test.
    /* eslint-disable floe/valid-tracer-name */
    expect(() => defineTracing({ tracerName: "alert.slack", pluginType: PluginType.ALERT_CHANNEL })).toThrow(TypeError);
    expect(() => defineTracing({ tracerName: "floe.secrets.slack", pluginType: PluginType.ALERT_CHANNEL })).toThrow(/category/);
    /* eslint-enable floe/valid-tracer-name */
    expect(() => defineTracing({ tracerName: "floe.telemetry.jaeger", pluginType: PluginType.TELEMETRY_BACKEND })).toThrow(/never instrumented/);
  });
});
