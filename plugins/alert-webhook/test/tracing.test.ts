// Spans of the webhook channel: destination is the receiver's host, attempts and retries are visible, and a
// failing delivery whose answers echo the URL token, the signing secret and an Authorization header leaks none.
import { SpanStatusCode } from "@opentelemetry/api";
import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WebhookAlertPlugin } from "../src/index.js";
import { WebhookReceiver } from "./support/webhook-receiver.js";

const tracing = createTestTracing();
const SECRET = "whsec_Zq8Lm3Vt6Rk1Np9Xc4Bd";
const API_TOKEN = "rcv_api_T7m2Kq9Wx4Lp";
const receiver = new WebhookReceiver(SECRET);

beforeAll(() => receiver.start());
afterAll(async () => {
  await receiver.close();
  await tracing.shutdown();
});
beforeEach(() => {
  tracing.reset();
  receiver.reset();
});

const floe = { namespace: "analytics", productName: "orders", productVersion: "1.4.0" };
/** The token-bearing part of the receiver URL (its host is what spans are meant to record). */
const hookPath = () => new URL(receiver.url).pathname;
const alert = { id: "alert-1", title: "Freshness breached", message: "orders is late", severity: "warning" as const };

function plugin(): WebhookAlertPlugin {
  return new WebhookAlertPlugin({
    url: receiver.url,
    signingSecret: SECRET,
    headers: { Authorization: `Bearer ${API_TOKEN}` },
    retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 },
    floe,
  });
}

describe("alert.sendAlert span", () => {
  it("is OK with the receiver host, attempts, status and floe context, and no URL token", async () => {
    await plugin().sendAlert(alert);
    const span = tracing.getSpan("alert.sendAlert");
    expect(span.instrumentationScope.name).toBe("floe.alert.webhook");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toMatchObject({
      "floe.operation": "sendAlert",
      "alert.channel": "webhook",
      "alert.destination": receiver.host,
      "alert.severity": "warning",
      "alert.delivery_status": "delivered",
      "alert.attempts": 1,
      "http.response.status_code": 202,
      "floe.namespace": "analytics",
      "floe.product.name": "orders",
      "floe.product.version": "1.4.0",
    });
    expect(tracing.findLeaks([hookPath(), receiver.token, SECRET, API_TOKEN])).toEqual([]);
  });

  it("records each retry as an event with the reason and the wait", async () => {
    receiver.respondNext({ status: 503 }, { destroy: true });
    await plugin().sendAlert(alert);
    const span = tracing.getSpan("alert.sendAlert");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes["alert.attempts"]).toBe(3);
    const retries = span.events.filter((e) => e.name === "webhook.retry").map((e) => e.attributes);
    expect(retries).toEqual([
      { "alert.attempts": 1, "retry.delay_ms": expect.any(Number), "error.type": "server_error", "http.response.status_code": 503 },
      { "alert.attempts": 2, "retry.delay_ms": expect.any(Number), "error.type": "unreachable" },
    ]);
  });

  it("records a delivery failing with credential-echoing 500s as ERROR: where and why, nothing leaked", async () => {
    const echo = `upstream failed for POST ${receiver.url} with Authorization: Bearer ${API_TOKEN} (hmac key ${SECRET})`;
    receiver.respondNext({ status: 500, body: echo }, { status: 500, body: echo }, { status: 500, body: echo });
    await expect(plugin().sendAlert(alert)).rejects.toThrow(/HTTP 500/);

    const span = tracing.getSpan("alert.sendAlert");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain(receiver.host);
    expect(span.status.message).toContain("HTTP 500");
    expect(span.attributes).toMatchObject({
      "alert.destination": receiver.host,
      "alert.delivery_status": "failed",
      "alert.attempts": 3,
      "http.response.status_code": 500,
      "error.type": "server_error",
    });
    const exception = span.events.find((e) => e.name === "exception");
    expect(exception?.attributes?.["exception.type"]).toBe("server_error");
    expect(exception?.attributes?.["exception.message"]).toContain("upstream failed");
    expect(tracing.findLeaks([hookPath(), receiver.token, SECRET, API_TOKEN])).toEqual([]);
  });

  it("records a missing receiver (404) without retry events", async () => {
    const gone = new WebhookAlertPlugin({ url: `${receiver.url}-gone`, signingSecret: SECRET, retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 } });
    await expect(gone.sendAlert(alert)).rejects.toThrow(/HTTP 404/);
    const span = tracing.getSpan("alert.sendAlert");
    expect(span.attributes).toMatchObject({ "alert.delivery_status": "rejected", "error.type": "not_found", "alert.attempts": 1 });
    expect(span.events.filter((e) => e.name === "webhook.retry")).toHaveLength(0);
    expect(tracing.findLeaks([receiver.token])).toEqual([]);
  });
});

describe("alert.healthCheck span", () => {
  it("reports alert.healthy", async () => {
    await plugin().healthCheck();
    const span = tracing.getSpan("alert.healthCheck");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toMatchObject({ "alert.destination": receiver.host, "alert.healthy": true, "http.response.status_code": 202 });
  });

  it("reports alert.healthy=false with the status, no secret", async () => {
    receiver.respondNext({ status: 401, body: `bad signature; expected key ${SECRET}` });
    const status = await plugin().healthCheck();
    expect(status.detail).not.toContain(SECRET);
    const span = tracing.getSpan("alert.healthCheck");
    expect(span.attributes).toMatchObject({ "alert.healthy": false, "http.response.status_code": 401, "error.type": "unauthorized" });
    expect(tracing.findLeaks([SECRET, receiver.token, API_TOKEN])).toEqual([]);
  });
});
