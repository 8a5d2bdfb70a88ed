import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ConfigError,
  FloePluginError,
  MalformedResponseError,
  PluginTimeoutError,
  PluginUnreachableError,
  backoffDelay,
  describeExpectation,
  floeContextSchema,
  httpRequest,
  parseConfig,
  parseJsonBody,
  retryAfterMs,
  type SafeParseSchema,
} from "../src/plugin-kit/index.js";
import { jsonAnswer, sendBody, sendJson, startLoopbackServer, type LoopbackServer } from "../src/testing/index.js";
import { checkEventAttributes, recordQualityReport } from "../src/plugin-kit/index.js";
// Delivery helpers of alert channels and HTTP failure reading (alert-* plugins, lineage-marquez).
import {
  AlertChannelError,
  alertTransportErrors,
  checkChannelHealth,
  deliveredResult,
  deliveryStatusFor,
  errorBodyReason,
  httpFailureKind,
  httpRequestAs,
  isHtmlAnswer,
  isRetryableStatus,
  recordDeliveryFailure,
  urlHasNoUserinfo,
} from "../src/plugin-kit/index.js";
import { ScriptedAnswers, createTestTracing } from "../src/testing/index.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());

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

describe("plugin-kit floe context schema", () => {
  // How plugins embed it: `floe: floeContextSchema.optional()` in their own config.
  const pluginSchema = z.object({ url: z.string(), floe: floeContextSchema.optional() }).strict();

  it("accepts a full, a partial or no floe context and keeps the values", () => {
    const context = { namespace: "analytics", productName: "customer-360", productVersion: "1.4.0" };
    expect(floeContextSchema.parse(context)).toEqual(context);
    expect(floeContextSchema.parse({ productName: "customer-360" })).toEqual({ productName: "customer-360" });
    expect(parseConfig("alert-x", pluginSchema, { url: "u", floe: context })).toEqual({ url: "u", floe: context });
    expect(parseConfig("alert-x", pluginSchema, { url: "u" })).toEqual({ url: "u" });
  });

  it("rejects an unknown key and an empty string, naming the failing path", () => {
    const unknownKey = floeContextSchema.safeParse({ namespace: "analytics", product: "customer-360" });
    expect(unknownKey.success).toBe(false);
    expect(unknownKey.error?.issues).toEqual([expect.objectContaining({ code: "unrecognized_keys", keys: ["product"], path: [] })]);

    const empty = floeContextSchema.safeParse({ productName: "" });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues).toEqual([expect.objectContaining({ code: "too_small", path: ["productName"] })]);

    const error = (() => {
      try {
        parseConfig("alert-x", pluginSchema, { url: "u", floe: { productVersion: "", team: "data" } });
      } catch (e) {
        return e as ConfigError;
      }
    })()!;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.issues).toHaveLength(2);
    expect(error.issues.filter((issue) => issue.startsWith("floe.productVersion: "))).toHaveLength(1);
    expect(error.issues).toContain('floe: Unrecognized key: "team"');
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

describe("loopback server scripted answers (sendBody)", () => {
  let scripted: LoopbackServer;
  beforeAll(async () => {
    scripted = await startLoopbackServer((req, res) => {
      if (req.path === "/raw") return sendBody(res, 200, "<html>proxy login</html>");
      if (req.path === "/empty") return sendBody(res, 204, { ignored: true });
      if (req.path === "/typed") return sendBody(res, 502, "upstream down", { "content-type": "text/plain" });
      sendBody(res, 201, { made: req.json });
    });
  });
  afterAll(() => scripted.close());

  it("jsonAnswer scripts JSON values, raw strings and delays for ScriptedAnswers", async () => {
    const answers = new ScriptedAnswers();
    const fake = await startLoopbackServer((_req, res, req) => {
      if (!answers.serveNext(res, req)) sendJson(res, 200, { protocol: true });
    });
    try {
      answers.push(jsonAnswer(503, { error: "down" }), jsonAnswer(200, "<html>", { headers: { "x-fault": "1" } }));
      const first = await fetch(fake.url);
      expect([first.status, first.headers.get("content-type"), await first.json()]).toEqual([503, "application/json", { error: "down" }]);
      const second = await fetch(fake.url);
      expect([second.status, second.headers.get("x-fault"), await second.text()]).toEqual([200, "1", "<html>"]);
      expect(await (await fetch(fake.url)).json()).toEqual({ protocol: true });
      expect(jsonAnswer(200, undefined, { delayMs: 5 })).toMatchObject({ body: "", delayMs: 5 });
    } finally {
      answers.cancel();
      await fake.close();
    }
  });

  it("sends strings as is, values as JSON, 204 without a body", async () => {
    const raw = await fetch(`${scripted.url}/raw`);
    expect([raw.status, raw.headers.get("content-type"), await raw.text()]).toEqual([200, "application/json", "<html>proxy login</html>"]);
    const empty = await fetch(`${scripted.url}/empty`);
    expect([empty.status, await empty.text()]).toEqual([204, ""]);
    const typed = await fetch(`${scripted.url}/typed`);
    expect([typed.status, typed.headers.get("content-type"), await typed.text()]).toEqual([502, "text/plain", "upstream down"]);
    const json = await fetch(`${scripted.url}/json`, { method: "POST", body: JSON.stringify({ a: 1 }) });
    expect([json.status, await json.json()]).toEqual([201, { made: { a: 1 } }]);
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

describe("plugin-kit HTTP failures", () => {
  it("reads a status as the kind of failure it is, with protocol overrides", () => {
    expect([302, 401, 403, 404, 410, 429, 400, 422, 500, 503].map((s) => httpFailureKind(s))).toEqual([
      "redirect", "unauthorized", "unauthorized", "not_found", "rejected", "rate_limited", "rejected", "rejected", "server_error", "server_error",
    ]);
    expect(httpFailureKind(410, { 410: "not_found", 408: "server_error" })).toBe("not_found");
    expect(httpFailureKind(408, { 410: "not_found", 408: "server_error" })).toBe("server_error");
    expect([408, 429, 500, 400, 404].map(isRetryableStatus)).toEqual([true, true, true, false, false]);
  });

  it("finds the reason an error body gives, whatever its shape", () => {
    expect(errorBodyReason('"start time must be before end time"')).toBe("start time must be before end time");
    expect(errorBodyReason('{"code":602,"message":"alerts must be an array"}')).toBe("alerts must be an array");
    expect(errorBodyReason('{"errors":["eventTime must be ISO","run.runId must be a UUID"]}')).toBe("eventTime must be ISO; run.runId must be a UUID");
    expect(errorBodyReason('{"error":"invalid signature"}')).toBe("invalid signature");
    expect(errorBodyReason('{"error":{"message":"Metastore unavailable","code":503}}')).toBe("Metastore unavailable");
    expect(errorBodyReason("  bad gateway config {\n")).toBe("bad gateway config {");
    expect(errorBodyReason('{"unexpected":true}')).toBe('{"unexpected":true}');
    expect(errorBodyReason("   ")).toBe("");
  });

  it("tells an HTML page from an API answer by its content type", () => {
    expect(isHtmlAnswer({ contentType: "text/html; charset=utf-8" })).toBe(true);
    expect(isHtmlAnswer({ contentType: "application/json" })).toBe(false);
  });

  it("refuses URLs that embed credentials and leaves malformed ones to the URL check", () => {
    expect(urlHasNoUserinfo("https://admin:hunter2@am.example.com")).toBe(false);
    expect(urlHasNoUserinfo("https://token@am.example.com")).toBe(false);
    expect(urlHasNoUserinfo("https://am.example.com/prefix")).toBe(true);
    expect(urlHasNoUserinfo("not a url")).toBe(true);
  });

  it("rethrows transport failures as the plugin's own classes and passes answers through", async () => {
    class OwnTimeout extends Error {}
    class OwnUnreachable extends Error {}
    const errors = {
      timeout: (e: PluginTimeoutError) => new OwnTimeout(`own: ${e.message}`, { cause: e }),
      unreachable: (e: PluginUnreachableError) => new OwnUnreachable(`own: ${e.message}`, { cause: e }),
    };
    const slow = await httpRequestAs({ method: "GET", url: `${server.url}/slow`, timeoutMs: 100, peer: "Peer X" }, errors).catch((e: unknown) => e);
    expect(slow).toBeInstanceOf(OwnTimeout);
    expect((slow as Error).message).toMatch(/^own: Peer X did not answer GET \/slow within 100 ms$/);
    expect((slow as Error).cause).toBeInstanceOf(PluginTimeoutError);

    const closed = await startLoopbackServer(() => undefined);
    await closed.close();
    const refused = await httpRequestAs({ method: "GET", url: closed.url, timeoutMs: 2000 }, errors).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OwnUnreachable);
    expect((refused as Error).message).toContain("ECONNREFUSED");

    const answered = await httpRequestAs({ method: "GET", url: `${server.url}/garbage`, timeoutMs: 2000 }, errors);
    expect(answered).toMatchObject({ status: 200, text: "<html>proxy login</html>" });
  });
});

describe("plugin-kit alert delivery", () => {
  beforeEach(() => tracing.reset());
  const ATTRIBUTES = {
    DELIVERY_STATUS: "alert.delivery_status",
    ERROR_TYPE: "error.type",
    HTTP_STATUS: "http.response.status_code",
    ATTEMPTS: "alert.attempts",
    HEALTHY: "alert.healthy",
  } as const;
  const inSpan = <T>(fn: (span: import("@opentelemetry/api").Span) => T): T => {
    const span = tracing.tracer().startSpan("alert.test");
    try {
      return fn(span);
    } finally {
      span.end();
    }
  };

  it("reads HTTP failure kinds as delivery statuses", () => {
    expect(deliveryStatusFor("redirect")).toBe("failed");
    expect(deliveryStatusFor("unauthorized")).toBe("rejected");
    expect(deliveryStatusFor("not_found")).toBe("rejected");
    expect(deliveryStatusFor("rejected")).toBe("rejected");
    expect(deliveryStatusFor("rate_limited")).toBe("rate_limited");
    expect(deliveryStatusFor("server_error")).toBe("failed");
  });

  it("builds a channel error whose message is stripped of the channel's secrets", () => {
    const error = new AlertChannelError("hook xoxwh-secret-path answered HTTP 404", {
      code: "not_found", deliveryStatus: "rejected", destination: "#alerts", status: 404, secrets: ["xoxwh-secret-path"],
    });
    expect(error).toBeInstanceOf(FloePluginError);
    expect(error).toMatchObject({ code: "not_found", deliveryStatus: "rejected", destination: "#alerts", status: 404, attempts: 1 });
    expect(error.message).toBe("hook <REDACTED> answered HTTP 404");
  });

  it("names transport failures in the channel's classes, without the secrets of its URL", async () => {
    class HookTimeout extends AlertChannelError {}
    class HookUnreachable extends AlertChannelError {}
    const errors = alertTransportErrors({ timeout: HookTimeout, unreachable: HookUnreachable }, "#alerts", ["/slow"]);
    const slow = await httpRequestAs({ method: "POST", url: `${server.url}/slow`, timeoutMs: 100, peer: "hook for #alerts" }, errors)
      .catch((e: unknown) => e);
    expect(slow).toBeInstanceOf(HookTimeout);
    expect(slow).toMatchObject({ code: "timeout", deliveryStatus: "timeout", destination: "#alerts" });
    expect((slow as Error).message).toBe("hook for #alerts did not answer POST <REDACTED> within 100 ms");
    const closed = await startLoopbackServer(() => undefined);
    await closed.close();
    const refused = await httpRequestAs({ method: "POST", url: closed.url, timeoutMs: 2000 }, errors).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HookUnreachable);
    expect(refused).toMatchObject({ code: "unreachable", deliveryStatus: "unreachable" });
  });

  it("marks a delivery on the span and returns the result", () => {
    const result = inSpan((span) => deliveredResult(span, ATTRIBUTES, { destination: "am:9093", attempts: 2, id: "a-1" }));
    expect(result).toEqual({ delivered: true, status: "delivered", destination: "am:9093", attempts: 2, id: "a-1" });
    expect(tracing.getSpan("alert.test").attributes).toEqual({ "alert.delivery_status": "delivered" });
  });

  it("records a typed failure (status, code, HTTP status, attempts) and an untyped one as failed", () => {
    const typed = new AlertChannelError("429", { code: "rate_limited", deliveryStatus: "rate_limited", destination: "d", status: 429 });
    typed.attempts = 3;
    inSpan((span) => recordDeliveryFailure(span, ATTRIBUTES, typed));
    expect(tracing.spans()[0].attributes).toEqual({
      "alert.delivery_status": "rate_limited", "error.type": "rate_limited", "alert.attempts": 3, "http.response.status_code": 429,
    });
    tracing.reset();
    inSpan((span) => recordDeliveryFailure(span, { DELIVERY_STATUS: "alert.delivery_status", ERROR_TYPE: "error.type" }, new TypeError("x")));
    expect(tracing.spans()[0].attributes).toEqual({ "alert.delivery_status": "failed", "error.type": "TypeError" });
  });

  it("reports a healthy probe, an unhealthy typed failure without its secrets, and rethrows anything else", async () => {
    const span = tracing.tracer().startSpan("alert.healthCheck");
    const healthy = await checkChannelHealth(span, { destination: "smtp:587", attributes: ATTRIBUTES }, async () => "greeted");
    span.end();
    expect(healthy).toEqual({ healthy: true, destination: "smtp:587", detail: "greeted" });
    expect(tracing.getSpan("alert.healthCheck").attributes).toEqual({ "alert.healthy": true });

    tracing.reset();
    const seen: string[] = [];
    const failing = tracing.tracer().startSpan("alert.healthCheck");
    const unhealthy = await checkChannelHealth(
      failing,
      { destination: "smtp:587", attributes: ATTRIBUTES, secrets: ["pw-0123456789"], onUnhealthy: (e) => seen.push(e.code) },
      async () => {
        const error = new AlertChannelError("refused", { code: "auth_failed", deliveryStatus: "rejected", destination: "smtp:587", status: 401 });
        Object.defineProperty(error, "message", { value: "refused pw-0123456789" }); // as if a peer's echo got past construction
        throw error;
      },
    );
    failing.end();
    expect(unhealthy).toEqual({ healthy: false, destination: "smtp:587", detail: "refused <REDACTED>" });
    expect(seen).toEqual(["auth_failed"]);
    expect(tracing.getSpan("alert.healthCheck").attributes).toEqual({
      "error.type": "auth_failed", "http.response.status_code": 401, "alert.healthy": false,
    });

    const bug = tracing.tracer().startSpan("alert.healthCheck");
    await expect(checkChannelHealth(bug, { destination: "d", attributes: ATTRIBUTES }, () => Promise.reject(new RangeError("bug")))).rejects.toThrow(RangeError);
    bug.end();
  });
});

describe("scripted answers of a fake peer", () => {
  const scripted = new ScriptedAnswers();
  let peer: LoopbackServer;
  beforeAll(async () => {
    peer = await startLoopbackServer((req, res, raw) => {
      if (scripted.serveNext(res, raw)) return;
      sendJson(res, 200, { protocol: req.path });
    });
  });
  afterAll(async () => {
    scripted.cancel();
    await peer.close();
  });

  it("serves queued answers in order before the peer's own logic", async () => {
    scripted.push({ status: 429, body: "slow down", headers: { "retry-after": "3" } }, { status: 503 });
    const first = await httpRequest({ method: "GET", url: `${peer.url}/a`, timeoutMs: 2000 });
    const second = await httpRequest({ method: "GET", url: `${peer.url}/b`, timeoutMs: 2000 });
    const third = await httpRequest({ method: "GET", url: `${peer.url}/c`, timeoutMs: 2000 });
    expect([first.status, first.text, first.headers.get("retry-after")]).toEqual([429, "slow down", "3"]);
    expect([second.status, second.text]).toEqual([503, ""]);
    expect([third.status, JSON.parse(third.text)]).toEqual([200, { protocol: "/c" }]);
  });

  it("holds a delayed answer past a client timeout, drops a connection, and forgets cleared answers", async () => {
    scripted.push({ status: 200, delayMs: 2_000 }, { destroy: true });
    await expect(httpRequest({ method: "GET", url: peer.url, timeoutMs: 50 })).rejects.toBeInstanceOf(PluginTimeoutError);
    await expect(httpRequest({ method: "GET", url: peer.url, timeoutMs: 2000 })).rejects.toBeInstanceOf(PluginUnreachableError);
    scripted.push({ status: 500 });
    scripted.clear();
    expect((await httpRequest({ method: "GET", url: `${peer.url}/own`, timeoutMs: 2000 })).status).toBe(200);
  });
});

describe("plugin-kit quality report", () => {
  beforeEach(() => tracing.reset());

  it("records a check run's totals on the span and one event per check, never its messages", () => {
    const span = tracing.tracer().startSpan("quality.runChecks");
    recordQualityReport(span, {
      success: false,
      passCount: 1,
      failCount: 1,
      rowsChecked: 40,
      results: [
        { name: "not_null(id)", status: "pass", failures: 0, rowsChecked: 40, passCount: 40 },
        { name: "unique(email)", status: "fail", failures: 3, message: "duplicate a@example.com" },
      ],
    });
    span.end();
    const recorded = tracing.getSpan("quality.runChecks");
    expect(recorded.attributes).toEqual({
      "quality.rows_checked": 40,
      "quality.pass_count": 1,
      "quality.fail_count": 1,
      "quality.check_count": 2,
      "quality.success": false,
    });
    expect(recorded.events.map((e) => [e.name, e.attributes])).toEqual([
      ["quality.check", { "quality.check_name": "not_null(id)", "quality.check_status": "pass", "quality.failures": 0, "quality.rows_checked": 40, "quality.pass_count": 40 }],
      ["quality.check", { "quality.check_name": "unique(email)", "quality.check_status": "fail", "quality.failures": 3 }],
    ]);
    expect(tracing.exportedText()).not.toContain("a@example.com");
  });

  it("leaves row counts off a check that has none", () => {
    expect(checkEventAttributes({ name: "x", status: "error", failures: 0 })).toEqual({
      "quality.check_name": "x",
      "quality.check_status": "error",
      "quality.failures": 0,
    });
  });
});
