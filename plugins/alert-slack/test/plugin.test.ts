// Behaviour of the Slack channel against a loopback incoming webhook: the Block Kit message it posts,
// 429 Retry-After handling within bounds, and Slack's error codes as typed errors.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ConfigError,
  SlackAlertPlugin,
  SlackChannelNotFoundError,
  SlackInvalidPayloadError,
  SlackRateLimitedError,
  SlackResponseError,
  SlackServerError,
  SlackTimeoutError,
  SlackUnreachableError,
  SlackWebhookNotFoundError,
} from "../src/index.js";
import { FakeSlack } from "./support/slack-server.js";

const slack = new FakeSlack();

beforeAll(() => slack.start());
afterAll(() => slack.close());
beforeEach(() => slack.reset());

const channel = "#data-alerts";
const alert = {
  title: "Orders freshness breached",
  message: "orders is 3h behind <SLA> & needs a look",
  severity: "critical" as const,
  labels: { product: "orders", team: "data-platform" },
  annotations: { runbook: "freshness.md" },
  startsAt: new Date("2025-01-02T03:04:05.000Z"),
  source: "https://floe.example.com/runs/42",
};

function plugin(overrides: Record<string, unknown> = {}): SlackAlertPlugin {
  return new SlackAlertPlugin({ webhookUrl: slack.webhookUrl, channel, rateLimit: { maxRetries: 2, maxWaitMs: 1_000, defaultWaitMs: 5 }, ...overrides });
}

describe("sendAlert", () => {
  it("posts a Block Kit message that Slack accepts", async () => {
    const result = await plugin().sendAlert(alert);

    expect(result).toEqual({ delivered: true, status: "delivered", destination: channel, attempts: 1, id: undefined });
    expect(slack.requests).toHaveLength(1);
    expect(slack.requests[0].method).toBe("POST");
    expect(slack.requests[0].path).toBe(slack.hookPath);
    expect(slack.requests[0].headers["content-type"]).toContain("application/json");
    const [message] = slack.posted;
    expect(message.text).toBe(":red_circle: [CRITICAL] Orders freshness breached");
    expect(message.blocks).toEqual([
      { type: "header", text: { type: "plain_text", text: ":red_circle: Orders freshness breached", emoji: true } },
      { type: "section", text: { type: "mrkdwn", text: "orders is 3h behind &lt;SLA&gt; &amp; needs a look" } },
      {
        type: "section",
        fields: [
          { type: "mrkdwn", text: "*Severity*\nCritical" },
          { type: "mrkdwn", text: "*product*\norders" },
          { type: "mrkdwn", text: "*team*\ndata-platform" },
        ],
      },
      {
        type: "context",
        elements: [
          { type: "mrkdwn", text: "Started <!date^1735787045^{date_short_pretty} {time}|2025-01-02T03:04:05.000Z>" },
          { type: "mrkdwn", text: "runbook: freshness.md" },
        ],
      },
      {
        type: "actions",
        elements: [{ type: "button", text: { type: "plain_text", text: "Open in floe" }, url: "https://floe.example.com/runs/42" }],
      },
    ]);
  });

  it.each([
    ["info", ":large_blue_circle:", "[INFO]"],
    ["warning", ":large_orange_circle:", "[WARNING]"],
    ["critical", ":red_circle:", "[CRITICAL]"],
  ] as const)("styles %s alerts by severity", async (severity, emoji, tag) => {
    await plugin().sendAlert({ title: "t", message: "m", severity });
    const message = slack.posted[0] as { text: string; blocks: { text?: { text: string } }[] };
    expect(message.text).toBe(`${emoji} ${tag} t`);
    expect(message.blocks[0].text?.text).toBe(`${emoji} t`);
  });

  it("mentions on critical alerts only", async () => {
    const p = plugin({ mentionOnCritical: "<!here>" });
    await p.sendAlert({ title: "c", message: "down", severity: "critical" });
    await p.sendAlert({ title: "w", message: "slow", severity: "warning" });
    const [critical, warning] = slack.posted as { blocks: { text?: { text: string } }[] }[];
    expect(critical.blocks[1].text?.text).toBe("<!here> down");
    expect(warning.blocks[1].text?.text).toBe("slow");
  });

  it("stays within Slack's limits for a long title and many labels", async () => {
    const labels = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`label_${i}`, `value ${i}`]));
    await plugin().sendAlert({ title: "x".repeat(400), message: "y".repeat(5000), severity: "info", labels });
    expect(slack.posted).toHaveLength(1);
    const blocks = (slack.posted[0] as { blocks: { text?: { text: string }; fields?: unknown[] }[] }).blocks;
    expect(blocks[0].text?.text.length).toBe(150);
    expect(blocks[1].text?.text.length).toBe(3000);
    expect(blocks[2].fields).toHaveLength(10);
  });

  it("honours 429 Retry-After and retries", async () => {
    slack.respondNext({ status: 429, body: "rate_limited", headers: { "retry-after": "0" } });
    const result = await plugin().sendAlert(alert);
    expect(result).toMatchObject({ delivered: true, attempts: 2 });
    expect(slack.requests).toHaveLength(2);
    expect(slack.posted).toHaveLength(1);
  });

  it("gives up at once when Retry-After exceeds maxWaitMs", async () => {
    slack.respondNext({ status: 429, body: "rate_limited", headers: { "retry-after": "120" } });
    const error = await plugin().sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackRateLimitedError);
    expect(error).toMatchObject({ code: "rate_limited", deliveryStatus: "rate_limited", attempts: 1, status: 429 });
    expect((error as Error).message).toContain("120000 ms");
    expect(slack.requests).toHaveLength(1);
  });

  it("gives up after maxRetries 429s (default wait when Retry-After is missing)", async () => {
    slack.respondNext({ status: 429, body: "rate_limited" }, { status: 429, body: "rate_limited" }, { status: 429, body: "rate_limited" });
    const error = await plugin({ rateLimit: { maxRetries: 1, maxWaitMs: 1_000, defaultWaitMs: 5 } })
      .sendAlert(alert)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackRateLimitedError);
    expect(error).toMatchObject({ attempts: 2 });
    expect(slack.requests).toHaveLength(2);
  });

  it("maps invalid_payload (400) to SlackInvalidPayloadError", async () => {
    slack.respondNext({ status: 400, body: "invalid_payload" });
    const error = await plugin().sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackInvalidPayloadError);
    expect(error).toMatchObject({ code: "invalid_payload", status: 400, deliveryStatus: "rejected", destination: channel });
  });

  it("maps channel_not_found (404) and channel_is_archived (410) to SlackChannelNotFoundError", async () => {
    slack.channelState = "not_found";
    await expect(plugin().sendAlert(alert)).rejects.toMatchObject({ code: "channel_not_found", status: 404 });
    slack.channelState = "archived";
    const error = await plugin().sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackChannelNotFoundError);
    expect(error).toMatchObject({ code: "channel_is_archived", status: 410 });
  });

  it("maps an unknown hook (no_service) to SlackWebhookNotFoundError", async () => {
    const error = await plugin({ webhookUrl: `${slack.webhookUrl}-revoked` }).sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackWebhookNotFoundError);
    expect(error).toMatchObject({ code: "no_service", status: 404 });
  });

  it("maps a 5xx to SlackServerError, without retrying (webhooks are not idempotent)", async () => {
    slack.respondNext({ status: 503, body: "<html>Service Unavailable</html>" });
    const error = await plugin().sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackServerError);
    expect(error).toMatchObject({ code: "http_503", deliveryStatus: "failed" });
    expect(slack.requests).toHaveLength(1);
  });

  it("treats 200 with a body other than ok as a malformed response", async () => {
    slack.respondNext({ status: 200, body: "<html>captive portal</html>" });
    const error = await plugin().sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackResponseError);
    expect(error).toMatchObject({ code: "malformed_response" });
  });

  it("times out after timeoutMs", async () => {
    slack.respondNext({ status: 200, body: "ok", delayMs: 2_000 });
    const error = await plugin({ timeoutMs: 50 }).sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackTimeoutError);
    expect(error).toMatchObject({ deliveryStatus: "timeout" });
  });

  it("reports a closed port as unreachable", async () => {
    const closed = new FakeSlack();
    await closed.start();
    const url = closed.webhookUrl;
    await closed.close();
    const error = await plugin({ webhookUrl: url }).sendAlert(alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackUnreachableError);
  });
});

describe("healthCheck", () => {
  it("is healthy when the webhook refuses an empty payload with no_text, and posts nothing", async () => {
    const status = await plugin().healthCheck();
    expect(status).toMatchObject({ healthy: true, destination: channel });
    expect(slack.requests.map((r) => r.body)).toEqual(["{}"]);
    expect(slack.posted).toHaveLength(0);
  });

  it("is unhealthy for a revoked webhook", async () => {
    const status = await plugin({ webhookUrl: `${slack.webhookUrl}-revoked` }).healthCheck();
    expect(status.healthy).toBe(false);
    expect(status.detail).toContain("no_service");
  });

  it("is unhealthy for an archived channel", async () => {
    slack.channelState = "archived";
    const status = await plugin().healthCheck();
    expect(status).toMatchObject({ healthy: false });
    expect(status.detail).toContain("channel_is_archived");
  });
});

describe("config", () => {
  it("refuses plain http to a non-loopback host without echoing the URL", () => {
    const url = "http://hooks.slack.com/services/T1/B1/tok3nVALUEabc123";
    expect(() => new SlackAlertPlugin({ webhookUrl: url, channel })).toThrow(ConfigError);
    try {
      new SlackAlertPlugin({ webhookUrl: url, channel });
    } catch (e) {
      expect((e as Error).message).toContain("webhookUrl: must use https");
      expect((e as Error).message).not.toContain("tok3nVALUE");
    }
  });

  it("requires the channel name", () => {
    expect(() => new SlackAlertPlugin({ webhookUrl: slack.webhookUrl } as never)).toThrow(/channel/);
  });
});
