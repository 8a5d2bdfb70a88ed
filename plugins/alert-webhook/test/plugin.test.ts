// Behaviour of the webhook channel against a loopback receiver that verifies signatures: the signed document,
// the idempotency key, bounded retries with backoff (5xx, 429, timeout, dropped connection) and typed errors.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ConfigError,
  WebhookAlertPlugin,
  WebhookAuthError,
  WebhookNotFoundError,
  WebhookRejectedError,
  WebhookServerError,
  WebhookUnreachableError,
  signWebhook,
  verifyWebhookSignature,
} from "../src/index.js";
import { WebhookReceiver } from "./support/webhook-receiver.js";

const SECRET = "whsec_Zq8Lm3Vt6Rk1Np9Xc4Bd";
const receiver = new WebhookReceiver(SECRET);

beforeAll(() => receiver.start());
afterAll(() => receiver.close());
beforeEach(() => receiver.reset());

const alert = {
  id: "alert-2025-0001",
  title: "Orders freshness breached",
  message: "orders is 3h behind",
  severity: "critical" as const,
  labels: { product: "orders" },
  annotations: { runbook: "freshness.md" },
  startsAt: new Date("2025-01-02T03:04:05.000Z"),
  endsAt: new Date("2025-01-02T04:04:05.000Z"),
  source: "https://floe.example.com/runs/42",
};

function plugin(overrides: Record<string, unknown> = {}): WebhookAlertPlugin {
  return new WebhookAlertPlugin({
    url: receiver.url,
    signingSecret: SECRET,
    timeoutMs: 2_000,
    retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    ...overrides,
  });
}

describe("sendAlert", () => {
  it("posts the alert document signed over timestamp and body, with the idempotency key", async () => {
    const result = await plugin({ headers: { "X-Tenant": "analytics" } }).sendAlert(alert);

    expect(result).toEqual({ delivered: true, status: "delivered", destination: receiver.host, attempts: 1, id: alert.id });
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request.signatureValid).toBe(true);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["idempotency-key"]).toBe(alert.id);
    expect(request.headers["x-floe-event"]).toBe("alert");
    expect(request.headers["x-tenant"]).toBe("analytics");
    expect(request.headers["user-agent"]).toBe("floe-alert-webhook/0.1.0");
    expect(receiver.delivered.get(alert.id)).toEqual({
      type: "floe.alert",
      id: alert.id,
      severity: "critical",
      title: "Orders freshness breached",
      message: "orders is 3h behind",
      labels: { product: "orders" },
      annotations: { runbook: "freshness.md" },
      startsAt: "2025-01-02T03:04:05.000Z",
      endsAt: "2025-01-02T04:04:05.000Z",
      source: "https://floe.example.com/runs/42",
    });
  });

  it("generates a UUID idempotency key when the alert has no id", async () => {
    const result = await plugin().sendAlert({ title: "t", message: "m", severity: "info" });
    expect(result.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(receiver.requests[0].headers["idempotency-key"]).toBe(result.id);
  });

  it("uses configured header names", async () => {
    receiver.respondNext({ status: 204 });
    await plugin({ idempotencyHeader: "X-Request-Id", signatureHeader: "X-Sig", timestampHeader: "X-Ts" }).sendAlert(alert);
    const { headers, body } = receiver.requests[0];
    expect(headers["x-request-id"]).toBe(alert.id);
    expect(headers["x-sig"]).toBe(signWebhook(SECRET, Number(headers["x-ts"]), body));
    expect(headers["idempotency-key"]).toBeUndefined();
  });

  it("retries 5xx with backoff, re-signing the same body under the same idempotency key", async () => {
    receiver.respondNext({ status: 502, body: "bad gateway" }, { status: 503, body: "unavailable" });
    const result = await plugin().sendAlert(alert);

    expect(result).toMatchObject({ delivered: true, attempts: 3 });
    expect(receiver.requests).toHaveLength(3);
    expect(new Set(receiver.requests.map((r) => r.body)).size).toBe(1);
    expect(receiver.requests.map((r) => r.headers["idempotency-key"])).toEqual([alert.id, alert.id, alert.id]);
    expect(receiver.requests.every((r) => r.signatureValid)).toBe(true);
    expect(receiver.delivered.size).toBe(1);
  });

  it("retries a timed-out attempt", async () => {
    // The first attempt is held past the timeout; the retry gets a prompt answer (a generous timeout keeps
    // a loaded machine from timing out the retry too).
    receiver.respondNext({ status: 200, delayMs: 5_000 });
    const result = await plugin({ timeoutMs: 400 }).sendAlert(alert);
    expect(result).toMatchObject({ delivered: true, attempts: 2 });
  });

  it("retries a dropped connection (an answer that is not HTTP)", async () => {
    receiver.respondNext({ destroy: true });
    const result = await plugin().sendAlert(alert);
    expect(result).toMatchObject({ delivered: true, attempts: 2 });
  });

  it("honours Retry-After on 429", async () => {
    receiver.respondNext({ status: 429, headers: { "retry-after": "0" }, body: "slow down" });
    await expect(plugin().sendAlert(alert)).resolves.toMatchObject({ delivered: true, attempts: 2 });
  });

  it("gives up after maxAttempts with WebhookServerError", async () => {
    receiver.respondNext({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const error = await plugin().sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookServerError);
    expect(error).toMatchObject({ status: 500, attempts: 3, deliveryStatus: "failed", destination: receiver.host });
    expect(receiver.requests).toHaveLength(3);
  });

  it("does not retry a 400 and reports the receiver's reason", async () => {
    receiver.respondNext({ status: 400, body: '{"error":"unknown severity"}' });
    const error = await plugin().sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookRejectedError);
    expect(error).toMatchObject({ status: 400, attempts: 1, code: "rejected" });
    expect((error as Error).message).toContain("unknown severity");
    expect(receiver.requests).toHaveLength(1);
  });

  it("reports a signature the receiver refuses as WebhookAuthError, without retrying", async () => {
    const error = await plugin({ signingSecret: "not-the-shared-secret" }).sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookAuthError);
    expect(error).toMatchObject({ status: 401, attempts: 1 });
    expect(receiver.requests[0].signatureValid).toBe(false);
  });

  it("reports a missing receiver (404) as WebhookNotFoundError, without retrying", async () => {
    const error = await plugin({ url: `${receiver.url}-gone` }).sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookNotFoundError);
    expect(error).toMatchObject({ status: 404, attempts: 1 });
  });

  it("reports an unreachable receiver after the bounded retries", async () => {
    const closed = new WebhookReceiver(SECRET);
    await closed.start();
    const url = closed.url;
    await closed.close();
    const error = await plugin({ url }).sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookUnreachableError);
    expect(error).toMatchObject({ attempts: 3, deliveryStatus: "unreachable" });
  });

  it("lets the receiver de-duplicate a re-sent alert by its idempotency key", async () => {
    await plugin().sendAlert(alert);
    await plugin().sendAlert(alert);
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.delivered.size).toBe(1);
  });
});

describe("healthCheck", () => {
  it("is healthy when the receiver accepts a signed ping", async () => {
    const status = await plugin().healthCheck();
    expect(status).toMatchObject({ healthy: true, destination: receiver.host });
    expect(receiver.requests[0].headers["x-floe-event"]).toBe("ping");
    expect(receiver.requests[0].signatureValid).toBe(true);
    expect(JSON.parse(receiver.requests[0].body)).toMatchObject({ type: "floe.ping" });
  });

  it("is unhealthy, after a single attempt, when the receiver fails", async () => {
    receiver.respondNext({ status: 503 });
    const status = await plugin().healthCheck();
    expect(status.healthy).toBe(false);
    expect(status.detail).toContain("HTTP 503");
    expect(receiver.requests).toHaveLength(1);
  });
});

describe("signing and backoff", () => {
  it("verifyWebhookSignature accepts the plugin's signature and refuses tampering or staleness", () => {
    const now = 1_735_787_045;
    const signature = signWebhook(SECRET, now, '{"a":1}');
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(SECRET, now, '{"a":1}', signature, { now })).toBe(true);
    expect(verifyWebhookSignature(SECRET, now, '{"a":2}', signature, { now })).toBe(false);
    expect(verifyWebhookSignature("other-secret-value", now, '{"a":1}', signature, { now })).toBe(false);
    expect(verifyWebhookSignature(SECRET, now, '{"a":1}', signature, { now: now + 301 })).toBe(false);
  });
});

describe("config", () => {
  it("lists failing paths without echoing the secret or the URL token", () => {
    let message = "";
    try {
      new WebhookAlertPlugin({ url: "ftp://x.example.com/hooks/tokEN-abcdef123456", signingSecret: "short-sec" });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    expect(message).toContain("url");
    expect(message).toContain("signingSecret: expected at least 16 characters");
    expect(message).not.toContain("short-sec");
    expect(message).not.toContain("tokEN");
  });
});
