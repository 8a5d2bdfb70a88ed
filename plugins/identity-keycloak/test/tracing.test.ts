import path from "node:path";
import { fileURLToPath } from "node:url";
import { discoverPlugins, loadPlugin, REDACTED } from "@floe/runtime";
import { createTestTracing } from "@floe/runtime/testing";
import { SpanStatusCode } from "@opentelemetry/api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { KeycloakIdentityPlugin, TRACER_NAME } from "../src/index.js";
import { MockKeycloak } from "./support/mock-keycloak.js";

const tracing = createTestTracing();
const CLIENT_ID = "floe-tracer";
const CLIENT_SECRET = "kc-trace-secret-7d6c5b4a3928";
const PASSWORD = "bob-pw-Lm3$Nq7&Vx";
const FLOE = { namespace: "analytics", productName: "orders", productVersion: "3.1.0" };
const kc = new MockKeycloak(CLIENT_ID, CLIENT_SECRET);

const plugin = (clientSecret = CLIENT_SECRET) =>
  new KeycloakIdentityPlugin({ issuer: kc.issuer, realm: "floe", clientId: CLIENT_ID, clientSecret, floe: FLOE, timeoutMs: 2_000 });

/** Everything credential-like the provider handed out or the test used. */
const allSecrets = () => [CLIENT_SECRET, PASSWORD, ...kc.issuedAccessTokens, ...kc.issuedRefreshTokens.keys()];

beforeAll(async () => {
  await kc.start();
  kc.users.set("bob", PASSWORD);
});
afterAll(async () => {
  await kc.stop();
  await tracing.shutdown();
});
beforeEach(() => {
  tracing.reset();
  kc.reset();
});

describe("identity-keycloak tracing", () => {
  it("uses the conventional tracer name", () => {
    expect(TRACER_NAME).toBe("floe.identity.keycloak");
    expect(plugin().tracerName).toBe("floe.identity.keycloak");
  });

  it("opens identity.authenticate with provider, realm, grant type, client id and floe context", async () => {
    const tokens = await plugin().authenticate({ grantType: "password", username: "bob", password: PASSWORD });
    const span = tracing.getSpan("identity.authenticate");
    expect(span.instrumentationScope.name).toBe("floe.identity.keycloak");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toEqual({
      "identity.provider": "keycloak",
      "identity.realm": "floe",
      "identity.grant_type": "password",
      "identity.client_id": CLIENT_ID,
      "floe.operation": "authenticate",
      "floe.namespace": "analytics",
      "floe.product.name": "orders",
      "floe.product.version": "3.1.0",
    });
    expect(tracing.findLeaks([...allSecrets(), tokens.idToken!, "bob"])).toEqual([]);
  });

  it("records a valid token as identity.token_valid=true", async () => {
    const p = plugin();
    const { accessToken, refreshToken } = await p.authenticate({ grantType: "password", username: "bob", password: PASSWORD });
    await p.validateToken(accessToken);
    const refreshed = await p.refreshToken(refreshToken!);
    await p.getUserInfo(refreshed.accessToken);
    expect(tracing.spanNames()).toEqual([
      "identity.authenticate",
      "identity.validateToken",
      "identity.refreshToken",
      "identity.getUserInfo",
    ]);
    expect(tracing.getSpan("identity.validateToken").attributes["identity.token_valid"]).toBe(true);
    expect(tracing.getSpan("identity.refreshToken").attributes["identity.grant_type"]).toBe("refresh_token");
    for (const span of tracing.spans()) expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(tracing.findLeaks(allSecrets())).toEqual([]);
  });

  it("records a rejected token as a verdict: span OK, token_valid=false, validation_failure=reason", async () => {
    const expired = await kc.server.issuer.buildToken({
      expiresIn: -600,
      scopesOrTransform: (_h, payload) => {
        payload.aud = CLIENT_ID;
      },
    });
    await expect(plugin().validateToken(expired)).resolves.toEqual({ valid: false, reason: "expired" });
    const span = tracing.getSpan("identity.validateToken");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.events).toEqual([]);
    expect(span.attributes["identity.token_valid"]).toBe(false);
    expect(span.attributes["identity.validation_failure"]).toBe("expired");
    expect(tracing.findLeaks([expired])).toEqual([]);
  });

  it("records a JWKS failure (no verdict) as ERROR", async () => {
    const gone = await new MockKeycloak(CLIENT_ID, CLIENT_SECRET).start();
    const p = new KeycloakIdentityPlugin({ issuer: gone.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    const { accessToken } = await p.authenticate({ grantType: "client_credentials" });
    await gone.stop();
    await expect(p.validateToken(accessToken)).rejects.toThrow(/JWKS/);
    const span = tracing.getSpan("identity.validateToken");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes["identity.token_valid"]).toBeUndefined();
    expect(span.events[0]!.attributes!["exception.type"]).toBe("JWKS_UNAVAILABLE");
    expect(tracing.findLeaks([accessToken, CLIENT_SECRET])).toEqual([]);
  });

  it("records a refused login whose error echoes the credentials as ERROR, sanitized", async () => {
    const wrong = "kc-wrong-9a8b7c6d5e4f3a2b";
    kc.respondNext(401, {
      error: "invalid_client",
      error_description: `client_secret=${wrong} rejected for password=${PASSWORD}; Authorization: Basic ${Buffer.from(`${CLIENT_ID}:${wrong}`).toString("base64")}`,
    });
    await expect(plugin(wrong).authenticate({ grantType: "password", username: "bob", password: PASSWORD })).rejects.toThrow(
      /returned 401: invalid_client/,
    );
    const span = tracing.getSpan("identity.authenticate");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain(REDACTED);
    const exception = span.events.find((e) => e.name === "exception")!;
    expect(exception.attributes!["exception.type"]).toBe("AUTH_FAILED");
    expect(String(exception.attributes!["exception.message"])).toContain("invalid_client");
    expect(tracing.findLeaks([wrong, PASSWORD, Buffer.from(`${CLIENT_ID}:${wrong}`).toString("base64")])).toEqual([]);
  });

  it("records a refused userinfo call as ERROR without the token", async () => {
    const bogus = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.bogus-signature-1234";
    await expect(plugin().getUserInfo(bogus)).rejects.toThrow(/401/);
    const span = tracing.getSpan("identity.getUserInfo");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(tracing.findLeaks([bogus])).toEqual([]);
  });

  it("is discovered by the registry with its type and tracer name", async () => {
    const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
    const declaration = (await discoverPlugins({ cwd: repoRoot })).find((d) => d.packageName === "@floe/plugin-identity-keycloak");
    expect(declaration?.declaredType).toBe("IDENTITY");
    const loaded = await loadPlugin(declaration!);
    expect(loaded.tracerName).toBe("floe.identity.keycloak");
    expect(loaded.name).toBe("identity-keycloak");
  });
});
