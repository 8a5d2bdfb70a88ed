import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ConfigError,
  InfisicalAuthError,
  InfisicalHttpError,
  InfisicalMalformedResponseError,
  InfisicalNetworkError,
  InfisicalSecretsPlugin,
  InfisicalTimeoutError,
  type InfisicalConfigInput,
} from "../src/index.js";
import { FakeInfisical } from "./support/infisical-server.js";

const tracing = createTestTracing();
const server = new FakeInfisical();
const CLIENT_ID = "machine-identity-7f3a";
const CLIENT_SECRET = "cs_9f8e7d6c5b4a39281706f5e4d3c2b1a0";
const WORKSPACE = "ws-analytics";

function config(overrides: Partial<InfisicalConfigInput> = {}): InfisicalConfigInput {
  return {
    siteUrl: server.url,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    workspaceId: WORKSPACE,
    environment: "prod",
    secretPath: "/etl",
    timeoutMs: 2_000,
    ...overrides,
  };
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

const secretRequests = () => server.requests.filter((r) => r.path.startsWith("/api/v3/secrets/raw"));
const loginRequests = () => server.requests.filter((r) => r.path === "/api/v1/auth/universal-auth/login");

describe("InfisicalSecretsPlugin against a loopback Infisical", () => {
  it("logs in with Universal Auth and reads a secret with the bearer token and scope", async () => {
    server.seed(WORKSPACE, "prod", "/etl", { DB_PASSWORD: "s3cr3t-db-password-value" });
    const plugin = new InfisicalSecretsPlugin(config());

    await expect(plugin.getSecret("DB_PASSWORD")).resolves.toBe("s3cr3t-db-password-value");

    expect(loginRequests()).toHaveLength(1);
    expect(loginRequests()[0]!.json).toEqual({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    const [get] = secretRequests();
    expect(get!.method).toBe("GET");
    expect(get!.path).toBe("/api/v3/secrets/raw/DB_PASSWORD");
    expect(get!.query).toEqual({ workspaceId: WORKSPACE, environment: "prod", secretPath: "/etl" });
    expect(get!.headers.authorization).toBe(`Bearer ${server.issuedTokens.at(-1)}`);
  });

  it("returns undefined for a missing secret", async () => {
    const plugin = new InfisicalSecretsPlugin(config());
    await expect(plugin.getSecret("NOPE")).resolves.toBeUndefined();
    expect(secretRequests()[0]!.path).toBe("/api/v3/secrets/raw/NOPE");
  });

  it("encodes secret names in the path", async () => {
    server.seed(WORKSPACE, "prod", "/etl", { "odd name/x": "v-odd-value-1234" });
    const plugin = new InfisicalSecretsPlugin(config());
    await expect(plugin.getSecret("odd name/x")).resolves.toBe("v-odd-value-1234");
    expect(secretRequests()[0]!.path).toBe("/api/v3/secrets/raw/odd%20name%2Fx");
  });

  it("creates a secret that does not exist (PATCH 404, then POST)", async () => {
    const plugin = new InfisicalSecretsPlugin(config());
    await plugin.setSecret("API_KEY", "new-api-key-value-0001");

    expect(secretRequests().map((r) => r.method)).toEqual(["PATCH", "POST"]);
    expect(secretRequests()[1]!.json).toEqual({
      workspaceId: WORKSPACE,
      environment: "prod",
      secretPath: "/etl",
      type: "shared",
      secretValue: "new-api-key-value-0001",
    });
    expect(server.stored(WORKSPACE, "prod", "/etl")).toEqual({ API_KEY: "new-api-key-value-0001" });
  });

  it("updates an existing secret with one PATCH", async () => {
    server.seed(WORKSPACE, "prod", "/etl", { API_KEY: "old-value-000000" });
    const plugin = new InfisicalSecretsPlugin(config());
    await plugin.setSecret("API_KEY", "rotated-value-111111");
    expect(secretRequests().map((r) => `${r.method} ${r.path}`)).toEqual(["PATCH /api/v3/secrets/raw/API_KEY"]);
    expect(server.stored(WORKSPACE, "prod", "/etl")).toEqual({ API_KEY: "rotated-value-111111" });
  });

  it("deletes a secret and reports false when it was already gone", async () => {
    server.seed(WORKSPACE, "prod", "/etl", { OLD: "old-value-222222" });
    const plugin = new InfisicalSecretsPlugin(config());
    await expect(plugin.deleteSecret("OLD")).resolves.toBe(true);
    await expect(plugin.deleteSecret("OLD")).resolves.toBe(false);
    expect(secretRequests()[0]!.json).toMatchObject({ workspaceId: WORKSPACE, environment: "prod", secretPath: "/etl" });
    expect(server.stored(WORKSPACE, "prod", "/etl")).toEqual({});
  });

  it("lists names sorted and filtered by prefix, only from the configured folder", async () => {
    server.seed(WORKSPACE, "prod", "/etl", { DB_USER: "u-1234567890", DB_PASSWORD: "p-1234567890", API_KEY: "k-1234567890" });
    server.seed(WORKSPACE, "prod", "/other", { DB_OTHER: "o-1234567890" });
    const plugin = new InfisicalSecretsPlugin(config());
    await expect(plugin.listSecrets()).resolves.toEqual(["API_KEY", "DB_PASSWORD", "DB_USER"]);
    await expect(plugin.listSecrets("DB_")).resolves.toEqual(["DB_PASSWORD", "DB_USER"]);
    expect(secretRequests()[0]!.path).toBe("/api/v3/secrets/raw");
  });

  it("reuses the cached token across operations", async () => {
    const plugin = new InfisicalSecretsPlugin(config());
    await plugin.getSecret("A");
    await plugin.getSecret("B");
    await plugin.listSecrets();
    expect(loginRequests()).toHaveLength(1);
    expect(new Set(secretRequests().map((r) => r.headers.authorization)).size).toBe(1);
  });

  it("logs in again shortly before the token expires", async () => {
    let now = 1_000_000;
    server.expiresIn = 3600;
    const plugin = new InfisicalSecretsPlugin(config({ refreshSkewSeconds: 60 }), { now: () => now });
    await plugin.getSecret("A");
    now += 3539_000;
    await plugin.getSecret("A");
    expect(loginRequests()).toHaveLength(1);
    now += 2_000;
    await plugin.getSecret("A");
    expect(loginRequests()).toHaveLength(2);
    expect(secretRequests()[2]!.headers.authorization).toBe(`Bearer ${server.issuedTokens.at(-1)}`);
  });

  it("re-logs in once after a 401 and retries the request", async () => {
    server.seed(WORKSPACE, "prod", "/etl", { A: "value-a-123456" });
    const plugin = new InfisicalSecretsPlugin(config());
    await plugin.getSecret("A");
    server.revokeTokens();
    await expect(plugin.getSecret("A")).resolves.toBe("value-a-123456");
    expect(loginRequests()).toHaveLength(2);
    expect(secretRequests().map((r) => r.headers.authorization)).toEqual([
      `Bearer ${server.issuedTokens[0]}`,
      `Bearer ${server.issuedTokens[0]}`,
      `Bearer ${server.issuedTokens[1]}`,
    ]);
  });

  it("gives up after one re-login when the server keeps answering 401", async () => {
    const plugin = new InfisicalSecretsPlugin(config());
    await plugin.getSecret("A");
    server.failNext(401, { statusCode: 401, message: "Token expired", error: "UnauthorizedError" });
    server.failNext(200, { accessToken: "eyJ-fresh-token-000000000", expiresIn: 60 });
    server.failNext(401, { statusCode: 401, message: "Token expired", error: "UnauthorizedError" });
    const error = await plugin.getSecret("A").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfisicalHttpError);
    expect((error as InfisicalHttpError).status).toBe(401);
    expect(loginRequests()).toHaveLength(2);
  });

  it("rejects bad client credentials with a typed auth error", async () => {
    const plugin = new InfisicalSecretsPlugin(config({ clientSecret: "cs_wrong_secret_value_0000" }));
    const error = await plugin.getSecret("A").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfisicalAuthError);
    expect((error as InfisicalAuthError).status).toBe(401);
    expect(secretRequests()).toHaveLength(0);
  });

  it("maps a 403 to a typed HTTP error quoting the server message", async () => {
    const plugin = new InfisicalSecretsPlugin(config());
    await plugin.listSecrets();
    server.failNext(403, { statusCode: 403, message: "You are not allowed to read secrets in prod", error: "PermissionDenied" });
    const error = await plugin.getSecret("A").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfisicalHttpError);
    expect((error as InfisicalHttpError).status).toBe(403);
    expect((error as Error).message).toContain("PermissionDenied: You are not allowed to read secrets in prod");
  });

  it("maps a 500 to a typed HTTP error", async () => {
    const plugin = new InfisicalSecretsPlugin(config());
    await plugin.listSecrets();
    server.failNext(500, { statusCode: 500, message: "Something went wrong", error: "InternalServerError" });
    const error = await plugin.setSecret("A", "value-a-123456").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfisicalHttpError);
    expect((error as InfisicalHttpError).code).toBe("HTTP_ERROR");
    expect((error as InfisicalHttpError).status).toBe(500);
  });

  it("reports a non-JSON or wrongly shaped 200 as a malformed response", async () => {
    server.seed(WORKSPACE, "prod", "/etl", { A: "value-a-123456" });
    const plugin = new InfisicalSecretsPlugin(config());
    await plugin.listSecrets();
    server.garbageNext("<html>proxy error</html>");
    await expect(plugin.getSecret("A")).rejects.toBeInstanceOf(InfisicalMalformedResponseError);
    server.garbageNext(JSON.stringify({ secret: { secretKey: "A" } }));
    await expect(plugin.getSecret("A")).rejects.toBeInstanceOf(InfisicalMalformedResponseError);
    server.garbageNext(JSON.stringify({ secrets: [{ secretValue: "x" }] }));
    await expect(plugin.listSecrets()).rejects.toBeInstanceOf(InfisicalMalformedResponseError);
  });

  it("reports a login response without accessToken as malformed", async () => {
    server.garbageNext(JSON.stringify({ expiresIn: 60 }));
    const plugin = new InfisicalSecretsPlugin(config());
    await expect(plugin.getSecret("A")).rejects.toBeInstanceOf(InfisicalMalformedResponseError);
  });

  it("times out a stalled request", async () => {
    const plugin = new InfisicalSecretsPlugin(config({ timeoutMs: 250 }));
    await plugin.listSecrets();
    server.stallNext();
    const error = await plugin.getSecret("A").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfisicalTimeoutError);
    expect((error as Error).message).toContain("GET /api/v3/secrets/raw/A timed out after 250 ms");
  });

  it("reports an unreachable server as a network error", async () => {
    const closed = new FakeInfisical();
    await closed.start();
    const url = closed.url;
    await closed.stop();
    const plugin = new InfisicalSecretsPlugin(config({ siteUrl: url }));
    const error = await plugin.getSecret("A").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InfisicalNetworkError);
    expect((error as Error).message).toContain("POST /api/v1/auth/universal-auth/login failed: ECONNREFUSED");
  });

  it("validates its configuration without echoing secret values", () => {
    expect(() => new InfisicalSecretsPlugin({ ...config(), clientSecret: 987654321 } as never)).toThrow(ConfigError);
    try {
      new InfisicalSecretsPlugin({ ...config(), clientSecret: 987654321, workspaceId: "" } as never);
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain("clientSecret: expected string");
      expect(message).toContain("workspaceId: expected a non-empty string");
      expect(message).not.toContain("987654321");
    }
    expect(() => new InfisicalSecretsPlugin(config({ secretPath: "etl" }))).toThrow(/secretPath: expected a path starting with \//);
  });

  it("never puts a credential or value into any span", async () => {
    const plugin = new InfisicalSecretsPlugin(config());
    await plugin.setSecret("K", "value-that-must-not-leak-42");
    await plugin.getSecret("K");
    await plugin.listSecrets();
    expect(tracing.spanNames()).toEqual(expect.arrayContaining(["secrets.setSecret", "secrets.getSecret", "secrets.listSecrets"]));
    expect(tracing.findLeaks([CLIENT_SECRET, "value-that-must-not-leak-42", ...server.issuedTokens])).toEqual([]);
  });
});
