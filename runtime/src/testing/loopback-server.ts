/**
 * A recording HTTP server on 127.0.0.1 (port 0) for plugin tests: the test
 * writes the protocol's handler; this records every request that really
 * arrived and closes cleanly. Serves https when given a key and certificate.
 */
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
}

export type LoopbackHandler = (
  request: RecordedRequest,
  res: http.ServerResponse,
  req: http.IncomingMessage,
) => void | Promise<void>;

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` (`https://` when serving TLS) */
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  readonly server: http.Server;
  close(): Promise<void>;
}

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(body === undefined ? "" : JSON.stringify(body));
}

/**
 * A stand-in's answer as a test scripts it: a string goes out as is (a fault
 * sending HTML or broken JSON on purpose), 204 without a body, anything else
 * as JSON. The content type stays JSON unless `headers` says otherwise.
 */
export function sendBody(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  if (status === 204) {
    res.writeHead(204, headers);
    res.end();
  } else if (typeof body === "string") {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(body);
  } else {
    sendJson(res, status, body, headers);
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface LoopbackServerOptions {
  /** PEM key and certificate: serve https (e.g. a stand-in for an API server verified by its CA). */
  tls?: { key: string; cert: string };
}

export async function startLoopbackServer(handler: LoopbackHandler, options: LoopbackServerOptions = {}): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const listener: http.RequestListener = (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const body = await readBody(req);
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body,
        json: parseJson(body),
      };
      requests.push(recorded);
      await handler(recorded, res, req);
    })().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
      else res.destroy();
    });
  };
  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${options.tls ? "https" : "http"}://127.0.0.1:${port}`,
    port,
    requests,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One answer a test scripts ahead of a fake peer's own protocol logic. */
export interface ScriptedAnswer {
  /** Default 200. */
  status?: number;
  body?: string;
  headers?: http.OutgoingHttpHeaders;
  /** Hold the answer this long (to exercise client timeouts). */
  delayMs?: number;
  /** Drop the connection without answering (not valid HTTP). */
  destroy?: boolean;
}

/** A scripted answer in a JSON API's terms: a string body as is (malformed on purpose), anything else as JSON. */
export function jsonAnswer(status: number, body: unknown, extra: Omit<ScriptedAnswer, "status" | "body"> = {}): ScriptedAnswer {
  return {
    ...extra,
    status,
    body: typeof body === "string" ? body : body === undefined ? "" : JSON.stringify(body),
    headers: { "content-type": "application/json", ...extra.headers },
  };
}

/**
 * The queue of scripted answers a fake peer serves before its protocol logic:
 * immediate, delayed (cancelled when the fake closes) or a dropped connection.
 */
export class ScriptedAnswers {
  private readonly queue: ScriptedAnswer[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  push(...answers: ScriptedAnswer[]): void {
    this.queue.push(...answers);
  }

  /** Forgets the answers not served yet. */
  clear(): void {
    this.queue.length = 0;
  }

  /** Serves the next scripted answer, if one is queued; true when it did. */
  serveNext(res: http.ServerResponse, req: http.IncomingMessage): boolean {
    const answer = this.queue.shift();
    if (!answer) return false;
    const act = () => {
      if (answer.destroy) return void req.socket.destroy();
      res.writeHead(answer.status ?? 200, answer.headers);
      res.end(answer.body ?? "");
    };
    if (!answer.delayMs) {
      act();
      return true;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!res.destroyed) act();
    }, answer.delayMs);
    this.timers.add(timer);
    return true;
  }

  /** Cancels answers still waiting out their delay (call before closing the server). */
  cancel(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
