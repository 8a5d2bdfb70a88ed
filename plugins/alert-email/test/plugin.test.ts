// Behaviour of the e-mail channel against a real smtp-server on loopback: STARTTLS and AUTH, the MIME message
// with text and HTML bodies to several recipients, and each failure (auth, 550, 4xx/5xx, TLS, not SMTP,
// timeout, unreachable) as a typed error.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ConfigError,
  EmailAlertPlugin,
  EmailAuthError,
  EmailProtocolError,
  EmailRecipientsRejectedError,
  EmailServerError,
  EmailTimeoutError,
  EmailTlsError,
  EmailUnreachableError,
} from "../src/index.js";
import { decodeHeader, parseMessage } from "./support/mime.js";
import { RawPeer, SmtpPeer, TEST_CERT } from "./support/smtp-peer.js";

const PASSWORD = "smtp-Pa55-Kq7Lx2Vb";
const peer = new SmtpPeer({ users: { floe: PASSWORD }, unknownRecipients: ["ghost@example.com"] });
const plainPeer = new SmtpPeer({ starttls: false });

beforeAll(async () => {
  await peer.start();
  await plainPeer.start();
});
afterAll(async () => {
  await peer.close();
  await plainPeer.close();
});
beforeEach(() => {
  peer.messages.length = 0;
  peer.failNextData = undefined;
});

const alert = {
  id: "alert-7",
  title: "Orders freshness breached",
  message: "orders is 3h behind <SLA> & needs a look",
  severity: "critical" as const,
  labels: { product: "orders" },
  annotations: { runbook: "freshness.md" },
  startsAt: new Date("2025-01-02T03:04:05.000Z"),
  source: "https://floe.example.com/runs/42",
};

function plugin(overrides: Record<string, unknown> = {}): EmailAlertPlugin {
  return new EmailAlertPlugin({
    host: "127.0.0.1",
    port: peer.port,
    auth: { user: "floe", pass: PASSWORD },
    tls: { ca: TEST_CERT, servername: "localhost" },
    from: "floe-alerts@example.com",
    to: ["oncall@example.com", "data-team@example.com"],
    cc: "lead@example.com",
    bcc: ["audit@example.com"],
    timeoutMs: 5_000,
    ...overrides,
  });
}

describe("sendAlert", () => {
  it("sends over STARTTLS with AUTH to every recipient, with text and HTML bodies", async () => {
    const result = await plugin().sendAlert(alert);

    expect(result).toMatchObject({ delivered: true, status: "delivered", destination: `127.0.0.1:${peer.port}`, attempts: 1 });
    expect(peer.messages).toHaveLength(1);
    const [received] = peer.messages;
    expect(received.secure).toBe(true);
    expect(received.user).toBe("floe");
    expect(received.from).toBe("floe-alerts@example.com");
    expect(received.to).toEqual(["oncall@example.com", "data-team@example.com", "lead@example.com", "audit@example.com"]);

    const message = parseMessage(received.raw);
    expect(decodeHeader(message.headers.subject)).toBe("[floe] [CRITICAL] Orders freshness breached");
    expect(message.headers.to).toBe("oncall@example.com, data-team@example.com");
    expect(message.headers.cc).toBe("lead@example.com");
    expect(message.headers.bcc).toBeUndefined();
    expect(message.headers["x-floe-severity"]).toBe("critical");
    expect(message.headers["x-floe-alert-id"]).toBe("alert-7");
    expect(message.headers["message-id"]).toBe(result.id);
    expect(message.headers["content-type"]).toMatch(/^multipart\/alternative/);
    expect(message.text).toContain("CRITICAL: Orders freshness breached");
    expect(message.text).toContain("orders is 3h behind <SLA> & needs a look");
    expect(message.text).toContain("product: orders");
    expect(message.text).toContain("Source: https://floe.example.com/runs/42");
    expect(message.html).toContain("<h2 style=\"margin:0\">CRITICAL: Orders freshness breached</h2>");
    expect(message.html).toContain("orders is 3h behind &lt;SLA&gt; &amp; needs a look");
    expect(message.html).toContain('<tr><th align="left">product</th><td>orders</td></tr>');
    expect(message.html).toContain('<a href="https://floe.example.com/runs/42">Open in floe</a>');
  });

  it("keeps a newline in the title out of the headers", async () => {
    await plugin().sendAlert({ ...alert, title: "line one\r\nBcc: victim@example.com" });
    const message = parseMessage(peer.messages[0].raw);
    expect(decodeHeader(message.headers.subject)).toBe("[floe] [CRITICAL] line one Bcc: victim@example.com");
    expect(peer.messages[0].to).not.toContain("victim@example.com");
  });

  it("sends without TLS or AUTH to a server that offers neither", async () => {
    const p = new EmailAlertPlugin({ host: "127.0.0.1", port: plainPeer.port, from: "a@example.com", to: "b@example.com" });
    await expect(p.sendAlert(alert)).resolves.toMatchObject({ delivered: true });
    expect(plainPeer.messages.at(-1)?.secure).toBe(false);
  });

  it("refuses to send in clear when requireTLS is set and STARTTLS is not offered", async () => {
    const p = new EmailAlertPlugin({ host: "127.0.0.1", port: plainPeer.port, requireTLS: true, from: "a@example.com", to: "b@example.com" });
    const error = await p.sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailTlsError);
    expect(error).toMatchObject({ code: "tls_failed" });
  });

  it("refuses an untrusted certificate", async () => {
    const error = await plugin({ tls: undefined }).sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailTlsError);
    expect(peer.messages).toHaveLength(0);
  });

  it("reports refused credentials as EmailAuthError (535)", async () => {
    const error = await plugin({ auth: { user: "floe", pass: "wrong-password-1" } }).sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailAuthError);
    expect(error).toMatchObject({ code: "auth_failed", smtpCode: 535, deliveryStatus: "rejected" });
  });

  it("delivers to the remaining recipients when one mailbox is unknown", async () => {
    const result = await plugin({ to: ["oncall@example.com", "ghost@example.com"], cc: undefined, bcc: undefined }).sendAlert(alert);
    expect(result.delivered).toBe(true);
    expect(peer.messages[0].to).toEqual(["oncall@example.com"]);
  });

  it("reports every recipient refused (550) as EmailRecipientsRejectedError", async () => {
    const error = await plugin({ to: "ghost@example.com", cc: undefined, bcc: undefined }).sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailRecipientsRejectedError);
    expect(error).toMatchObject({ code: "recipients_rejected", smtpCode: 550, rejectedRecipients: 1 });
    expect((error as Error).message).toContain("User unknown");
  });

  it("reports a transient 4xx on DATA as a server error and a 5xx as a rejected message", async () => {
    peer.failNextData = { code: 451, text: "4.3.0 Temporary local problem" };
    await expect(plugin().sendAlert(alert)).rejects.toMatchObject({ code: "server_error", smtpCode: 451, deliveryStatus: "failed" });
    peer.failNextData = { code: 554, text: "5.7.1 Message rejected as spam" };
    const error = await plugin().sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailServerError);
    expect(error).toMatchObject({ code: "message_rejected", smtpCode: 554, deliveryStatus: "rejected" });
  });

  it("reports a peer that does not speak SMTP as EmailProtocolError", async () => {
    const raw = new RawPeer("HTTP/1.1 400 Bad Request\r\n\r\n");
    const port = await raw.start();
    try {
      const error = await plugin({ port, auth: undefined, tls: undefined }).sendAlert(alert).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmailProtocolError);
      expect(error).toMatchObject({ code: "malformed_response" });
    } finally {
      await raw.close();
    }
  });

  it("times out on a server that never greets", async () => {
    const silent = new RawPeer(undefined);
    const port = await silent.start();
    try {
      const error = await plugin({ port, timeoutMs: 100 }).sendAlert(alert).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmailTimeoutError);
      expect(error).toMatchObject({ deliveryStatus: "timeout" });
    } finally {
      await silent.close();
    }
  });

  it("reports a closed port as unreachable", async () => {
    const closed = new RawPeer(undefined);
    const port = await closed.start();
    await closed.close();
    const error = await plugin({ port }).sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailUnreachableError);
  });
});

describe("healthCheck", () => {
  it("is healthy when it can connect, upgrade and authenticate", async () => {
    await expect(plugin().healthCheck()).resolves.toMatchObject({ healthy: true, destination: `127.0.0.1:${peer.port}` });
    expect(peer.messages).toHaveLength(0);
  });

  it("is unhealthy, without throwing, when the login is refused", async () => {
    const status = await plugin({ auth: { user: "floe", pass: "wrong-password-1" } }).healthCheck();
    expect(status.healthy).toBe(false);
    expect(status.detail).toContain("refused authentication");
  });
});

describe("config", () => {
  it("lists failing paths without echoing the password", () => {
    let message = "";
    try {
      new EmailAlertPlugin({
        host: "",
        auth: { user: "floe", pass: 123456789 as unknown as string },
        from: "not-an-address",
        to: [],
      } as never);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    expect(message).toContain("host");
    expect(message).toContain("auth.pass");
    expect(message).toContain("from: expected an e-mail address");
    expect(message).toContain("to");
    expect(message).not.toContain("123456789");
  });
});
