/**
 * An Iceberg REST catalog stand-in on loopback with in-memory state: the
 * OAuth2 client-credentials endpoint, `/v1/config`, namespaces and tables
 * under `/v1/{prefix}`, the REST error model, pagination, and one-shot fault
 * injection. The kit's loopback server records every request (path still
 * percent-encoded) so tests assert what really arrived.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomBytes, randomUUID } from "node:crypto";
import { jsonAnswer, ScriptedAnswers, sendBody, startLoopbackServer, type RecordedRequest } from "@floe/runtime/testing";

export interface Fault {
  status: number;
  /** Raw text or a JSON value sent as the body. */
  body?: unknown;
  /** Delay before answering (for timeouts). */
  delayMs?: number;
  /** Only apply to requests whose raw path contains this. */
  pathIncludes?: string;
}

export interface ServerOptions {
  warehouse: string;
  prefix: string;
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds?: number;
  pageSize?: number;
}

interface StoredTable {
  metadata: Record<string, unknown>;
  metadataLocation: string;
}

const SEP = "\u001f";

export interface IcebergRestServer {
  url: string;
  requests: RecordedRequest[];
  /** Catalog requests only (no token requests). */
  catalogRequests(): RecordedRequest[];
  tokenRequests(): RecordedRequest[];
  issuedTokens: string[];
  namespaces: Map<string, Record<string, string>>;
  tables: Map<string, StoredTable>;
  addFault(fault: Fault): void;
  revokeTokens(): void;
  close(): Promise<void>;
}

function iceError(res: ServerResponse, code: number, type: string, message: string): void {
  sendBody(res, code, { error: { message, type, code } });
}

function paginate<T>(items: T[], query: Record<string, string>, pageSize: number): { page: T[]; next: string | undefined } {
  const start = Number(query.pageToken ?? "0");
  const page = items.slice(start, start + pageSize);
  const next = start + pageSize < items.length ? String(start + pageSize) : undefined;
  return { page, next };
}

export async function startIcebergRestServer(options: ServerOptions): Promise<IcebergRestServer> {
  /** Scripted answers by the raw-path fragment they apply to ("" = any request), served before the catalog logic. */
  const faults = new Map<string, ScriptedAnswers>();
  const serveFault = (rawPath: string, res: ServerResponse, req: IncomingMessage): boolean => {
    for (const [fragment, answers] of faults) if (rawPath.includes(fragment) && answers.serveNext(res, req)) return true;
    return false;
  };
  const validTokens = new Set<string>();
  const issuedTokens: string[] = [];
  const namespaces = new Map<string, Record<string, string>>();
  const tables = new Map<string, StoredTable>();
  const pageSize = options.pageSize ?? 100;

  const tableKey = (ns: string, name: string) => `${ns}${SEP}${SEP}${name}`;

  async function handle(request: RecordedRequest, res: ServerResponse, req: IncomingMessage): Promise<void> {
    const { method, path: rawPath, query, body } = request;

    if (serveFault(rawPath, res, req)) return;

    if (method === "POST" && rawPath === "/v1/oauth/tokens") {
      if (!String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded")) {
        sendBody(res, 400, { error: "invalid_request", error_description: "form body required" });
        return;
      }
      const form = new URLSearchParams(body);
      if (form.get("grant_type") !== "client_credentials") {
        sendBody(res, 400, { error: "unsupported_grant_type", error_description: "only client_credentials" });
        return;
      }
      if (form.get("client_id") !== options.clientId || form.get("client_secret") !== options.clientSecret) {
        sendBody(res, 401, { error: "invalid_client", error_description: "The client could not be authenticated" });
        return;
      }
      const token = randomBytes(24).toString("base64url");
      validTokens.add(token);
      issuedTokens.push(token);
      sendBody(res, 200, {
        access_token: token,
        token_type: "bearer",
        expires_in: options.tokenTtlSeconds ?? 3600,
        issued_token_type: "urn:ietf:params:oauth:token-type:access_token",
      });
      return;
    }

    const auth = req.headers.authorization ?? "";
    const token = auth.startsWith("Bearer ") ? auth.slice(7) : "";
    if (!validTokens.has(token)) {
      iceError(res, 401, "NotAuthorizedException", "Not authorized: token missing, expired or revoked");
      return;
    }

    if (method === "GET" && rawPath === "/v1/config") {
      if (query.warehouse !== options.warehouse) {
        iceError(res, 404, "NotFoundException", `Unable to find warehouse ${query.warehouse}`);
        return;
      }
      sendBody(res, 200, { defaults: { "default-base-location": "s3://lake/" }, overrides: { prefix: options.prefix } });
      return;
    }

    const base = `/v1/${encodeURIComponent(options.prefix)}/namespaces`;
    if (!rawPath.startsWith(base)) {
      iceError(res, 404, "NotFoundException", `No route for ${method} ${rawPath}`);
      return;
    }
    const rest = rawPath.slice(base.length).split("/").filter(Boolean);

    if (rest.length === 0) {
      if (method === "GET") {
        const parent = query.parent;
        const depth = parent ? parent.split(SEP).length + 1 : 1;
        const all = [...namespaces.keys()]
          .filter((ns) => ns.split(SEP).length === depth && (!parent || ns.startsWith(parent + SEP)))
          .sort()
          .map((ns) => ns.split(SEP));
        if (parent && !namespaces.has(parent)) {
          iceError(res, 404, "NoSuchNamespaceException", `Namespace does not exist: ${parent.split(SEP).join(".")}`);
          return;
        }
        const { page, next } = paginate(all, query, pageSize);
        sendBody(res, 200, next ? { namespaces: page, "next-page-token": next } : { namespaces: page });
        return;
      }
      if (method === "POST") {
        const parsed = JSON.parse(body) as { namespace: string[]; properties?: Record<string, string> };
        const key = parsed.namespace.join(SEP);
        if (namespaces.has(key)) {
          iceError(res, 409, "AlreadyExistsException", `Namespace already exists: ${parsed.namespace.join(".")}`);
          return;
        }
        if (parsed.namespace.length > 1 && !namespaces.has(parsed.namespace.slice(0, -1).join(SEP))) {
          iceError(res, 404, "NoSuchNamespaceException", `Parent namespace does not exist: ${parsed.namespace.slice(0, -1).join(".")}`);
          return;
        }
        namespaces.set(key, parsed.properties ?? {});
        sendBody(res, 200, { namespace: parsed.namespace, properties: parsed.properties ?? {} });
        return;
      }
    }

    const ns = decodeURIComponent(rest[0]!);
    if (!namespaces.has(ns)) {
      iceError(res, 404, "NoSuchNamespaceException", `Namespace does not exist: ${ns.split(SEP).join(".")}`);
      return;
    }

    if (rest.length === 1 && method === "DELETE") {
      const hasChildren = [...namespaces.keys()].some((other) => other.startsWith(ns + SEP));
      const hasTables = [...tables.keys()].some((key) => key.startsWith(ns + SEP + SEP));
      if (hasChildren || hasTables) {
        iceError(res, 409, "NamespaceNotEmptyException", `Namespace ${ns.split(SEP).join(".")} is not empty`);
        return;
      }
      namespaces.delete(ns);
      sendBody(res, 204, undefined);
      return;
    }

    if (rest[1] === "tables" && rest.length === 2) {
      if (method === "GET") {
        const all = [...tables.keys()]
          .filter((key) => key.startsWith(ns + SEP + SEP))
          .sort()
          .map((key) => ({ namespace: ns.split(SEP), name: key.slice(ns.length + 2) }));
        const { page, next } = paginate(all, query, pageSize);
        sendBody(res, 200, next ? { identifiers: page, "next-page-token": next } : { identifiers: page });
        return;
      }
      if (method === "POST") {
        const parsed = JSON.parse(body) as {
          name: string;
          schema: { "schema-id"?: number; fields: unknown[] };
          location?: string;
          properties?: Record<string, string>;
        };
        const key = tableKey(ns, parsed.name);
        if (tables.has(key)) {
          iceError(res, 409, "AlreadyExistsException", `Table already exists: ${ns.split(SEP).join(".")}.${parsed.name}`);
          return;
        }
        if (!parsed.schema || !Array.isArray(parsed.schema.fields)) {
          iceError(res, 400, "BadRequestException", "Invalid schema: fields required");
          return;
        }
        const location = parsed.location ?? `s3://lake/${ns.split(SEP).join("/")}/${parsed.name}`;
        const metadata = {
          "format-version": 2,
          "table-uuid": randomUUID(),
          location,
          "last-updated-ms": 1_700_000_000_000,
          "last-column-id": parsed.schema.fields.length,
          "current-schema-id": 0,
          schemas: [{ ...parsed.schema, "schema-id": 0 }],
          "default-spec-id": 0,
          "partition-specs": [{ "spec-id": 0, fields: [] }],
          "default-sort-order-id": 0,
          "sort-orders": [{ "order-id": 0, fields: [] }],
          properties: parsed.properties ?? {},
          "current-snapshot-id": -1,
          snapshots: [],
        };
        const stored = { metadata, metadataLocation: `${location}/metadata/00000-${randomUUID()}.metadata.json` };
        tables.set(key, stored);
        sendBody(res, 200, { "metadata-location": stored.metadataLocation, metadata, config: {} });
        return;
      }
    }

    if (rest[1] === "tables" && rest.length === 3) {
      const name = decodeURIComponent(rest[2]!);
      const stored = tables.get(tableKey(ns, name));
      if (!stored) {
        iceError(res, 404, "NoSuchTableException", `Table does not exist: ${ns.split(SEP).join(".")}.${name}`);
        return;
      }
      if (method === "GET") {
        sendBody(res, 200, { "metadata-location": stored.metadataLocation, metadata: stored.metadata, config: {} });
        return;
      }
      if (method === "DELETE") {
        tables.delete(tableKey(ns, name));
        sendBody(res, 204, undefined);
        return;
      }
    }
    iceError(res, 405, "BadRequestException", `Unsupported ${method} ${rawPath}`);
  }

  const server = await startLoopbackServer((request, res, req) =>
    handle(request, res, req).catch((error: unknown) => {
      if (!res.headersSent) iceError(res, 500, "ServerErrorException", String(error));
    }),
  );
  const requests = server.requests;

  return {
    url: server.url,
    requests,
    catalogRequests: () => requests.filter((r) => r.path !== "/v1/oauth/tokens"),
    tokenRequests: () => requests.filter((r) => r.path === "/v1/oauth/tokens"),
    issuedTokens,
    namespaces,
    tables,
    addFault: ({ pathIncludes = "", status, body = "", delayMs }) => {
      if (!faults.has(pathIncludes)) faults.set(pathIncludes, new ScriptedAnswers());
      faults.get(pathIncludes)!.push(jsonAnswer(status, body, { delayMs }));
    },
    revokeTokens: () => validTokens.clear(),
    close: () => {
      for (const answers of faults.values()) answers.cancel();
      return server.close();
    },
  };
}
