// Behaviour of the Alertmanager channel against a loopback Alertmanager: what it posts, how it authenticates,
// how each failure (4xx, 401, 404, 5xx, timeout, malformed answer, unreachable) surfaces as a typed error.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AlertmanagerAlertPlugin,
  AlertmanagerAuthError,
  AlertmanagerNotFoundError,
  AlertmanagerRejectedError,
  AlertmanagerResponseError,
  AlertmanagerServerError,
  AlertmanagerTimeoutError,
  AlertmanagerUnreachableError,
  ConfigError,
} from "../src/index.js";
import { FakeAlertmanager } from "./support/alertmanager-server.js";

const server = new FakeAlertmanager();
let baseUrl: string;

beforeAll(async () => {
  baseUrl = await server.start();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const alert = {
  title: "Orders freshness breached",
  message: "orders table is 3h behind its 1h SLA",
  severity: "critical" as const,
  labels: { product: "orders", team: "data-platform" },
  annotations: { runbook_url: "https://runbooks.example.com/freshness" },
  startsAt: new Date("2025-01-02T03:04:05.000Z"),
  endsAt: new Date("2025-01-02T05:04:05.000Z"),
  source: "https://floe.example.com/runs/42",
};

describe("sendAlert", () => {
  it("posts a postable alert to /api/v2/alerts with labels, annotations, times and generatorURL", async () => {
    const plugin = new AlertmanagerAlertPlugin({ url: baseUrl, defaultLabels: { env: "prod", team: "default" } });
    const result = await plugin.sendAlert(alert);

    expect(result).toMatchObject({ delivered: true, status: "delivered", attempts: 1, destination: new URL(baseUrl).host });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/api/v2/alerts");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers.authorization).toBeUndefined();
    expect(server.alerts).toEqual([
      {
        labels: {
          alertname: "Orders freshness breached",
          severity: "critical",
          product: "orders",
          team: "data-platform",
          env: "prod",
        },
        annotations: {
          summary: "Orders freshness breached",
          description: "orders table is 3h behind its 1h SLA",
          runbook_url: "https://runbooks.example.com/freshness",
        },
        startsAt: "2025-01-02T03:04:05.000Z",
        endsAt: "2025-01-02T05:04:05.000Z",
        generatorURL: "https://floe.example.com/runs/42",
      },
    ]);
  });

  it("keeps a path prefix of the configured URL", async () => {
    const plugin = new AlertmanagerAlertPlugin({ url: `${baseUrl}/alertmanager` });
    await expect(plugin.sendAlert(alert)).rejects.toBeInstanceOf(AlertmanagerNotFoundError);
    expect(server.requests[0].path).toBe("/alertmanager/api/v2/alerts");
  });

  it("authenticates with basic auth", async () => {
    server.requiredAuthorization = `Basic ${Buffer.from("floe:s3cret-basic-pass").toString("base64")}`;
    const plugin = new AlertmanagerAlertPlugin({
      url: baseUrl,
      auth: { type: "basic", username: "floe", password: "s3cret-basic-pass" },
    });
    await expect(plugin.sendAlert(alert)).resolves.toMatchObject({ delivered: true });
    expect(server.alerts).toHaveLength(1);
  });

  it("authenticates with a bearer token", async () => {
    server.requiredAuthorization = "Bearer am-token-0123456789";
    const plugin = new AlertmanagerAlertPlugin({ url: baseUrl, auth: { type: "bearer", token: "am-token-0123456789" } });
    await expect(plugin.sendAlert(alert)).resolves.toMatchObject({ delivered: true });
  });

  it("reports refused credentials as AlertmanagerAuthError (401)", async () => {
    server.requiredAuthorization = "Bearer the-right-one";
    const plugin = new AlertmanagerAlertPlugin({ url: baseUrl, auth: { type: "bearer", token: "the-wrong-one-123" } });
    const error = await plugin.sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlertmanagerAuthError);
    expect(error).toMatchObject({ status: 401, code: "unauthorized", deliveryStatus: "rejected" });
    expect(server.alerts).toHaveLength(0);
  });

  it("reports Alertmanager's validation message on 400 (endsAt before startsAt)", async () => {
    const plugin = new AlertmanagerAlertPlugin({ url: baseUrl });
    const error = await plugin
      .sendAlert({ ...alert, endsAt: new Date("2025-01-01T00:00:00.000Z") })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlertmanagerRejectedError);
    expect(error).toMatchObject({ status: 400, code: "rejected" });
    expect((error as Error).message).toContain("start time must be before end time");
  });

  it("refuses label names Alertmanager would reject before sending", async () => {
    const plugin = new AlertmanagerAlertPlugin({ url: baseUrl });
    const error = await plugin.sendAlert({ ...alert, labels: { "bad-name": "x" } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_alert", deliveryStatus: "rejected" });
    expect((error as Error).message).toContain("bad-name");
    expect(server.requests).toHaveLength(0);
  });

  it("reports a 5xx as AlertmanagerServerError with the reason", async () => {
    server.respondNext({ status: 500, body: JSON.stringify("failed to persist alerts: disk full") });
    const plugin = new AlertmanagerAlertPlugin({ url: baseUrl });
    const error = await plugin.sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlertmanagerServerError);
    expect(error).toMatchObject({ status: 500, deliveryStatus: "failed" });
    expect((error as Error).message).toContain("disk full");
  });

  it("treats an HTML page answered with 200 as a malformed response, not a delivery", async () => {
    server.respondNext({ status: 200, body: "<html><body>Sign in</body></html>", contentType: "text/html; charset=utf-8" });
    const plugin = new AlertmanagerAlertPlugin({ url: baseUrl });
    await expect(plugin.sendAlert(alert)).rejects.toBeInstanceOf(AlertmanagerResponseError);
  });

  it("does not follow a redirect (a proxy), and says so", async () => {
    server.respondNext({ status: 302, body: "" });
    const plugin = new AlertmanagerAlertPlugin({ url: baseUrl });
    const error = await plugin.sendAlert(alert).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "malformed_response", status: 302 });
  });

  it("keeps a non-JSON error body (sanitized) as the reason", async () => {
    server.respondNext({ status: 400, body: "bad gateway config {", contentType: "text/plain" });
    const plugin = new AlertmanagerAlertPlugin({ url: baseUrl });
    const error = await plugin.sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlertmanagerRejectedError);
    expect((error as Error).message).toContain("bad gateway config {");
  });

  it("times out after timeoutMs", async () => {
    server.respondNext({ status: 200, delayMs: 2_000 });
    const plugin = new AlertmanagerAlertPlugin({ url: baseUrl, timeoutMs: 50 });
    const error = await plugin.sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlertmanagerTimeoutError);
    expect(error).toMatchObject({ code: "timeout", deliveryStatus: "timeout" });
  });

  it("reports a closed port as unreachable", async () => {
    const closed = new FakeAlertmanager();
    const url = await closed.start();
    await closed.close();
    const plugin = new AlertmanagerAlertPlugin({ url });
    const error = await plugin.sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlertmanagerUnreachableError);
    expect((error as Error).message).toContain("ECONNREFUSED");
  });
});

describe("healthCheck", () => {
  it("is healthy when /-/healthy and /-/ready answer 200", async () => {
    const plugin = new AlertmanagerAlertPlugin({ url: baseUrl });
    await expect(plugin.healthCheck()).resolves.toMatchObject({ healthy: true, destination: new URL(baseUrl).host });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /-/healthy", "GET /-/ready"]);
  });

  it("is unhealthy, without throwing, when Alertmanager is not ready", async () => {
    server.ready = false;
    const plugin = new AlertmanagerAlertPlugin({ url: baseUrl });
    const status = await plugin.healthCheck();
    expect(status.healthy).toBe(false);
    expect(status.detail).toContain("503");
  });

  it("is unhealthy when Alertmanager is unreachable", async () => {
    const closed = new FakeAlertmanager();
    const url = await closed.start();
    await closed.close();
    const status = await new AlertmanagerAlertPlugin({ url }).healthCheck();
    expect(status).toMatchObject({ healthy: false });
    expect(status.detail).toContain("unreachable");
  });
});

describe("config", () => {
  it("lists failing paths and never echoes a secret value", () => {
    let error: unknown;
    try {
      new AlertmanagerAlertPlugin({
        url: "ftp://am.example.com",
        auth: { type: "basic", username: "", password: 42 as unknown as string },
        timeoutMs: -1,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain("url");
    expect(message).toContain("auth.username");
    expect(message).toContain("auth.password");
    expect(message).toContain("timeoutMs");
    expect(message).not.toContain("42");
  });

  it("refuses credentials embedded in the URL", () => {
    expect(() => new AlertmanagerAlertPlugin({ url: "http://admin:hunter2-pass@am.example.com" })).toThrow(
      /url: must not embed credentials/,
    );
    try {
      new AlertmanagerAlertPlugin({ url: "http://admin:hunter2-pass@am.example.com" });
    } catch (e) {
      expect((e as Error).message).not.toContain("hunter2");
    }
  });
});
