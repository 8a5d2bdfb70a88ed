/**
 * A loopback webhook receiver doing what a careful receiver does: it accepts
 * `POST /hooks/{token}` only, verifies the HMAC-SHA256 signature over
 * `${timestamp}.${body}` (its own implementation, not the plugin's) and the
 * timestamp's freshness, de-duplicates by idempotency key, and records every
 * request. Tests queue scripted answers (status, body, headers, delay, or a
 * dropped connection) to exercise retries.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  signatureValid: boolean;
}

export interface ScriptedResponse {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  /** Drop the connection without answering (not valid HTTP). */
  destroy?: boolean;
}

export class WebhookReceiver {
  readonly requests: RecordedRequest[] = [];
  /** Accepted deliveries, once per idempotency key. */
  readonly delivered = new Map<string, unknown>();
  readonly token = "whk_4Rt9Lm2Qx7Vb1Zc8Np3Ks6Dh";
  private readonly scripted: ScriptedResponse[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server = http.createServer((req, res) => this.handle(req, res));
  private origin = "";

  constructor(private readonly secret: string) {}

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The receiver URL; its path carries a token, as many webhook URLs do. */
  get url(): string {
    return `${this.origin}/hooks/${this.token}`;
  }

  get host(): string {
    return new URL(this.origin).host;
  }

  respondNext(...responses: ScriptedResponse[]): void {
    this.scripted.push(...responses);
  }

  reset(): void {
    this.requests.length = 0;
    this.delivered.clear();
    this.scripted.length = 0;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private verify(headers: http.IncomingHttpHeaders, body: string): boolean {
    const timestamp = String(headers["x-floe-timestamp"] ?? "");
    const signature = String(headers["x-floe-signature"] ?? "");
    if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
    const expected = Buffer.from(`sha256=${createHmac("sha256", this.secret).update(`${timestamp}.${body}`).digest("hex")}`);
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      const signatureValid = this.verify(req.headers, body);
      this.requests.push({ method: req.method ?? "", path, headers: req.headers, body, signatureValid });
      const scripted = this.scripted.shift();
      if (scripted) return this.sendScripted(req, res, scripted);
      if (req.method !== "POST" || path !== `/hooks/${this.token}`) return json(res, 404, { error: "no such hook" });
      if (!signatureValid) return json(res, 401, { error: "invalid signature" });
      const key = String(req.headers["idempotency-key"] ?? "");
      if (!key) return json(res, 400, { error: "missing Idempotency-Key" });
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return json(res, 400, { error: "body is not JSON" });
      }
      const duplicate = this.delivered.has(key);
      if (!duplicate) this.delivered.set(key, parsed);
      json(res, duplicate ? 200 : 202, { received: true, duplicate });
    });
  }

  private sendScripted(req: http.IncomingMessage, res: http.ServerResponse, scripted: ScriptedResponse): void {
    const act = () => {
      if (scripted.destroy) {
        req.socket.destroy();
        return;
      }
      for (const [name, value] of Object.entries(scripted.headers ?? {})) res.setHeader(name, value);
      res.writeHead(scripted.status ?? 200);
      res.end(scripted.body ?? "");
    };
    if (!scripted.delayMs) return act();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!res.destroyed) act();
    }, scripted.delayMs);
    this.timers.add(timer);
  }
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
