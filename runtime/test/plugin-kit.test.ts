import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ConfigError,
  FloePluginError,
  MalformedResponseError,
  PluginTimeoutError,
  PluginUnreachableError,
  backoffDelay,
  describeExpectation,
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

describe("plugin-kit issue wording", () => {
  // Issues shaped as zod 4 reports them.
  const at = (path: PropertyKey[], issue: Record<string, unknown>) => ({ path, message: "zod's own message", ...issue });

  it("says what each field expected, never what it received", () => {
    expect(describeExpectation(at(["a"], { code: "invalid_type", expected: "string", input: 987654321 }))).toBe("expected string");
    expect(describeExpectation(at(["a"], { code: "too_small", origin: "string", minimum: 1 }))).toBe("expected a non-empty string");
    expect(describeExpectation(at(["a"], { code: "too_small", origin: "string", minimum: 8 }))).toBe("expected at least 8 characters");
    expect(describeExpectation(at(["a"], { code: "too_small", origin: "array", minimum: 1 }))).toBe("expected at least 1 item(s)");
    expect(describeExpectation(at(["a"], { code: "too_big", origin: "number", maximum: 65535 }))).toBe("expected at most 65535");
    expect(describeExpectation(at(["a"], { code: "invalid_format", format: "url" }))).toBe("expected a valid url");
    expect(describeExpectation(at(["a"], { code: "invalid_format", format: "starts_with", prefix: "/" }))).toBe("expected a value starting with /");
    expect(describeExpectation(at(["a"], { code: "invalid_value", values: ["basic", "post"] }))).toBe('expected one of "basic", "post"');
    expect(describeExpectation(at(["a"], { code: "custom", message: "an open CIDR requires allowInternetEgress" }))).toBe(
      "an open CIDR requires allowInternetEgress",
    );
    expect(describeExpectation(at(["a"], { code: "invalid_union" }))).toBe("invalid value");
  });

  it("uses the plugin's wording for a format or an issue code", () => {
    const wording = { regex: "a valid Kubernetes name", invalid_key: "a valid label key" };
    expect(describeExpectation(at(["a"], { code: "invalid_format", format: "regex", pattern: "/^x$/" }), wording)).toBe(
      "expected a valid Kubernetes name",
    );
    expect(describeExpectation(at(["a"], { code: "invalid_key", origin: "record" }), wording)).toBe("expected a valid label key");
  });

  it("lets parseConfig word issues and set the error code", () => {
    const schema: SafeParseSchema<never> = {
      safeParse: () => ({ success: false, error: { issues: [at(["jobs"], { code: "too_small", origin: "array", minimum: 1 })] } }),
    };
    const error = (() => {
      try {
        parseConfig("floe RBAC", schema, { jobs: [] }, { describe: describeExpectation, code: "RBAC_CONFIG_INVALID" });
      } catch (e) {
        return e as ConfigError;
      }
    })()!;
    expect(error.message).toBe("invalid floe RBAC config: jobs: expected at least 1 item(s)");
    expect(error.code).toBe("RBAC_CONFIG_INVALID");
    expect(new ConfigError("x", ["a: b"]).code).toBe("CONFIG_INVALID");
  });
});

describe("loopback server over TLS", () => {
  let certDir: string;
  let tlsServer: LoopbackServer;
  let cert: string;
  beforeAll(async () => {
    certDir = mkdtempSync(path.join(os.tmpdir(), "floe-kit-tls-"));
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=loopback",
      "-addext", "subjectAltName=IP:127.0.0.1",
      "-keyout", path.join(certDir, "key.pem"), "-out", path.join(certDir, "cert.pem"),
    ], { stdio: "ignore" });
    cert = readFileSync(path.join(certDir, "cert.pem"), "utf8");
    const key = readFileSync(path.join(certDir, "key.pem"), "utf8");
    tlsServer = await startLoopbackServer((req, res) => sendJson(res, 200, { path: req.path }), { tls: { key, cert } });
  });
  afterAll(async () => {
    await tlsServer.close();
    rmSync(certDir, { recursive: true, force: true });
  });

  it("serves https verified against its certificate and records the request", async () => {
    expect(tlsServer.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const body = await new Promise<string>((resolve, reject) => {
      https
        .get(`${tlsServer.url}/over-tls`, { ca: cert }, (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
          res.on("end", () => resolve(text));
        })
        .on("error", reject);
    });
    expect(JSON.parse(body)).toEqual({ path: "/over-tls" });
    expect(tlsServer.requests.at(-1)).toMatchObject({ method: "GET", path: "/over-tls" });
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
