import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConfigError,
  FloePluginError,
  MalformedResponseError,
  PluginTimeoutError,
  PluginUnreachableError,
  backoffDelay,
  httpRequest,
  parseConfig,
  parseJsonBody,
  retryAfterMs,
  type SafeParseSchema,
} from "../src/plugin-kit/index.js";
import { sendJson, startLoopbackServer, type LoopbackServer } from "../src/testing/index.js";

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer((req, res) => {
    if (req.path === "/slow") return; // never answers
    if (req.path === "/garbage") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>proxy login</html>");
      return;
    }
    if (req.path === "/redirect") {
      res.writeHead(302, { location: "http://example.invalid/" });
      res.end();
      return;
    }
    sendJson(res, 201, { echoed: req.json, auth: req.headers.authorization });
  });
});
afterAll(() => server.close());

describe("plugin-kit http", () => {
  it("performs a real exchange and the loopback server records it", async () => {
    const response = await httpRequest({
      method: "POST",
      url: `${server.url}/things?x=1`,
      headers: { "content-type": "application/json", authorization: "Bearer t" },
      body: JSON.stringify({ a: 1 }),
      timeoutMs: 2000,
    });
    expect(response.status).toBe(201);
    expect(parseJsonBody(response)).toEqual({ echoed: { a: 1 }, auth: "Bearer t" });
    expect(server.requests.at(-1)).toMatchObject({ method: "POST", path: "/things", query: { x: "1" }, json: { a: 1 } });
  });

  it("does not follow redirects by default", async () => {
    const response = await httpRequest({ method: "GET", url: `${server.url}/redirect`, timeoutMs: 2000 });
    expect(response.status).toBe(302);
  });

  it("turns a stalled peer into a typed timeout naming the host only", async () => {
    const error = await httpRequest({ method: "GET", url: `${server.url}/slow?token=abcdef123456`, timeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginTimeoutError);
    expect((error as PluginTimeoutError).code).toBe("TIMEOUT");
    expect((error as Error).message).not.toContain("abcdef123456");
  });

  it("turns a refused connection into a typed unreachable error with the system code", async () => {
    const closed = await startLoopbackServer(() => undefined);
    await closed.close();
    const error = await httpRequest({ method: "GET", url: closed.url, timeoutMs: 2000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginUnreachableError);
    expect((error as Error).message).toContain("ECONNREFUSED");
  });

  it("reports a body that is not JSON as a malformed response", async () => {
    const response = await httpRequest({ method: "GET", url: `${server.url}/garbage`, timeoutMs: 2000 });
    expect(() => parseJsonBody(response, "catalog config")).toThrow(MalformedResponseError);
  });
});

describe("plugin-kit errors and config", () => {
  it("sanitizes typed error messages and strips the secrets the plugin names", () => {
    const error = new FloePluginError("login failed for key Zx9-known-secret with password=hunter2hunter2", {
      code: "AUTH_FAILED",
      status: 401,
      secrets: ["Zx9-known-secret"],
    });
    expect(error.message).toBe("login failed for key <REDACTED> with password=<REDACTED>");
    expect(error).toMatchObject({ code: "AUTH_FAILED", status: 401, name: "FloePluginError" });
  });

  it("lists failing config paths without echoing values", () => {
    const schema: SafeParseSchema<{ url: string }> = {
      safeParse: (input) =>
        typeof (input as { url?: unknown }).url === "string"
          ? { success: true, data: input as { url: string } }
          : { success: false, error: { issues: [{ path: ["auth", "password"], message: "expected string, received number" }] } },
    };
    expect(parseConfig("alert-x", schema, { url: "u" })).toEqual({ url: "u" });
    const error = (() => {
      try {
        parseConfig("alert-x", schema, { url: 42, auth: { password: 1234567 } });
      } catch (e) {
        return e as ConfigError;
      }
    })()!;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe("invalid alert-x config: auth.password: expected string, received number");
    expect(error.issues).toHaveLength(1);
  });
});

describe("plugin-kit backoff", () => {
  it("grows exponentially with full jitter and a cap", () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, policy, () => 0.999)).toBe(99);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(999);
  });

  it("reads Retry-After as seconds or a date", () => {
    expect(retryAfterMs("3")).toBe(3000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs("soon")).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
