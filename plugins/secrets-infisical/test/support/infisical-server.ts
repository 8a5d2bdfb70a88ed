/**
 * A loopback stand-in for the Infisical REST API: Universal Auth login and
 * the v3 raw-secrets endpoints, with Infisical's body shapes and error
 * format, on the kit's recording loopback server (tests assert on what
 * really arrived). Can be told to fail, stall or answer garbage on the next
 * request.
 */
import { randomBytes } from "node:crypto";
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

interface StoredSecret {
  secretKey: string;
  secretValue: string;
  version: number;
}

export class FakeInfisical {
  /** Client id -> client secret of registered machine identities. */
  readonly identities = new Map<string, string>();
  readonly issuedTokens: string[] = [];
  expiresIn = 7200;
  private readonly validTokens = new Set<string>();
  /** `${workspaceId}|${environment}|${secretPath}` -> name -> secret. */
  private readonly folders = new Map<string, Map<string, StoredSecret>>();
  /** Answers served instead of the protocol logic, in order (failures, stalls, garbage). */
  private readonly scripted = new ScriptedAnswers();
  private server: LoopbackServer | undefined;
  url = "";

  /** Every request that arrived, in order. */
  get requests(): RecordedRequest[] {
    return this.server?.requests ?? [];
  }

  async start(): Promise<this> {
    this.server = await startLoopbackServer((request, res, req) => this.handle(request, res, req));
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
    this.folders.clear();
    this.issuedTokens.length = 0;
    this.validTokens.clear();
    this.expiresIn = 7200;
  }

  /** Makes every issued token invalid (the server answers 401 until the next login). */
  revokeTokens(): void {
    this.validTokens.clear();
  }

  /** The next request (of any kind) gets this answer instead. */
  failNext(status: number, body: unknown): void {
    this.scripted.push(jsonAnswer(status, JSON.stringify(body)));
  }

  /** The next request never gets an answer. */
  stallNext(): void {
    this.scripted.push({ delayMs: STALL_MS });
  }

  /** The next request gets a 200 whose body is this text. */
  garbageNext(text: string): void {
    this.scripted.push({ status: 200, body: text, headers: { "content-type": "application/json" } });
  }

  seed(workspaceId: string, environment: string, secretPath: string, secrets: Record<string, string>): void {
    const folder = this.folder(workspaceId, environment, secretPath);
    for (const [key, value] of Object.entries(secrets)) folder.set(key, { secretKey: key, secretValue: value, version: 1 });
  }

  stored(workspaceId: string, environment: string, secretPath: string): Record<string, string> {
    const folder = this.folder(workspaceId, environment, secretPath);
    return Object.fromEntries([...folder.values()].map((s) => [s.secretKey, s.secretValue]));
  }

  private folder(workspaceId: string, environment: string, secretPath: string): Map<string, StoredSecret> {
    const id = `${workspaceId}|${environment}|${secretPath}`;
    let folder = this.folders.get(id);
    if (!folder) this.folders.set(id, (folder = new Map()));
    return folder;
  }

  private handle(req: RecordedRequest, res: http.ServerResponse, incoming: http.IncomingMessage): void {
    if (req.body !== "" && req.json === undefined) {
      return send(res, 400, { statusCode: 400, message: "Body is not valid JSON", error: "BadRequest" });
    }
    const body = req.json as Record<string, any> | undefined;
    if (this.scripted.serveNext(res, incoming)) return;
    if (req.method === "POST" && req.path === "/api/v1/auth/universal-auth/login") return this.login(res, body);
    if (req.path === "/api/v3/secrets/raw" || req.path.startsWith("/api/v3/secrets/raw/")) {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      if (!token || !this.validTokens.has(token)) {
        return send(res, 401, { statusCode: 401, message: "Token missing or expired", error: "UnauthorizedError" });
      }
      return this.secrets(req, body, res);
    }
    send(res, 404, { statusCode: 404, message: `Route ${req.method}:${req.path} not found`, error: "Not Found" });
  }

  private login(res: http.ServerResponse, body: Record<string, any> | undefined): void {
    const expected = this.identities.get(String(body?.clientId));
    if (!expected || expected !== body?.clientSecret) {
      return send(res, 401, { statusCode: 401, message: "Invalid credentials", error: "UnauthorizedError" });
    }
    const accessToken = `eyJ${randomBytes(24).toString("base64url")}`;
    this.issuedTokens.push(accessToken);
    this.validTokens.add(accessToken);
    send(res, 200, { accessToken, expiresIn: this.expiresIn, accessTokenMaxTTL: 2592000, tokenType: "Bearer" });
  }

  private secrets(req: RecordedRequest, body: Record<string, any> | undefined, res: http.ServerResponse): void {
    const method = req.method;
    const name = req.path.startsWith("/api/v3/secrets/raw/")
      ? decodeURIComponent(req.path.slice("/api/v3/secrets/raw/".length))
      : undefined;
    const scope: Record<string, any> = method === "GET" ? req.query : (body ?? {});
    if (!scope.workspaceId || !scope.environment) {
      return send(res, 400, { statusCode: 400, message: "workspaceId and environment are required", error: "BadRequest" });
    }
    const folder = this.folder(scope.workspaceId, scope.environment, scope.secretPath ?? "/");
    const view = (s: StoredSecret) => ({
      _id: `id-${s.secretKey}`,
      workspace: scope.workspaceId,
      environment: scope.environment,
      version: s.version,
      type: "shared",
      secretKey: s.secretKey,
      secretValue: s.secretValue,
      secretComment: "",
    });
    const notFound = () =>
      send(res, 404, { statusCode: 404, message: `Secret with name '${name}' not found`, error: "NotFound" });

    if (name === undefined) {
      if (method !== "GET") return send(res, 405, { statusCode: 405, message: "Method not allowed", error: "MethodNotAllowed" });
      return send(res, 200, { secrets: [...folder.values()].map(view), imports: [] });
    }
    const existing = folder.get(name);
    switch (method) {
      case "GET":
        return existing ? send(res, 200, { secret: view(existing) }) : notFound();
      case "POST":
        if (existing) return send(res, 400, { statusCode: 400, message: "Secret already exist", error: "BadRequest" });
        folder.set(name, { secretKey: name, secretValue: String(body?.secretValue), version: 1 });
        return send(res, 200, { secret: view(folder.get(name)!) });
      case "PATCH":
        if (!existing) return notFound();
        existing.secretValue = String(body?.secretValue);
        existing.version++;
        return send(res, 200, { secret: view(existing) });
      case "DELETE":
        if (!existing) return notFound();
        folder.delete(name);
        return send(res, 200, { secret: view(existing) });
      default:
        return send(res, 405, { statusCode: 405, message: "Method not allowed", error: "MethodNotAllowed" });
    }
  }
}
