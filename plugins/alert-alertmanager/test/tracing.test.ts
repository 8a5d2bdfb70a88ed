// Spans of the Alertmanager channel: names, status, where/why attributes, and credential-bearing failures
// recorded sanitized (no password, token or Authorization header in any exported span).
import { SpanStatusCode } from "@opentelemetry/api";
import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AlertmanagerAlertPlugin } from "../src/index.js";
import { FakeAlertmanager } from "./support/alertmanager-server.js";

const tracing = createTestTracing();
const server = new FakeAlertmanager();
let baseUrl: string;
let host: string;

beforeAll(async () => {
  baseUrl = await server.start();
  host = new URL(baseUrl).host;
});
afterAll(async () => {
  await server.close();
  await tracing.shutdown();
});
beforeEach(() => {
  tracing.reset();
  server.reset();
});

const TOKEN = "amtok_7Hq2xZpL9vR4sWc8";
const PASSWORD = "Pw-9fK2mQ7zX4vB1nR8";
const floe = { namespace: "analytics", productName: "orders", productVersion: "1.4.0" };
const alert = { title: "Freshness breached", message: "orders is late", severity: "warning" as const };

describe("alert.sendAlert span", () => {
  it("is OK and says where it went, the delivery status and the floe context", async () => {
    const plugin = new AlertmanagerAlertPlugin({ url: baseUrl, floe });
    await plugin.sendAlert(alert);

    const span = tracing.getSpan("alert.sendAlert");
    expect(span.instrumentationScope.name).toBe("floe.alert.alertmanager");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toMatchObject({
      "floe.operation": "sendAlert",
      "alert.channel": "alertmanager",
      "alert.destination": host,
      "alert.severity": "warning",
      "alert.delivery_status": "delivered",
      "http.response.status_code": 200,
      "floe.namespace": "analytics",
      "floe.product.name": "orders",
      "floe.product.version": "1.4.0",
    });
  });

  it("records a 500 echoing the bearer token as ERROR with where and why, and no token", async () => {
    server.respondNext({
      status: 500,
      body: JSON.stringify(`upstream rejected request with headers {Authorization: Bearer ${TOKEN}}: internal error`),
    });
    const plugin = new AlertmanagerAlertPlugin({ url: baseUrl, auth: { type: "bearer", token: TOKEN } });
    await expect(plugin.sendAlert(alert)).rejects.toThrow(/HTTP 500/);

    expect(server.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    const span = tracing.getSpan("alert.sendAlert");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain("HTTP 500");
    expect(span.status.message).toContain(host);
    expect(span.attributes).toMatchObject({
      "alert.destination": host,
      "alert.delivery_status": "failed",
      "http.response.status_code": 500,
      "error.type": "server_error",
    });
    const exception = span.events.find((e) => e.name === "exception");
    expect(exception?.attributes?.["exception.message"]).toContain("internal error");
    expect(tracing.findLeaks([TOKEN])).toEqual([]);
  });

  it("records a 401 echoing basic-auth credentials without the password or the header", async () => {
    const encoded = Buffer.from(`floe:${PASSWORD}`).toString("base64");
    server.respondNext({
      status: 401,
      body: `login failed for floe:${PASSWORD} (Authorization: Basic ${encoded})`,
      contentType: "text/plain",
    });
    const plugin = new AlertmanagerAlertPlugin({ url: baseUrl, auth: { type: "basic", username: "floe", password: PASSWORD } });
    await expect(plugin.sendAlert(alert)).rejects.toThrow(/HTTP 401/);

    const span = tracing.getSpan("alert.sendAlert");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes).toMatchObject({ "alert.delivery_status": "rejected", "error.type": "unauthorized" });
    expect(tracing.findLeaks([PASSWORD, encoded])).toEqual([]);
  });

  it("records a timeout as ERROR with delivery status timeout", async () => {
    server.respondNext({ status: 200, delayMs: 2_000 });
    const plugin = new AlertmanagerAlertPlugin({ url: baseUrl, timeoutMs: 50 });
    await expect(plugin.sendAlert(alert)).rejects.toThrow(/within 50 ms/);
    const span = tracing.getSpan("alert.sendAlert");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes).toMatchObject({ "alert.delivery_status": "timeout", "error.type": "timeout" });
  });
});

describe("alert.healthCheck span", () => {
  it("is OK with alert.healthy=true for a ready Alertmanager", async () => {
    await new AlertmanagerAlertPlugin({ url: baseUrl }).healthCheck();
    const span = tracing.getSpan("alert.healthCheck");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toMatchObject({
      "floe.operation": "healthCheck",
      "alert.channel": "alertmanager",
      "alert.destination": host,
      "alert.healthy": true,
      "http.response.status_code": 200,
    });
  });

  it("reports alert.healthy=false with the failing status when not ready", async () => {
    server.ready = false;
    await new AlertmanagerAlertPlugin({ url: baseUrl, auth: { type: "bearer", token: TOKEN } }).healthCheck();
    const span = tracing.getSpan("alert.healthCheck");
    expect(span.attributes).toMatchObject({ "alert.healthy": false, "http.response.status_code": 503, "error.type": "server_error" });
    expect(tracing.findLeaks([TOKEN])).toEqual([]);
  });
});
