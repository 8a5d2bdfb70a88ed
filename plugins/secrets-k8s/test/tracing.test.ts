import path from "node:path";
import { fileURLToPath } from "node:url";
import { discoverPlugins, loadPlugin, REDACTED } from "@floe/runtime";
import { createTestTracing } from "@floe/runtime/testing";
import { SpanStatusCode } from "@opentelemetry/api";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { K8sSecretsPlugin, TRACER_NAME } from "../src/index.js";
import { FakeKubeApi } from "./support/k8s-api-server.js";
import { makeServiceAccountDir, type ServiceAccountDir } from "./support/service-account-dir.js";

const tracing = createTestTracing();
const api = new FakeKubeApi();
const TOKEN = "trace-sa-token-9e8d7c6b5a49";
const NS = "analytics";
const FLOE = { namespace: "analytics", productName: "orders", productVersion: "2.0.0" };
let sa: ServiceAccountDir;

const plugin = () => new K8sSecretsPlugin({ apiServer: api.url, serviceAccountDir: sa.dir, floe: FLOE, timeoutMs: 2_000 });

beforeAll(async () => {
  await api.start();
  api.validTokens.add(TOKEN);
});
afterAll(async () => {
  await api.stop();
  await tracing.shutdown();
});
beforeEach(() => {
  tracing.reset();
  api.reset();
  sa = makeServiceAccountDir({ token: TOKEN, namespace: NS });
});
afterEach(() => sa.remove());

describe("secrets-k8s tracing", () => {
  it("uses the conventional tracer name", () => {
    expect(TRACER_NAME).toBe("floe.secrets.k8s");
    expect(plugin().tracerName).toBe("floe.secrets.k8s");
  });

  it("opens secrets.getSecret with provider, key name, namespace and floe context; OK", async () => {
    api.seed(NS, "db", { value: "db-value-13579" });
    await plugin().getSecret("db");
    const span = tracing.getSpan("secrets.getSecret");
    expect(span.instrumentationScope.name).toBe("floe.secrets.k8s");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toEqual({
      "secrets.provider": "kubernetes",
      "secrets.key_name": "db",
      "secrets.found": true,
      "k8s.namespace.name": NS,
      "floe.operation": "getSecret",
      "floe.namespace": "analytics",
      "floe.product.name": "orders",
      "floe.product.version": "2.0.0",
    });
  });

  it("names every operation's span; counts listed secrets and conflict retries", async () => {
    api.seed(NS, "db", { value: "db-value-13579" }, { "app.kubernetes.io/managed-by": "floe" });
    const p = plugin();
    api.concurrentWriteBeforeNextPuts(1);
    await p.setSecret("db", "rotated-24680-value");
    await p.listSecrets();
    await p.deleteSecret("db");
    await p.deleteSecret("db");
    expect(tracing.spanNames()).toEqual([
      "secrets.setSecret",
      "secrets.listSecrets",
      "secrets.deleteSecret",
      "secrets.deleteSecret",
    ]);
    expect(tracing.getSpan("secrets.setSecret").attributes["secrets.conflict_retries"]).toBe(1);
    expect(tracing.getSpan("secrets.listSecrets").attributes["secrets.count"]).toBe(1);
    expect(tracing.findSpans("secrets.deleteSecret").map((s) => s.attributes["secrets.found"])).toEqual([true, false]);
    const values = ["db-value-13579", "rotated-24680-value"];
    expect(tracing.findLeaks([TOKEN, ...values, ...values.map((v) => Buffer.from(v).toString("base64"))])).toEqual([]);
  });

  it("records a Status failure that echoes credentials as ERROR, sanitized", async () => {
    const value = "written-value-864200";
    api.seed(NS, "db", { value: "old" });
    api.failNext(200, api.object(NS, "db"));
    api.failNext(500, {
      kind: "Status", apiVersion: "v1", status: "Failure", reason: "InternalError", code: 500,
      message: `admission webhook failed: Authorization: Bearer ${TOKEN} password=${value} data=${Buffer.from(value).toString("base64")}`,
    });
    await expect(plugin().setSecret("db", value)).rejects.toThrow(/returned 500 InternalError/);
    const span = tracing.getSpan("secrets.setSecret");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain(`PUT /api/v1/namespaces/${NS}/secrets/db returned 500 InternalError`);
    expect(span.status.message).toContain(REDACTED);
    const exception = span.events.find((e) => e.name === "exception")!;
    expect(exception.attributes!["exception.type"]).toBe("API_ERROR");
    expect(tracing.findLeaks([TOKEN, value, Buffer.from(value).toString("base64")])).toEqual([]);
  });

  it("records a not-found on get as OK with secrets.found=false (absence is not an error)", async () => {
    await plugin().getSecret("missing");
    const span = tracing.getSpan("secrets.getSecret");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes["secrets.found"]).toBe(false);
  });

  it("records an invalid key as ERROR without calling the API", async () => {
    await expect(plugin().getSecret("Not_Valid")).rejects.toThrow(/Kubernetes object name/);
    const span = tracing.getSpan("secrets.getSecret");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.events[0]!.attributes!["exception.type"]).toBe("INVALID_ARGUMENT");
    expect(api.requests).toHaveLength(0);
  });

  it("is discovered by the registry with its type and tracer name", async () => {
    const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
    const declaration = (await discoverPlugins({ cwd: repoRoot })).find((d) => d.packageName === "@floe/plugin-secrets-k8s");
    expect(declaration?.declaredType).toBe("SECRETS");
    const loaded = await loadPlugin(declaration!);
    expect(loaded.tracerName).toBe("floe.secrets.k8s");
    expect(loaded.name).toBe("secrets-k8s");
  });
});
