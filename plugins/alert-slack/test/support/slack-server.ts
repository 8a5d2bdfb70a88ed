/**
 * A loopback Slack incoming-webhook endpoint: `POST /services/{team}/{bot}/{token}`
 * answering as hooks.slack.com does: `200 ok` (text/html), `400 invalid_payload`
 * for unparseable JSON, `400 no_text` for an empty message, `400 invalid_blocks`
 * for Block Kit beyond Slack's limits, `404 no_service` for an unknown hook,
 * `404 channel_not_found` / `410 channel_is_archived` for a gone channel, and
 * `429` with `Retry-After`. It records every request; tests can queue scripted answers.
 */
import type http from "node:http";
import { ScriptedAnswers, startLoopbackServer, type LoopbackServer, type RecordedRequest } from "@floe/runtime/testing";

export type { RecordedRequest };

export interface ScriptedResponse {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  delayMs?: number;
}

const BLOCK_TYPES = new Set(["header", "section", "context", "actions", "divider", "image", "rich_text"]);

export class FakeSlack {
  readonly requests: RecordedRequest[] = [];
  /** Messages Slack accepted (parsed JSON). */
  readonly posted: Record<string, unknown>[] = [];
  /** The token path of the one registered hook. */
  readonly hookPath = "/services/T0FLOE001/B0ALERTS1/xoxwh7Kq2ZpL9vR4sWc8Yt3N";
  channelState: "active" | "not_found" | "archived" = "active";
  private readonly scripted = new ScriptedAnswers();
  private loopback: LoopbackServer | undefined;

  async start(): Promise<void> {
    this.loopback = await startLoopbackServer((request, res, req) => {
      this.requests.push(request);
      if (!this.scripted.serveNext(res, req)) this.handle(request, res);
    });
  }

  /** The webhook URL (a credential: its path is the token). */
  get webhookUrl(): string {
    return `${this.loopback?.url ?? ""}${this.hookPath}`;
  }

  respondNext(...responses: ScriptedResponse[]): void {
    for (const { status, body, headers, delayMs } of responses) {
      this.scripted.push({ status, body, delayMs, headers: { "content-type": "text/html", ...headers } });
    }
  }

  reset(): void {
    this.requests.length = 0;
    this.posted.length = 0;
    this.scripted.clear();
    this.channelState = "active";
  }

  async close(): Promise<void> {
    this.scripted.cancel();
    await this.loopback?.close();
  }

  private handle({ method, path, body }: RecordedRequest, res: http.ServerResponse): void {
    if (method !== "POST" || path !== this.hookPath) return reply(res, 404, "no_service");
    if (this.channelState === "not_found") return reply(res, 404, "channel_not_found");
    if (this.channelState === "archived") return reply(res, 410, "channel_is_archived");
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(body) as Record<string, unknown>;
      if (!message || typeof message !== "object" || Array.isArray(message)) throw new Error("not an object");
    } catch {
      return reply(res, 400, "invalid_payload");
    }
    const hasText = typeof message.text === "string" && message.text !== "";
    const hasBlocks = Array.isArray(message.blocks) && message.blocks.length > 0;
    if (!hasText && !hasBlocks) return reply(res, 400, "no_text");
    if (message.blocks !== undefined && !validBlocks(message.blocks)) return reply(res, 400, "invalid_blocks");
    this.posted.push(message);
    reply(res, 200, "ok");
  }
}

function textObject(value: unknown, type: string | undefined, max: number): boolean {
  const text = value as { type?: unknown; text?: unknown } | undefined;
  if (!text || typeof text.text !== "string" || text.text.length === 0 || text.text.length > max) return false;
  return type === undefined ? text.type === "plain_text" || text.type === "mrkdwn" : text.type === type;
}

/** Slack's Block Kit limits for the block types the plugin uses. */
function validBlocks(blocks: unknown): boolean {
  if (!Array.isArray(blocks) || blocks.length > 50) return false;
  return blocks.every((block: Record<string, unknown>) => {
    if (!block || typeof block.type !== "string" || !BLOCK_TYPES.has(block.type)) return false;
    switch (block.type) {
      case "header":
        return textObject(block.text, "plain_text", 150);
      case "section": {
        if (block.text === undefined && block.fields === undefined) return false;
        if (block.text !== undefined && !textObject(block.text, undefined, 3000)) return false;
        if (block.fields === undefined) return true;
        return Array.isArray(block.fields) && block.fields.length <= 10 && block.fields.every((f) => textObject(f, undefined, 2000));
      }
      case "context":
        return Array.isArray(block.elements) && block.elements.length > 0 && block.elements.length <= 10 &&
          block.elements.every((e) => textObject(e, undefined, 3000));
      case "actions":
        return Array.isArray(block.elements) && block.elements.length > 0 && block.elements.length <= 25 &&
          block.elements.every((e: Record<string, unknown>) => {
            if (e.type !== "button" || !textObject(e.text, "plain_text", 75)) return false;
            try {
              return e.url === undefined || new URL(String(e.url)).protocol.startsWith("http");
            } catch {
              return false;
            }
          });
      default:
        return true;
    }
  });
}

/** hooks.slack.com answers its codes as text/html. */
function reply(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "content-type": "text/html" });
  res.end(body);
}
