/**
 * A loopback Marquez lineage endpoint: `POST /api/v1/lineage` validates what
 * arrives as Marquez and the OpenLineage spec require (its own checks, not the
 * plugin's) and answers `201 Created` with no body, `422 {"errors":[...]}`,
 * `400` for unparseable JSON, `401` without the expected bearer key, and
 * Dropwizard's `404` elsewhere. It records accepted events; tests can queue
 * scripted answers.
 */
import type http from "node:http";
import { ScriptedAnswers, sendJson, startLoopbackServer, type LoopbackServer, type RecordedRequest } from "@floe/runtime/testing";

export type { RecordedRequest };

export interface ScriptedResponse {
  status: number;
  body?: string;
  contentType?: string;
  delayMs?: number;
}

const EVENT_TYPES = ["START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Json = Record<string, any>;

function isUri(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function checkFacets(facets: unknown, path: string, errors: string[]): void {
  if (facets === undefined) return;
  if (!facets || typeof facets !== "object") return void errors.push(`${path} must be an object`);
  for (const [name, facet] of Object.entries(facets as Json)) {
    if (!isUri(facet?._producer)) errors.push(`${path}.${name}._producer must be a URI`);
    if (!isUri(facet?._schemaURL)) errors.push(`${path}.${name}._schemaURL must be a URI`);
  }
}

function checkDataset(dataset: Json | undefined, path: string, errors: string[]): void {
  if (!dataset || typeof dataset.namespace !== "string" || !dataset.namespace) errors.push(`${path}.namespace must not be blank`);
  if (!dataset || typeof dataset.name !== "string" || !dataset.name) errors.push(`${path}.name must not be blank`);
  checkFacets(dataset?.facets, `${path}.facets`, errors);
}

/** What Marquez and the OpenLineage JSON schema refuse, for run events and dataset events. */
export function validateLineageEvent(event: Json): string[] {
  const errors: string[] = [];
  if (typeof event.eventTime !== "string" || !DATE_TIME.test(event.eventTime) || Number.isNaN(Date.parse(event.eventTime))) {
    errors.push("eventTime must be an ISO 8601 date-time");
  }
  if (!isUri(event.producer)) errors.push("producer must be a URI");
  if (!isUri(event.schemaURL)) errors.push("schemaURL must be a URI");
  if (event.dataset !== undefined) {
    if (!String(event.schemaURL).endsWith("#/$defs/DatasetEvent")) errors.push("schemaURL must name DatasetEvent");
    checkDataset(event.dataset, "dataset", errors);
    return errors;
  }
  if (!String(event.schemaURL).endsWith("#/$defs/RunEvent")) errors.push("schemaURL must name RunEvent");
  if (!EVENT_TYPES.includes(event.eventType)) errors.push("eventType must be one of " + EVENT_TYPES.join(", "));
  if (!UUID.test(String(event.run?.runId))) errors.push("run.runId must be a UUID");
  checkFacets(event.run?.facets, "run.facets", errors);
  if (!event.job?.namespace) errors.push("job.namespace must not be blank");
  if (!event.job?.name) errors.push("job.name must not be blank");
  checkFacets(event.job?.facets, "job.facets", errors);
  for (const key of ["inputs", "outputs"]) {
    const list = event[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) errors.push(`${key} must be a list`);
    else list.forEach((d: Json, i: number) => checkDataset(d, `${key}[${i}]`, errors));
  }
  return errors;
}

export class FakeMarquez {
  readonly requests: RecordedRequest[] = [];
  readonly events: Json[] = [];
  /** Bearer key required when set. */
  apiKey: string | undefined;
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
    const { status, body, contentType, delayMs } = response;
    this.scripted.push({ status, body, delayMs, headers: { "content-type": contentType ?? "application/json" } });
  }

  reset(): void {
    this.requests.length = 0;
    this.events.length = 0;
    this.scripted.clear();
    this.apiKey = undefined;
  }

  /** Events of one run, in arrival order. */
  run(runId: string): Json[] {
    return this.events.filter((e) => e.run?.runId === runId);
  }

  async close(): Promise<void> {
    this.scripted.cancel();
    await this.loopback?.close();
  }

  private handle({ method, path, headers, body }: RecordedRequest, res: http.ServerResponse): void {
    if (method !== "POST" || path !== "/api/v1/lineage") return sendJson(res, 404, { code: 404, message: "HTTP 404 Not Found" });
    if (this.apiKey !== undefined && headers.authorization !== `Bearer ${this.apiKey}`) {
      return sendJson(res, 401, { code: 401, message: "Credentials are required to access this resource." });
    }
    if (!/^application\/json/.test(headers["content-type"] ?? "")) {
      return sendJson(res, 415, { code: 415, message: "HTTP 415 Unsupported Media Type" });
    }
    let event: Json;
    try {
      event = JSON.parse(body) as Json;
    } catch {
      return sendJson(res, 400, { code: 400, message: "Unable to process JSON" });
    }
    const errors = validateLineageEvent(event);
    if (errors.length > 0) return sendJson(res, 422, { errors });
    this.events.push(event);
    res.writeHead(201);
    res.end();
  }
}
