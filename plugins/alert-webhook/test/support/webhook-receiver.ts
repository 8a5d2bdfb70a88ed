/**
 * A loopback webhook receiver doing what a careful receiver does: it accepts
 * `POST /hooks/{token}` only, verifies the HMAC-SHA256 signature over
 * `${timestamp}.${body}` (its own implementation, not the plugin's) and the
 * timestamp's freshness, de-duplicates by idempotency key, and records every
 * request. Tests queue scripted answers (status, body, headers, delay, or a
 * dropped connection) to exercise retries.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type http from "node:http";
import { ScriptedAnswers, sendJson, startLoopbackServer, type LoopbackServer, type RecordedRequest as LoopbackRequest, type ScriptedAnswer } from "@floe/runtime/testing";

export interface RecordedRequest extends LoopbackRequest {
  signatureValid: boolean;
}

export type ScriptedResponse = Omit<ScriptedAnswer, "headers"> & { headers?: Record<string, string> };

export class WebhookReceiver {
  readonly requests: RecordedRequest[] = [];
  /** Accepted deliveries, once per idempotency key. */
  readonly delivered = new Map<string, unknown>();
  readonly token = "whk_4Rt9Lm2Qx7Vb1Zc8Np3Ks6Dh";
  private readonly scripted = new ScriptedAnswers();
  private loopback: LoopbackServer | undefined;

  constructor(private readonly secret: string) {}

  async start(): Promise<void> {
    this.loopback = await startLoopbackServer((request, res, req) => {
      const recorded = { ...request, signatureValid: this.verify(request.headers, request.body) };
      this.requests.push(recorded);
      if (!this.scripted.serveNext(res, req)) this.handle(recorded, res);
    });
  }

  private get origin(): string {
    return this.loopback?.url ?? "";
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
    this.scripted.clear();
  }

  async close(): Promise<void> {
    this.scripted.cancel();
    await this.loopback?.close();
  }

  private verify(headers: http.IncomingHttpHeaders, body: string): boolean {
    const timestamp = String(headers["x-floe-timestamp"] ?? "");
    const signature = String(headers["x-floe-signature"] ?? "");
    if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
    const expected = Buffer.from(`sha256=${createHmac("sha256", this.secret).update(`${timestamp}.${body}`).digest("hex")}`);
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private handle({ method, path, headers, body, signatureValid }: RecordedRequest, res: http.ServerResponse): void {
    if (method !== "POST" || path !== `/hooks/${this.token}`) return sendJson(res, 404, { error: "no such hook" });
    if (!signatureValid) return sendJson(res, 401, { error: "invalid signature" });
    const key = String(headers["idempotency-key"] ?? "");
    if (!key) return sendJson(res, 400, { error: "missing Idempotency-Key" });
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return sendJson(res, 400, { error: "body is not JSON" });
    }
    const duplicate = this.delivered.has(key);
    if (!duplicate) this.delivered.set(key, parsed);
    sendJson(res, duplicate ? 200 : 202, { received: true, duplicate });
  }
}
