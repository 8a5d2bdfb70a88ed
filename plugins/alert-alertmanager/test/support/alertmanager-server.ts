/**
 * A loopback Alertmanager speaking the parts of its HTTP API the plugin uses:
 * `POST /api/v2/alerts` (validating postable alerts as Alertmanager does,
 * answering 200 with an empty body or 400 with a JSON string), `GET /-/healthy`,
 * `GET /-/ready`, Go's `404 page not found`, and optional basic/bearer auth as a
 * web config or proxy would enforce. It records every request; tests can queue
 * a scripted answer (status, body, delay) for the next request.
 */
import type http from "node:http";
import { ScriptedAnswers, startLoopbackServer, type LoopbackServer, type RecordedRequest } from "@floe/runtime/testing";

export type { RecordedRequest };

export interface ScriptedResponse {
  status: number;
  body?: string;
  contentType?: string;
  /** Hold the answer this long (to exercise client timeouts). */
  delayMs?: number;
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export class FakeAlertmanager {
  readonly requests: RecordedRequest[] = [];
  readonly alerts: Record<string, unknown>[] = [];
  ready = true;
  /** Authorization header value required on every request, when set. */
  requiredAuthorization: string | undefined;
  private readonly scripted = new ScriptedAnswers();
  private loopback: LoopbackServer | undefined;

  async start(): Promise<string> {
    this.loopback = await startLoopbackServer((request, res, req) => {
      this.requests.push(request);
      if (!this.scripted.serveNext(res, req)) this.handle(request, res);
    });
    return this.loopback.url;
  }

  respondNext(response: ScriptedResponse): void {
    const body = response.body ?? "";
    const headers = body !== "" ? { "content-type": response.contentType ?? "application/json" } : {};
    this.scripted.push({ status: response.status, body, headers, delayMs: response.delayMs });
  }

  reset(): void {
    this.requests.length = 0;
    this.alerts.length = 0;
    this.scripted.clear();
    this.ready = true;
    this.requiredAuthorization = undefined;
  }

  async close(): Promise<void> {
    this.scripted.cancel();
    await this.loopback?.close();
  }

  private handle({ method, path, headers, body }: RecordedRequest, res: http.ServerResponse): void {
    if (this.requiredAuthorization !== undefined && headers.authorization !== this.requiredAuthorization) {
      return send(res, 401, "Unauthorized\n", "text/plain; charset=utf-8", { "www-authenticate": 'Basic realm="alertmanager"' });
    }
    if (method === "POST" && path === "/api/v2/alerts") return this.postAlerts(res, body);
    if (method === "GET" && path === "/-/healthy") return send(res, 200, "OK", "text/plain; charset=utf-8");
    if (method === "GET" && path === "/-/ready") {
      return this.ready
        ? send(res, 200, "OK", "text/plain; charset=utf-8")
        : send(res, 503, "Service Unavailable", "text/plain; charset=utf-8");
    }
    send(res, 404, "404 page not found\n", "text/plain; charset=utf-8");
  }

  private postAlerts(res: http.ServerResponse, body: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return send(res, 400, JSON.stringify({ code: 400, message: "parsing alerts body from \"\" failed, because invalid character" }));
    }
    if (!Array.isArray(parsed)) return send(res, 400, JSON.stringify({ code: 602, message: "alerts in body must be of type array" }));
    for (const alert of parsed as Record<string, unknown>[]) {
      const problem = validatePostableAlert(alert);
      if (problem) return send(res, 400, JSON.stringify(problem));
    }
    this.alerts.push(...(parsed as Record<string, unknown>[]));
    send(res, 200, "", undefined);
  }
}

/** Alertmanager's own checks on a postable alert (labels required and well-formed, times ordered, URL valid). */
function validatePostableAlert(alert: Record<string, unknown>): string | undefined {
  const labels = alert.labels as Record<string, unknown> | undefined;
  if (!labels || typeof labels !== "object") return "labels in body is required";
  if (Object.keys(labels).length === 0) return "at least one label pair required";
  for (const [name, value] of Object.entries(labels)) {
    if (!LABEL_NAME.test(name)) return `invalid label set: invalid name "${name}"`;
    if (typeof value !== "string" || value === "") return `invalid label set: invalid value for "${name}"`;
  }
  for (const key of ["startsAt", "endsAt"]) {
    const value = alert[key];
    if (value !== undefined && (typeof value !== "string" || Number.isNaN(Date.parse(value)))) {
      return `${key} in body must be of type date-time`;
    }
  }
  if (typeof alert.startsAt === "string" && typeof alert.endsAt === "string" && Date.parse(alert.endsAt) < Date.parse(alert.startsAt)) {
    return "start time must be before end time";
  }
  if (alert.generatorURL !== undefined) {
    try {
      new URL(String(alert.generatorURL));
    } catch {
      return "generatorURL in body must be of type uri";
    }
  }
  return undefined;
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string,
  contentType: string | undefined = "application/json",
  headers: Record<string, string> = {},
): void {
  if (contentType && body !== "") res.setHeader("content-type", contentType);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.writeHead(status);
  res.end(body);
}
