import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ConfigError,
  inClusterApiServer,
  K8sApiError,
  K8sConflictError,
  K8sMalformedResponseError,
  K8sSecretsError,
  K8sSecretsPlugin,
  K8sTimeoutError,
  readServiceAccount,
  type K8sSecretsConfigInput,
} from "../src/index.js";
import { FakeKubeApi } from "./support/k8s-api-server.js";
import { makeServiceAccountDir, type ServiceAccountDir } from "./support/service-account-dir.js";

const tracing = createTestTracing();
const api = new FakeKubeApi();
const TOKEN = "sa-token-eyJhbGciOiJSUzI1NiJ9.k8s.4f3e2d1c";
const NS = "floe-jobs";
const MANAGED = { "app.kubernetes.io/managed-by": "floe" };
let sa: ServiceAccountDir;

function plugin(overrides: Partial<K8sSecretsConfigInput> = {}): K8sSecretsPlugin {
  return new K8sSecretsPlugin({ apiServer: api.url, serviceAccountDir: sa.dir, timeoutMs: 2_000, ...overrides });
}
const decoded = (b64: string | undefined) => (b64 === undefined ? undefined : Buffer.from(b64, "base64").toString("utf8"));

beforeAll(async () => {
  await api.start();
});
afterAll(async () => {
  await api.stop();
  await tracing.shutdown();
});
beforeEach(() => {
  tracing.reset();
  api.reset();
  api.validTokens.clear();
  api.validTokens.add(TOKEN);
  sa = makeServiceAccountDir({ token: TOKEN, namespace: NS, caCert: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----" });
});
afterEach(() => sa.remove());

describe("service account and in-cluster discovery", () => {
  it("reads token, ca.crt and namespace from the directory", async () => {
    await expect(readServiceAccount(sa.dir)).resolves.toEqual({
      token: TOKEN,
      namespace: NS,
      caCert: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
    });
  });

  it("treats missing files as absent", async () => {
    const empty = makeServiceAccountDir({});
    await expect(readServiceAccount(empty.dir)).resolves.toEqual({ token: undefined, namespace: undefined, caCert: undefined });
    empty.remove();
  });

  it("derives the API server from KUBERNETES_SERVICE_HOST/PORT", () => {
    expect(inClusterApiServer({ KUBERNETES_SERVICE_HOST: "10.96.0.1", KUBERNETES_SERVICE_PORT: "443" })).toBe("https://10.96.0.1:443");
    expect(inClusterApiServer({ KUBERNETES_SERVICE_HOST: "fd00::1", KUBERNETES_SERVICE_PORT: "6443" })).toBe("https://[fd00::1]:6443");
    expect(inClusterApiServer({})).toBeUndefined();
  });

  it("fails with a typed error naming what is missing when neither config nor files provide it", async () => {
    const empty = makeServiceAccountDir({});
    const p = new K8sSecretsPlugin({ serviceAccountDir: empty.dir }, { env: {} });
    const error = await p.getSecret("db").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(K8sSecretsError);
    expect((error as K8sSecretsError).code).toBe("SERVICE_ACCOUNT_UNAVAILABLE");
    expect((error as Error).message).toMatch(/missing apiServer .*namespace .*token/);
    empty.remove();
  });
});

describe("K8sSecretsPlugin against a loopback API server", () => {
  it("reads a Secret with the service-account token from its namespace and decodes base64", async () => {
    api.seed(NS, "warehouse-password", { value: "pg-pw-7a6b5c4d3e2f" });
    await expect(plugin().getSecret("warehouse-password")).resolves.toBe("pg-pw-7a6b5c4d3e2f");
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({
      method: "GET",
      path: `/api/v1/namespaces/${NS}/secrets/warehouse-password`,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
  });

  it("prefers configured namespace, token and data key over the service account", async () => {
    api.validTokens.add("explicit-token-0a9b8c7d6e5f");
    api.seed("other-ns", "api", { apiKey: "key-1122334455" });
    const p = plugin({ namespace: "other-ns", token: "explicit-token-0a9b8c7d6e5f", dataKey: "apiKey" });
    await expect(p.getSecret("api")).resolves.toBe("key-1122334455");
    expect(api.requests[0]!.path).toBe("/api/v1/namespaces/other-ns/secrets/api");
    expect(api.requests[0]!.headers.authorization).toBe("Bearer explicit-token-0a9b8c7d6e5f");
  });

  it("returns undefined for a missing Secret (404 Status) and for a Secret without the data key", async () => {
    api.seed(NS, "foreign", { "tls.crt": "cert" });
    const p = plugin();
    await expect(p.getSecret("absent")).resolves.toBeUndefined();
    await expect(p.getSecret("foreign")).resolves.toBeUndefined();
  });

  it("creates an absent Secret with POST: Opaque, base64 data, managed-by label", async () => {
    await plugin().setSecret("new-secret", "fresh-value-99887766");
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/v1/namespaces/${NS}/secrets/new-secret`,
      `POST /api/v1/namespaces/${NS}/secrets`,
    ]);
    expect(api.requests[1]!.json).toEqual({
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "new-secret", namespace: NS, labels: MANAGED },
      type: "Opaque",
      data: { value: Buffer.from("fresh-value-99887766").toString("base64") },
    });
    expect(decoded(api.object(NS, "new-secret")!.data!.value)).toBe("fresh-value-99887766");
  });

  it("replaces an existing Secret with PUT carrying its resourceVersion, keeping other keys and labels", async () => {
    api.seed(NS, "db", { value: "old-value-000", username: "etl" }, { team: "data" });
    const before = api.object(NS, "db")!.metadata.resourceVersion;
    await plugin().setSecret("db", "new-value-111222");
    const put = api.requests.find((r) => r.method === "PUT")!;
    expect(put.path).toBe(`/api/v1/namespaces/${NS}/secrets/db`);
    expect(put.json).toMatchObject({ metadata: { resourceVersion: before } });
    const stored = api.object(NS, "db")!;
    expect(decoded(stored.data!.value)).toBe("new-value-111222");
    expect(decoded(stored.data!.username)).toBe("etl");
    expect(stored.metadata.labels).toEqual({ team: "data", ...MANAGED });
  });

  it("retries a write after a 409 resourceVersion conflict, re-reading the latest object", async () => {
    api.seed(NS, "db", { value: "old-value-000" });
    api.concurrentWriteBeforeNextPuts(1);
    await plugin().setSecret("db", "winner-value-333444");
    expect(api.requests.map((r) => r.method)).toEqual(["GET", "PUT", "GET", "PUT"]);
    const stored = api.object(NS, "db")!;
    expect(decoded(stored.data!.value)).toBe("winner-value-333444");
    expect(decoded(stored.data!.other)).toBe("concurrent");
  });

  it("gives up with a typed conflict error after maxConflictRetries", async () => {
    api.seed(NS, "db", { value: "old-value-000" });
    api.concurrentWriteBeforeNextPuts(5);
    const error = await plugin({ maxConflictRetries: 1 }).setSecret("db", "loser-value-555666").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(K8sConflictError);
    expect((error as K8sConflictError).status).toBe(409);
    expect((error as K8sConflictError).reason).toBe("Conflict");
    expect((error as Error).message).toContain("gave up after 2 attempts");
    expect(api.requests.filter((r) => r.method === "PUT")).toHaveLength(2);
  });

  it("retries a create that lost a race (409 AlreadyExists) as a replace", async () => {
    api.failNext(404, { kind: "Status", apiVersion: "v1", status: "Failure", reason: "NotFound", code: 404, message: 'secrets "db" not found' });
    api.seed(NS, "db", { value: "raced-in" });
    await plugin().setSecret("db", "final-value-777888");
    expect(api.requests.map((r) => r.method)).toEqual(["GET", "POST", "GET", "PUT"]);
    expect(decoded(api.object(NS, "db")!.data!.value)).toBe("final-value-777888");
  });

  it("deletes a Secret and reports false for one that is already gone", async () => {
    api.seed(NS, "old", { value: "x-old-value" });
    const p = plugin();
    await expect(p.deleteSecret("old")).resolves.toBe(true);
    await expect(p.deleteSecret("old")).resolves.toBe(false);
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `DELETE /api/v1/namespaces/${NS}/secrets/old`,
      `DELETE /api/v1/namespaces/${NS}/secrets/old`,
    ]);
    expect(api.object(NS, "old")).toBeUndefined();
  });

  it("lists managed Secrets by label selector, sorted, filtered by prefix", async () => {
    api.seed(NS, "db-user", { value: "u" }, MANAGED);
    api.seed(NS, "db-password", { value: "p" }, MANAGED);
    api.seed(NS, "api-key", { value: "k" }, MANAGED);
    api.seed(NS, "default-token", { token: "t" });
    const p = plugin();
    await expect(p.listSecrets()).resolves.toEqual(["api-key", "db-password", "db-user"]);
    await expect(p.listSecrets("db-")).resolves.toEqual(["db-password", "db-user"]);
    expect(api.requests[0]!.path).toBe(`/api/v1/namespaces/${NS}/secrets`);
    expect(api.requests[0]!.query).toEqual({ labelSelector: "app.kubernetes.io/managed-by=floe" });
  });

  it("rejects keys that are not Kubernetes object names without calling the API", async () => {
    const error = await plugin().getSecret("DB_PASSWORD").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(K8sSecretsError);
    expect((error as K8sSecretsError).code).toBe("INVALID_ARGUMENT");
    expect(api.requests).toHaveLength(0);
  });

  it("re-reads a rotated service-account token after a 401 and retries once", async () => {
    const p = plugin();
    await p.getSecret("a");
    api.validTokens.clear();
    api.validTokens.add("rotated-token-5e6f7a8b9c0d");
    sa.writeToken("rotated-token-5e6f7a8b9c0d");
    await expect(p.getSecret("a")).resolves.toBeUndefined();
    expect(api.requests.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
      "Bearer rotated-token-5e6f7a8b9c0d",
    ]);
  });

  it("surfaces a 401 that a re-read token does not fix", async () => {
    api.validTokens.clear();
    const error = await plugin().getSecret("a").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(K8sApiError);
    expect((error as K8sApiError).status).toBe(401);
    expect(api.requests).toHaveLength(1);
  });

  it("maps a 403 Status to a typed API error with its reason and message", async () => {
    api.failNext(403, {
      kind: "Status", apiVersion: "v1", status: "Failure", reason: "Forbidden", code: 403,
      message: `secrets "db" is forbidden: User "system:serviceaccount:${NS}:runner" cannot get resource "secrets" in API group "" in the namespace "${NS}"`,
    });
    const error = await plugin().getSecret("db").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(K8sApiError);
    expect(error).toMatchObject({ status: 403, reason: "Forbidden", code: "API_ERROR" });
    expect((error as Error).message).toContain(`GET /api/v1/namespaces/${NS}/secrets/db returned 403 Forbidden: secrets "db" is forbidden`);
  });

  it("maps a 500 (even with a non-Status body) to a typed API error", async () => {
    api.failNext(500, "etcdserver: request timed out");
    const error = await plugin().listSecrets().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(K8sApiError);
    expect((error as K8sApiError).status).toBe(500);
    expect((error as Error).message).toContain("etcdserver: request timed out");
  });

  it("reports garbage and wrongly shaped 200 answers as malformed", async () => {
    const p = plugin();
    api.garbageNext("<html>gateway</html>");
    await expect(p.getSecret("a")).rejects.toBeInstanceOf(K8sMalformedResponseError);
    api.garbageNext(JSON.stringify({ kind: "Status", status: "Success" }));
    await expect(p.getSecret("a")).rejects.toBeInstanceOf(K8sMalformedResponseError);
    api.garbageNext(JSON.stringify({ kind: "SecretList", items: [{ metadata: {} }] }));
    await expect(p.listSecrets()).rejects.toBeInstanceOf(K8sMalformedResponseError);
  });

  it("times out a stalled request", async () => {
    api.stallNext();
    const error = await plugin({ timeoutMs: 250 }).getSecret("a").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(K8sTimeoutError);
    expect((error as Error).message).toBe(`GET /api/v1/namespaces/${NS}/secrets/a timed out after 250 ms`);
  });

  it("validates its configuration without echoing values", () => {
    try {
      new K8sSecretsPlugin({ token: 424242424242, namespace: "Bad_NS" } as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain("token: expected string");
      expect(message).toContain("namespace: expected a valid Kubernetes name");
      expect(message).not.toContain("424242424242");
    }
  });

  it("never puts a token or value into a span", async () => {
    const p = plugin();
    await p.setSecret("k", "value-never-in-spans-8877");
    await p.getSecret("k");
    await p.listSecrets();
    await p.deleteSecret("k");
    expect(tracing.spanNames()).toEqual(
      expect.arrayContaining(["secrets.setSecret", "secrets.getSecret", "secrets.listSecrets", "secrets.deleteSecret"]),
    );
    expect(tracing.findLeaks([TOKEN, "value-never-in-spans-8877", Buffer.from("value-never-in-spans-8877").toString("base64")])).toEqual([]);
  });
});
