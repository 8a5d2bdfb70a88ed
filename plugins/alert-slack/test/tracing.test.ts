// Spans of the Slack channel: the destination is the channel name, never the webhook URL; failures say
// where (channel) and why (HTTP status, Slack error code) with no token from the URL or an echoed header.
import { SpanStatusCode } from "@opentelemetry/api";
import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SlackAlertPlugin } from "../src/index.js";
import { FakeSlack } from "./support/slack-server.js";

const tracing = createTestTracing();
const slack = new FakeSlack();

beforeAll(() => slack.start());
afterAll(async () => {
  await slack.close();
  await tracing.shutdown();
});
beforeEach(() => {
  tracing.reset();
  slack.reset();
});

const channel = "#data-alerts";
const BOT_TOKEN = "xoxb-2048-9f8e7d6c5b4a";
const floe = { namespace: "analytics", productName: "orders", productVersion: "1.4.0" };
const alert = { title: "Freshness breached", message: "orders is late", severity: "warning" as const };
const hookToken = () => slack.hookPath.split("/").pop()!;

function plugin(): SlackAlertPlugin {
  return new SlackAlertPlugin({
    webhookUrl: slack.webhookUrl,
    channel,
    floe,
    rateLimit: { maxRetries: 2, maxWaitMs: 1_000, defaultWaitMs: 5 },
  });
}

describe("alert.sendAlert span", () => {
  it("is OK, names the channel as destination and carries no part of the webhook URL", async () => {
    await plugin().sendAlert(alert);
    const span = tracing.getSpan("alert.sendAlert");
    expect(span.instrumentationScope.name).toBe("floe.alert.slack");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toMatchObject({
      "floe.operation": "sendAlert",
      "alert.channel": "slack",
      "alert.destination": channel,
      "alert.severity": "warning",
      "alert.delivery_status": "delivered",
      "alert.attempts": 1,
      "http.response.status_code": 200,
      "floe.namespace": "analytics",
      "floe.product.name": "orders",
      "floe.product.version": "1.4.0",
    });
    expect(tracing.findLeaks([slack.webhookUrl, slack.hookPath, hookToken()])).toEqual([]);
  });

  it("records a 500 echoing the webhook URL as ERROR, with where and why and no part of the URL", async () => {
    slack.respondNext({ status: 500, body: `upstream error posting to ${slack.webhookUrl}: internal_error` });
    await expect(plugin().sendAlert(alert)).rejects.toThrow(/HTTP 500/);

    const span = tracing.getSpan("alert.sendAlert");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.status.message).toContain(channel);
    expect(span.status.message).toContain("HTTP 500");
    expect(span.attributes).toMatchObject({
      "alert.destination": channel,
      "alert.delivery_status": "failed",
      "http.response.status_code": 500,
      "error.type": "http_500",
    });
    const exception = span.events.find((e) => e.name === "exception");
    expect(exception?.attributes?.["exception.message"]).toContain("upstream error");
    expect(exception?.attributes?.["exception.message"]).toContain("internal_error");
    expect(tracing.findLeaks([slack.webhookUrl, slack.hookPath, hookToken()])).toEqual([]);
  });

  it("records a 500 echoing an Authorization header without the bearer token", async () => {
    slack.respondNext({ status: 500, body: `proxy failure, request headers: Authorization: Bearer ${BOT_TOKEN}` });
    await expect(plugin().sendAlert(alert)).rejects.toThrow(/HTTP 500/);

    const span = tracing.getSpan("alert.sendAlert");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes).toMatchObject({ "alert.destination": channel, "http.response.status_code": 500 });
    expect(span.status.message).toContain("proxy failure");
    expect(tracing.findLeaks([BOT_TOKEN, hookToken()])).toEqual([]);
  });

  it("records Slack's error code (channel_not_found) as the reason", async () => {
    slack.channelState = "not_found";
    await expect(plugin().sendAlert(alert)).rejects.toThrow(/channel_not_found/);
    const span = tracing.getSpan("alert.sendAlert");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes).toMatchObject({
      "alert.delivery_status": "rejected",
      "error.type": "channel_not_found",
      "http.response.status_code": 404,
    });
    expect(span.events.find((e) => e.name === "exception")?.attributes?.["exception.type"]).toBe("channel_not_found");
  });

  it("records each 429 wait as an event and the attempts made", async () => {
    slack.respondNext({ status: 429, body: "rate_limited", headers: { "retry-after": "0" } });
    await plugin().sendAlert(alert);
    const span = tracing.getSpan("alert.sendAlert");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes["alert.attempts"]).toBe(2);
    const waits = span.events.filter((e) => e.name === "slack.rate_limited");
    expect(waits).toHaveLength(1);
    expect(waits[0].attributes).toMatchObject({ retry_after_ms: 0, "alert.attempts": 1 });
  });
});

describe("alert.healthCheck span", () => {
  it("reports alert.healthy for a live webhook", async () => {
    await plugin().healthCheck();
    const span = tracing.getSpan("alert.healthCheck");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes).toMatchObject({ "alert.destination": channel, "alert.healthy": true, "http.response.status_code": 400 });
  });

  it("reports alert.healthy=false and the Slack code for a revoked webhook, without the URL", async () => {
    slack.respondNext({ status: 404, body: "no_service" });
    await plugin().healthCheck();
    const span = tracing.getSpan("alert.healthCheck");
    expect(span.attributes).toMatchObject({ "alert.healthy": false, "error.type": "no_service" });
    expect(tracing.findLeaks([slack.webhookUrl, hookToken()])).toEqual([]);
  });
});
