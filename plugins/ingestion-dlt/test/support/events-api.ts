/**
 * A paginated REST API on loopback serving an `events` collection three
 * ways: cursor pagination (`/cursor/events`, `meta.next_cursor`), offset
 * pagination (`/offset/events`, `items` + `total`) and Link-header
 * pagination (`/link/events?page=`, a bare array). `updated_since` filters
 * incrementally; a bearer token is required; faults can be injected. The
 * kit's loopback server records what arrived.
 */
import { jsonAnswer, ScriptedAnswers, sendJson, startLoopbackServer, type RecordedRequest } from "@floe/runtime/testing";

export interface Event {
  id: number;
  kind: string;
  updatedAt: string;
  amount: number;
  active: boolean;
  user: { id: number; displayName: string };
  tags: string[];
}

export interface Fault {
  status: number;
  body?: string;
  delayMs?: number;
}

export interface EventsApi {
  url: string;
  events: Event[];
  requests: RecordedRequest[];
  addFault(fault: Fault): void;
  close(): Promise<void>;
}

export function makeEvents(count: number, start = 1): Event[] {
  return Array.from({ length: count }, (_, i) => {
    const id = start + i;
    return {
      id,
      kind: id % 2 === 0 ? "purchase" : "visit",
      updatedAt: `2025-01-${String(id).padStart(2, "0")}T10:00:00Z`,
      amount: id % 3 === 0 ? id + 0.5 : id,
      active: id % 2 === 1,
      user: { id: 100 + id, displayName: `user ${id}` },
      tags: id % 2 === 0 ? ["a", "b"] : [],
    };
  });
}

export async function startEventsApi(token: string, pageSize = 3): Promise<EventsApi> {
  const events: Event[] = [];
  const faults = new ScriptedAnswers();

  const server = await startLoopbackServer((request, res, req) => {
    if (faults.serveNext(res, req)) return;
    if (request.headers.authorization !== `Bearer ${token}`) {
      sendJson(res, 401, { error: "unauthorized" });
      return;
    }
    const url = new URL(req.url ?? "/", server.url);
    const since = url.searchParams.get("updated_since");
    const visible = events
      .filter((e) => !since || Date.parse(e.updatedAt) > Date.parse(since))
      .sort((a, b) => a.id - b.id);
    const json = (body: unknown, headers: Record<string, string> = {}) => sendJson(res, 200, body, headers);

    if (url.pathname === "/cursor/events") {
      const after = Number(url.searchParams.get("cursor") ?? "0");
      const page = visible.filter((e) => e.id > after).slice(0, pageSize);
      const last = page.at(-1);
      const more = last !== undefined && visible.some((e) => e.id > last.id);
      json({ data: page, meta: { next_cursor: more ? String(last.id) : null } });
      return;
    }
    if (url.pathname === "/offset/events") {
      const offset = Number(url.searchParams.get("offset") ?? "0");
      const limit = Number(url.searchParams.get("limit") ?? String(pageSize));
      json({ items: visible.slice(offset, offset + limit), total: visible.length });
      return;
    }
    if (url.pathname === "/link/events") {
      const page = Number(url.searchParams.get("page") ?? "1");
      const slice = visible.slice((page - 1) * pageSize, page * pageSize);
      const headers: Record<string, string> = {};
      if (page * pageSize < visible.length) {
        const next = new URL(url.toString());
        next.searchParams.set("page", String(page + 1));
        headers.link = `<${next.pathname}${next.search}>; rel="next", </link/events?page=1>; rel="first"`;
      }
      json(slice, headers);
      return;
    }
    sendJson(res, 404, { error: "not found" });
  });
  return {
    url: server.url,
    events,
    requests: server.requests,
    addFault: ({ status, body = "", delayMs }) => faults.push(jsonAnswer(status, body, { delayMs })),
    close: () => {
      faults.cancel();
      return server.close();
    },
  };
}
