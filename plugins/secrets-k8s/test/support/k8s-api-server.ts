/**
 * A loopback stand-in for the Kubernetes API server's core/v1 Secrets
 * endpoints: bearer-token auth, resourceVersion optimistic concurrency,
 * label selectors, and `Status` failure bodies exactly as the API server
 * sends them. Runs on the kit's recording loopback server (plain http, or
 * https when given a key and certificate); can fail, stall, answer garbage,
 * or simulate a concurrent writer before the next PUT.
 */
import type http from "node:http";
import {
  jsonAnswer,
  ScriptedAnswers,
  sendJson as send,
  startLoopbackServer,
  type LoopbackServer,
  type RecordedRequest,
} from "@floe/runtime/testing";

/** Longer than any client timeout in the tests: the request is never answered before the fake stops. */
const STALL_MS = 60_000;

interface Secret {
  apiVersion: "v1";
  kind: "Secret";
  metadata: { name: string; namespace: string; resourceVersion: string; uid: string; labels?: Record<string, string>; [k: string]: unknown };
  type?: string;
  data?: Record<string, string>;
}


export class FakeKubeApi {
  /** Tokens the server accepts. */
  readonly validTokens = new Set<string>();
  private readonly store = new Map<string, Map<string, Secret>>();
  /** Answers served instead of the protocol logic, in order (failures, stalls, garbage). */
  private readonly scripted = new ScriptedAnswers();
  /** Concurrent writes to apply just before the next PUT(s) of a secret is handled. */
  private concurrentWrites = 0;
  private revision = 100;
  private server: LoopbackServer | undefined;
  url = "";

  constructor(private readonly tls?: { key: string; cert: string }) {}

  /** Every request that arrived, in order. */
  get requests(): RecordedRequest[] {
    return this.server?.requests ?? [];
  }

  async start(): Promise<this> {
    this.server = await startLoopbackServer((request, res, req) => this.handle(request, res, req), { tls: this.tls });
    this.url = this.server.url;
    return this;
  }

  async stop(): Promise<void> {
    this.scripted.cancel();
    await this.server?.close();
  }

  reset(): void {
    this.requests.length = 0;
    this.scripted.clear();
    this.store.clear();
    this.concurrentWrites = 0;
  }

  /** The next request gets this status and body (JSON-encoded, a string too). */
  failNext(status: number, body: unknown): void {
    this.scripted.push(jsonAnswer(status, JSON.stringify(body)));
  }

  stallNext(): void {
    this.scripted.push({ delayMs: STALL_MS });
  }

  garbageNext(text: string): void {
    this.scripted.push({ status: 200, body: text, headers: { "content-type": "application/json" } });
  }

  /** Another writer updates the secret before each of the next `count` PUTs, so they hit a stale resourceVersion. */
  concurrentWriteBeforeNextPuts(count = 1): void {
    this.concurrentWrites = count;
  }

  seed(namespace: string, name: string, data: Record<string, string>, labels?: Record<string, string>): void {
    this.put(namespace, {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name, namespace, resourceVersion: "", uid: `uid-${name}`, labels },
      type: "Opaque",
      data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v).toString("base64")])),
    });
  }

  /** The stored object (data still base64), or undefined. */
  object(namespace: string, name: string): Secret | undefined {
    return this.ns(namespace).get(name);
  }

  private ns(namespace: string): Map<string, Secret> {
    let map = this.store.get(namespace);
    if (!map) this.store.set(namespace, (map = new Map()));
    return map;
  }

  private put(namespace: string, secret: Secret): Secret {
    const stored = structuredClone(secret);
    stored.metadata.resourceVersion = String(++this.revision);
    stored.metadata.namespace = namespace;
    this.ns(namespace).set(stored.metadata.name, stored);
    return stored;
  }

  private handle(req: RecordedRequest, res: http.ServerResponse, incoming: http.IncomingMessage): void {
    if (req.body !== "" && req.json === undefined) {
      return status(res, 400, "BadRequest", "the body of the request was in an unknown format");
    }
    const body = req.json as any;
    if (this.scripted.serveNext(res, incoming)) return;
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!token || !this.validTokens.has(token)) return status(res, 401, "Unauthorized", "Unauthorized");

    const match = /^\/api\/v1\/namespaces\/([^/]+)\/secrets(?:\/([^/]+))?$/.exec(req.path);
    if (!match) return status(res, 404, "NotFound", "the server could not find the requested resource");
    const namespace = decodeURIComponent(match[1]!);
    const name = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
    const secrets = this.ns(namespace);
    const notFound = () => status(res, 404, "NotFound", `secrets "${name}" not found`, { name, kind: "secrets" });

    if (name === undefined && req.method === "GET") {
      const selector = parseSelector(req.query.labelSelector ?? "");
      const items = [...secrets.values()].filter((s) => selector(s.metadata.labels ?? {}));
      return send(res, 200, {
        kind: "SecretList",
        apiVersion: "v1",
        metadata: { resourceVersion: String(this.revision) },
        items: items.map(({ kind: _kind, apiVersion: _apiVersion, ...item }) => item),
      });
    }
    if (name === undefined && req.method === "POST") {
      const newName = body?.metadata?.name;
      if (secrets.has(newName)) return status(res, 409, "AlreadyExists", `secrets "${newName}" already exists`, { name: newName, kind: "secrets" });
      return send(res, 201, this.put(namespace, body));
    }
    if (name === undefined) return status(res, 405, "MethodNotAllowed", "method not allowed");

    const existing = secrets.get(name);
    switch (req.method) {
      case "GET":
        return existing ? send(res, 200, existing) : notFound();
      case "PUT": {
        if (!existing) return notFound();
        if (this.concurrentWrites > 0) {
          this.concurrentWrites--;
          this.put(namespace, { ...existing, data: { ...existing.data, other: Buffer.from("concurrent").toString("base64") } });
        }
        const current = secrets.get(name)!;
        if (body?.metadata?.resourceVersion !== current.metadata.resourceVersion) {
          return status(
            res,
            409,
            "Conflict",
            `Operation cannot be fulfilled on secrets "${name}": the object has been modified; please apply your changes to the latest version and try again`,
            { name, kind: "secrets" },
          );
        }
        return send(res, 200, this.put(namespace, body));
      }
      case "DELETE":
        if (!existing) return notFound();
        secrets.delete(name);
        return send(res, 200, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", details: { name, kind: "secrets", uid: existing.metadata.uid } });
      default:
        return status(res, 405, "MethodNotAllowed", "method not allowed");
    }
  }
}

/** Equality-based selectors: `k=v`, `k==v`, `k!=v`, `k`, `!k`, comma-separated (all must hold). */
function parseSelector(text: string): (labels: Record<string, string>) => boolean {
  const terms = text.split(",").map((t) => t.trim()).filter(Boolean).map((term) => {
    const m = /^([^!=]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (m) {
      const [, key, op, value] = m;
      return (l: Record<string, string>) => (op === "!=" ? l[key!] !== value : l[key!] === value);
    }
    if (term.startsWith("!")) return (l: Record<string, string>) => !(term.slice(1) in l);
    return (l: Record<string, string>) => term in l;
  });
  return (labels) => terms.every((t) => t(labels));
}

function status(res: http.ServerResponse, code: number, reason: string, message: string, details?: unknown): void {
  send(res, code, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, details, code });
}
