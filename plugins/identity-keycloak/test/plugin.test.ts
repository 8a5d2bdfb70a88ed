import { createTestTracing } from "@floe/runtime/testing";
import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ConfigError,
  KeycloakAuthError,
  KeycloakDiscoveryError,
  KeycloakHttpError,
  KeycloakIdentityPlugin,
  KeycloakJwksError,
  KeycloakMalformedResponseError,
  KeycloakTimeoutError,
  type KeycloakConfigInput,
} from "../src/index.js";
import { MockKeycloak } from "./support/mock-keycloak.js";
import { StallingIssuer } from "./support/stall-server.js";

const tracing = createTestTracing();
const CLIENT_ID = "floe-runner";
const CLIENT_SECRET = "kc-secret-4b3a29180f7e6d5c";
const PASSWORD = "alice-pw-Zq8!rT2#xY";
const kc = new MockKeycloak(CLIENT_ID, CLIENT_SECRET);

function plugin(overrides: Partial<KeycloakConfigInput> = {}, now?: () => number): KeycloakIdentityPlugin {
  return new KeycloakIdentityPlugin(
    { issuer: kc.issuer, realm: "floe", clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, timeoutMs: 2_000, ...overrides },
    { now },
  );
}

/** A token signed by the provider's own key, with claims adjusted. */
function providerToken(adjust: (payload: Record<string, unknown>) => void, expiresIn = 300): Promise<string> {
  return kc.server.issuer.buildToken({
    expiresIn,
    scopesOrTransform: (_header, payload) => {
      payload.aud = CLIENT_ID;
      payload.sub = "svc";
      adjust(payload);
    },
  });
}

beforeAll(async () => {
  await kc.start();
  kc.users.set("alice", PASSWORD);
});
afterAll(async () => {
  await kc.stop();
  await tracing.shutdown();
});
beforeEach(() => {
  tracing.reset();
  kc.reset();
});

describe("authenticate / refreshToken against a loopback OIDC provider", () => {
  it("discovers the token endpoint and runs the client-credentials grant with HTTP Basic client auth", async () => {
    const now = 1_700_000_000_000;
    const tokens = await plugin({}, () => now).authenticate({ grantType: "client_credentials", scope: "profile" });
    expect(kc.tokenRequests).toHaveLength(1);
    const [request] = kc.tokenRequests;
    expect(request!.form).toEqual({ grant_type: "client_credentials", scope: "profile" });
    expect(request!.authorization).toBe(`Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64")}`);
    expect(tokens.accessToken).toBe(kc.issuedAccessTokens.at(-1));
    expect(tokens.tokenType).toBe("Bearer");
    expect(tokens.scope).toBe("profile");
    expect(tokens.expiresAt.getTime()).toBe(now + 3600_000);
  });

  it("sends client_id and client_secret in the form with client_secret_post", async () => {
    await plugin({ clientAuthMethod: "client_secret_post" }).authenticate({ grantType: "client_credentials" });
    expect(kc.tokenRequests[0]!.authorization).toBeUndefined();
    expect(kc.tokenRequests[0]!.form).toEqual({ grant_type: "client_credentials", client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
  });

  it("runs the password grant and returns access, refresh and id tokens", async () => {
    const tokens = await plugin().authenticate({ grantType: "password", username: "alice", password: PASSWORD });
    expect(kc.tokenRequests[0]!.form).toEqual({ grant_type: "password", username: "alice", password: PASSWORD, scope: "openid" });
    expect(tokens.refreshToken).toBeDefined();
    expect(tokens.idToken).toMatch(/^ey/);
    const verdict = await plugin().validateToken(tokens.accessToken);
    expect(verdict).toMatchObject({ valid: true, subject: "alice" });
  });

  it("refreshes with the refresh_token grant", async () => {
    const first = await plugin().authenticate({ grantType: "password", username: "alice", password: PASSWORD });
    const second = await plugin().refreshToken(first.refreshToken!);
    expect(kc.tokenRequests[1]!.form).toEqual({ grant_type: "refresh_token", refresh_token: first.refreshToken });
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await expect(plugin().validateToken(second.accessToken)).resolves.toMatchObject({ valid: true, subject: "alice" });
  });

  it("rejects a wrong client secret with invalid_client (401)", async () => {
    const error = await plugin({ clientSecret: "kc-wrong-secret-000000" }).authenticate({ grantType: "client_credentials" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeycloakAuthError);
    expect(error).toMatchObject({ status: 401, oauthError: "invalid_client", code: "AUTH_FAILED" });
    expect((error as Error).message).toContain("(client_credentials) returned 401: invalid_client: Invalid client or Invalid client credentials");
  });

  it("rejects wrong user credentials with invalid_grant", async () => {
    const error = await plugin().authenticate({ grantType: "password", username: "alice", password: "not-her-password" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeycloakAuthError);
    expect(error).toMatchObject({ status: 401, oauthError: "invalid_grant" });
  });

  it("rejects an unknown refresh token with 400 invalid_grant", async () => {
    const error = await plugin().refreshToken("6f1e2d3c-unknown-refresh").catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, oauthError: "invalid_grant" });
    expect((error as Error).message).toContain("Token is not active");
  });

  it("maps a 5xx token response to a typed HTTP error", async () => {
    kc.respondNext(503, { error: "temporarily_unavailable", error_description: "database unavailable" });
    const error = await plugin().authenticate({ grantType: "client_credentials" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeycloakHttpError);
    expect((error as KeycloakHttpError).status).toBe(503);
  });

  it("reports a token response without access_token as malformed", async () => {
    kc.respondNext(200, { token_type: "Bearer", expires_in: 300 });
    await expect(plugin().authenticate({ grantType: "client_credentials" })).rejects.toBeInstanceOf(KeycloakMalformedResponseError);
  });

  it("fails discovery with a typed error for a realm that does not exist (404)", async () => {
    const error = await plugin({ issuer: `${kc.issuer}/realms/nope` }).authenticate({ grantType: "client_credentials" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeycloakDiscoveryError);
    expect((error as KeycloakDiscoveryError).status).toBe(404);
    expect((error as Error).message).toBe("GET /realms/nope/.well-known/openid-configuration returned 404");
  });

  it("refuses a discovery document for another issuer", async () => {
    // The mock names itself http://localhost:<port>; reach the same server as 127.0.0.1.
    const other = kc.issuer.replace("localhost", "127.0.0.1");
    expect(other).not.toBe(kc.issuer);
    await expect(plugin({ issuer: other }).authenticate({ grantType: "client_credentials" })).rejects.toThrow(
      /discovery document names issuer/,
    );
  });

  it("times out a token request that never answers", async () => {
    const stalling = await new StallingIssuer().start();
    const p = new KeycloakIdentityPlugin({ issuer: stalling.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, timeoutMs: 250 });
    const error = await p.authenticate({ grantType: "client_credentials" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeycloakTimeoutError);
    expect((error as Error).message).toBe("POST /token timed out after 250 ms");
    await stalling.stop();
  });
});

describe("validateToken against the provider's JWKS", () => {
  it("accepts a token the provider issued for this client", async () => {
    const { accessToken } = await plugin().authenticate({ grantType: "client_credentials" });
    const verdict = await plugin().validateToken(accessToken);
    expect(verdict.valid).toBe(true);
    expect(verdict.subject).toBe(`service-account-${CLIENT_ID}`);
    expect(verdict.claims).toMatchObject({ iss: kc.issuer, aud: CLIENT_ID, azp: CLIENT_ID });
    expect(verdict.expiresAt).toBeInstanceOf(Date);
  });

  it.each([
    ["expired", () => providerToken(() => {}, -3600)],
    ["wrong_audience", () => providerToken((p) => (p.aud = "another-client"))],
    ["wrong_issuer", () => providerToken((p) => (p.iss = "http://127.0.0.1:1/realms/evil"))],
    ["not_yet_valid", () => providerToken((p) => (p.nbf = Math.floor(Date.now() / 1000) + 3600))],
  ])("returns { valid: false, reason: %s }", async (reason, make) => {
    await expect(plugin().validateToken(await make())).resolves.toEqual({ valid: false, reason });
  });

  it("rejects a tampered token (invalid_signature) and one signed by an unknown key (unknown_key)", async () => {
    const good = await providerToken(() => {});
    const [header, , signature] = good.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ iss: kc.issuer, aud: CLIENT_ID, sub: "admin", exp: 9_999_999_999 })).toString("base64url");
    await expect(plugin().validateToken(`${header}.${forgedPayload}.${signature}`)).resolves.toEqual({ valid: false, reason: "invalid_signature" });

    const { privateKey } = await generateKeyPair("RS256");
    const rogue = await new SignJWT({ sub: "admin" })
      .setProtectedHeader({ alg: "RS256", kid: "rogue-key" })
      .setIssuer(kc.issuer)
      .setAudience(CLIENT_ID)
      .setExpirationTime("5m")
      .sign(privateKey);
    await expect(plugin().validateToken(rogue)).resolves.toEqual({ valid: false, reason: "unknown_key" });
  });

  it("calls garbage malformed", async () => {
    await expect(plugin().validateToken("not-a-jwt")).resolves.toEqual({ valid: false, reason: "malformed" });
    await expect(plugin().validateToken("")).resolves.toEqual({ valid: false, reason: "malformed" });
  });

  it("rejects (no verdict) when the JWKS cannot be fetched", async () => {
    const gone = await new MockKeycloak(CLIENT_ID, CLIENT_SECRET).start();
    const p = new KeycloakIdentityPlugin({ issuer: gone.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, timeoutMs: 2_000 });
    const { accessToken } = await p.authenticate({ grantType: "client_credentials" });
    await gone.stop();
    const error = await p.validateToken(accessToken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeycloakJwksError);
    expect((error as Error).message).toMatch(/^JWKS \/jwks unavailable, no verdict on the token/);
  });

  it("rejects (no verdict) when the JWKS times out", async () => {
    const stalling = await new StallingIssuer().start();
    const p = new KeycloakIdentityPlugin({ issuer: stalling.url, clientId: CLIENT_ID, timeoutMs: 250 });
    const token = await providerToken(() => {});
    await expect(p.validateToken(token)).rejects.toBeInstanceOf(KeycloakJwksError);
    await stalling.stop();
  });
});

describe("getUserInfo", () => {
  it("reads the userinfo endpoint with the bearer token", async () => {
    const { accessToken } = await plugin().authenticate({ grantType: "password", username: "alice", password: PASSWORD });
    const info = await plugin().getUserInfo(accessToken);
    expect(info).toEqual({ sub: "f3a1c2d4-user", preferred_username: "alice", email: "alice@example.com", email_verified: true });
    expect(kc.userinfoRequests).toEqual([{ authorization: `Bearer ${accessToken}` }]);
  });

  it("maps a refused token to a typed auth error (401 invalid_token)", async () => {
    const error = await plugin().getUserInfo("eyJ.unknown.token").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeycloakAuthError);
    expect(error).toMatchObject({ status: 401, oauthError: "invalid_token" });
  });
});

describe("configuration", () => {
  it("derives the Keycloak issuer from serverUrl and realm", async () => {
    const p = new KeycloakIdentityPlugin({ serverUrl: `${kc.issuer}/`, realm: "floe", clientId: CLIENT_ID });
    // The mock serves no /realms/ path: the derived issuer is what discovery asks for.
    await expect(p.authenticate({ grantType: "client_credentials" })).rejects.toThrow("GET /realms/floe/.well-known/openid-configuration returned 404");
  });

  it("reports missing and invalid fields without echoing values", () => {
    try {
      new KeycloakIdentityPlugin({ issuer: kc.issuer, clientId: CLIENT_ID, clientSecret: 55554444333 } as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain("clientSecret: expected string");
      expect(message).not.toContain("55554444333");
    }
    expect(() => new KeycloakIdentityPlugin({ clientId: CLIENT_ID, realm: "floe" })).toThrow(
      "issuer: expected issuer, or serverUrl and realm",
    );
  });
});
