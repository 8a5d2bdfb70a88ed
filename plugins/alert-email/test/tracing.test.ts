// Spans of the e-mail channel: the SMTP host as destination, the recipient count (never addresses), the SMTP
// reply code, and an SMTP auth failure whose reply echoes the password recorded without it.
import { SpanStatusCode } from "@opentelemetry/api";
import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EmailAlertPlugin } from "../src/index.js";
import { SmtpPeer, TEST_CERT } from "./support/smtp-peer.js";

const tracing = createTestTracing();
const PASSWORD = "smtp-Pa55-Kq7Lx2Vb";
const WRONG_PASSWORD = "wr0ng-Zt8Mv3Qp6Y";
/** A server that echoes the attempted login in its 535 reply, as some misconfigured relays do. */
const peer = new SmtpPeer({
  users: { floe: PASSWORD },
  unknownRecipients: ["ghost@example.com"],
  authFailureText: (user, password) => `5.7.8 Authentication failed for user=${user} password ${password}`,
});

beforeAll(() => peer.start());
afterAll(async () => {
  await peer.close();
  await tracing.shutdown();
});
beforeEach(() => {
  tracing.reset();
  peer.messages.length = 0;
});

const floe = { namespace: "analytics", productName: "orders", productVersion: "1.4.0" };
const alert = { title: "Freshness breached", message: "orders is late", severity: "warning" as const };

function plugin(overrides: Record<string, unknown> = {}): EmailAlertPlugin {
  return new EmailAlertPlugin({
    host: "127.0.0.1",
    port: peer.port,
    auth: { user: "floe", pass: PASSWORD },
    tls: { ca: TEST_CERT, servername: "localhost" },
    from: "floe-alerts@example.com",
    to: ["oncall@example.com", "data-team@example.com"],
    timeoutMs: 5_000,
    floe,
    ...overrides,
  });
}

describe("alert.sendAlert span", () => {
  it("is OK with the SMTP host, recipient count and reply code, and no address", async () => {
    await plugin().sendAlert(alert);
    const span = tracing.getSpan("alert.sendAlert");
    expect(span.instrumentationScope.name).toBe("floe.alert.email");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toMatchObject({
      "floe.operation": "sendAlert",
      "alert.channel": "email",
      "alert.destination": `127.0.0.1:${peer.port}`,
      "alert.severity": "warning",
      "alert.delivery_status": "delivered",
      "alert.recipient_count": 2,
      "smtp.response_code": 250,
      "floe.namespace": "analytics",
      "floe.product.name": "orders",
      "floe.product.version": "1.4.0",
    });
    expect(tracing.exportedText()).not.toContain("oncall@example.com");
    expect(tracing.findLeaks([PASSWORD])).toEqual([]);
  });

  it("records an auth failure whose reply carries the password as ERROR: where and why, no password", async () => {
    const error = await plugin({ auth: { user: "floe", pass: WRONG_PASSWORD } }).sendAlert(alert).catch((e: unknown) => e);
    expect((error as Error).message).not.toContain(WRONG_PASSWORD);

    const span = tracing.getSpan("alert.sendAlert");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain(`127.0.0.1:${peer.port}`);
    expect(span.status.message).toContain("refused authentication");
    expect(span.attributes).toMatchObject({
      "alert.destination": `127.0.0.1:${peer.port}`,
      "alert.delivery_status": "rejected",
      "error.type": "auth_failed",
      "smtp.response_code": 535,
    });
    const exception = span.events.find((e) => e.name === "exception");
    expect(exception?.attributes?.["exception.type"]).toBe("auth_failed");
    expect(exception?.attributes?.["exception.message"]).toContain("Authentication failed for user=floe");
    const plain = Buffer.from(`\u0000floe\u0000${WRONG_PASSWORD}`).toString("base64");
    expect(tracing.findLeaks([WRONG_PASSWORD, plain, PASSWORD])).toEqual([]);
  });

  it("notes recipients the server refused while still delivering to the others", async () => {
    await plugin({ to: ["oncall@example.com", "ghost@example.com"] }).sendAlert(alert);
    const span = tracing.getSpan("alert.sendAlert");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    const rejected = span.events.find((e) => e.name === "email.recipients_rejected");
    expect(rejected?.attributes).toEqual({ "alert.recipient_count": 1 });
    expect(tracing.exportedText()).not.toContain("ghost@example.com");
  });

  it("records all recipients refused (550) as a rejected delivery", async () => {
    await expect(plugin({ to: "ghost@example.com" }).sendAlert(alert)).rejects.toThrow(/refused the recipients/);
    const span = tracing.getSpan("alert.sendAlert");
    expect(span.attributes).toMatchObject({ "error.type": "recipients_rejected", "smtp.response_code": 550, "alert.delivery_status": "rejected" });
  });
});

describe("alert.healthCheck span", () => {
  it("reports alert.healthy", async () => {
    await plugin().healthCheck();
    const span = tracing.getSpan("alert.healthCheck");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toMatchObject({ "alert.channel": "email", "alert.healthy": true });
  });

  it("reports alert.healthy=false with the auth failure, no password", async () => {
    const status = await plugin({ auth: { user: "floe", pass: WRONG_PASSWORD } }).healthCheck();
    expect(status.detail).not.toContain(WRONG_PASSWORD);
    const span = tracing.getSpan("alert.healthCheck");
    expect(span.attributes).toMatchObject({ "alert.healthy": false, "error.type": "auth_failed", "smtp.response_code": 535 });
    expect(tracing.findLeaks([WRONG_PASSWORD])).toEqual([]);
  });
});
