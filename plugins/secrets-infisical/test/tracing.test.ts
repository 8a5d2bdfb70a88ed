import path from "node:path";
import { fileURLToPath } from "node:url";
import { discoverPlugins, loadPlugin, REDACTED } from "@floe/runtime";
import { createTestTracing } from "@floe/runtime/testing";
import { SpanStatusCode } from "@opentelemetry/api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InfisicalSecretsPlugin, TRACER_NAME, type InfisicalConfigInput } from "../src/index.js";
import { FakeInfisical } from "./support/infisical-server.js";

const tracing = createTestTracing();
const server = new FakeInfisical();
const CLIENT_ID = "machine-identity-trace";
const CLIENT_SECRET = "cs_trace_5a4b3c2d1e0f9a8b7c6d5e4f";
const FLOE = { namespace: "analytics", productName: "orders", productVersion: "1.4.0" };

function plugin(overrides: Partial<InfisicalConfigInput> = {}): InfisicalSecretsPlugin {
  return new InfisicalSecretsPlugin({
    siteUrl: server.url,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    workspaceId: "ws-1",
    environment: "dev",
    secretPath: "/jobs",
    floe: FLOE,
    ...overrides,
  });
}

beforeAll(async () => {
  await server.start();
  server.identities.set(CLIENT_ID, CLIENT_SECRET);
});
afterAll(async () => {
  await server.stop();
  await tracing.shutdown();
});
beforeEach(() => {
  tracing.reset();
  server.reset();
});

describe("secrets-infisical tracing", () => {
  it("uses the conventional tracer name", () => {
    expect(TRACER_NAME).toBe("floe.secrets.infisical");
    expect(plugin().tracerName).toBe("floe.secrets.infisical");
    expect(tracing.spans().length).toBe(0);
  });

  it("opens secrets.getSecret with provider, key name, folder and floe context; OK status", async () => {
    server.seed("ws-1", "dev", "/jobs", { WAREHOUSE_PASSWORD: "warehouse-pw-value-31337" });
    await plugin().getSecret("WAREHOUSE_PASSWORD");

    const span = tracing.getSpan("secrets.getSecret");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.instrumentationScope.name).toBe("floe.secrets.infisical");
    expect(span.attributes).toEqual({
      "secrets.provider": "infisical",
      "secrets.key_name": "WAREHOUSE_PASSWORD",
      "secrets.path": "/jobs",
      "secrets.found": true,
      "floe.operation": "getSecret",
      "floe.namespace": "analytics",
      "floe.product.name": "orders",
      "floe.product.version": "1.4.0",
    });
    expect(tracing.findLeaks(["warehouse-pw-value-31337", CLIENT_SECRET, ...server.issuedTokens])).toEqual([]);
  });

  it("records the login as a child span of the first operation only", async () => {
    const p = plugin();
    await p.getSecret("A");
    await p.getSecret("B");
    const [first] = tracing.findSpans("secrets.getSecret");
    const logins = tracing.findSpans("secrets.login");
    expect(logins).toHaveLength(1);
    expect(logins[0]!.parentSpanContext?.spanId).toBe(first!.spanContext().spanId);
    expect(logins[0]!.attributes["secrets.provider"]).toBe("infisical");
    expect(tracing.spans().find((s) => s.name === "secrets.getSecret" && s.attributes["secrets.key_name"] === "A")!
      .attributes["secrets.found"]).toBe(false);
  });

  it("names each operation's span and counts listed secrets", async () => {
    server.seed("ws-1", "dev", "/jobs", { A: "aaaaaaaaaaaa", B: "bbbbbbbbbbbb" });
    const p = plugin();
    await p.setSecret("C", "cccccccccccc-value");
    await p.deleteSecret("A");
    await p.listSecrets();
    expect(tracing.spanNames()).toEqual(["secrets.login", "secrets.setSecret", "secrets.deleteSecret", "secrets.listSecrets"]);
    expect(tracing.getSpan("secrets.setSecret").attributes["secrets.key_name"]).toBe("C");
    expect(tracing.getSpan("secrets.deleteSecret").attributes["secrets.found"]).toBe(true);
    expect(tracing.getSpan("secrets.listSecrets").attributes["secrets.count"]).toBe(2);
    expect(tracing.getSpan("secrets.listSecrets").attributes["secrets.key_name"]).toBeUndefined();
    expect(tracing.findLeaks(["cccccccccccc-value", "aaaaaaaaaaaa", "bbbbbbbbbbbb", CLIENT_SECRET, ...server.issuedTokens])).toEqual([]);
  });

  it("records a server error that echoes credentials as ERROR, sanitized", async () => {
    const p = plugin();
    await p.listSecrets();
    const token = server.issuedTokens[0]!;
    server.failNext(500, {
      statusCode: 500,
      error: "InternalServerError",
      message: `vault backend failed: password=pg-pass-9f8e7d6c token=${token} Authorization: Bearer ${token}`,
    });
    await expect(p.setSecret("DB_PASSWORD", "nv-7Hq2Zx9Lp4wQ")).rejects.toThrow(/returned 500/);

    const span = tracing.getSpan("secrets.setSecret");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain("PATCH /api/v3/secrets/raw/DB_PASSWORD returned 500");
    expect(span.status.message).toContain(REDACTED);
    const exception = span.events.find((e) => e.name === "exception")!;
    expect(exception.attributes!["exception.type"]).toBe("HTTP_ERROR");
    expect(String(exception.attributes!["exception.message"])).toContain(REDACTED);
    expect(tracing.findLeaks(["pg-pass-9f8e7d6c", token, "nv-7Hq2Zx9Lp4wQ", CLIENT_SECRET])).toEqual([]);
  });

  it("records a refused login on both the login span and the operation span, never the client secret", async () => {
    const wrongSecret = "cs_wrong_0a1b2c3d4e5f6a7b8c9d";
    server.failNext(401, { statusCode: 401, error: "UnauthorizedError", message: `Invalid clientSecret=${wrongSecret}` });
    await expect(plugin({ clientSecret: wrongSecret }).getSecret("A")).rejects.toThrow(/login returned 401/);

    for (const name of ["secrets.login", "secrets.getSecret"]) {
      const span = tracing.getSpan(name);
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.status.message).toContain(REDACTED);
    }
    expect(tracing.findLeaks([wrongSecret, CLIENT_SECRET])).toEqual([]);
  });

  it("records a timeout as ERROR on the operation span", async () => {
    const p = plugin({ timeoutMs: 250 });
    await p.listSecrets();
    server.stallNext();
    await expect(p.deleteSecret("A")).rejects.toThrow(/timed out/);
    const span = tracing.getSpan("secrets.deleteSecret");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.events.find((e) => e.name === "exception")!.attributes!["exception.type"]).toBe("TIMEOUT");
  });

  it("is discovered by the registry with its type and tracer name", async () => {
    const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
    const declarations = await discoverPlugins({ cwd: repoRoot });
    const declaration = declarations.find((d) => d.packageName === "@floe/plugin-secrets-infisical");
    expect(declaration?.declaredType).toBe("SECRETS");
    const loaded = await loadPlugin(declaration!);
    expect(loaded.tracerName).toBe("floe.secrets.infisical");
    expect(loaded.pluginType).toBe("SECRETS");
    expect(loaded.name).toBe("secrets-infisical");
  });
});
