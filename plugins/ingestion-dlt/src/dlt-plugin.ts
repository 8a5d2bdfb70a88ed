/**
 * `DltIngestionPlugin`: runs dlt-style pipelines, a paginated REST source
 * into DuckDB, with incremental state kept between runs, schema inferred
 * from the rows, and append, merge or replace. `runPipeline` runs inside
 * the `ingestion.runPipeline` span.
 */
import { randomUUID } from "node:crypto";
import { IngestionPlugin, type PipelineRunResult } from "@floe/runtime";
import { parseDltConfig, parsePipelineSpec, type DltConfig, type DltConfigInput, type PipelineSpec, type PipelineSpecInput } from "./config.js";
import { DuckDbDestination, type PipelineState } from "./duckdb-destination.js";
import { readPath } from "./json-path.js";
import { RestSource, redactUrl, type Row } from "./rest-source.js";
import { flattenRow, inferSchema, normalizeIdentifier, type ColumnSchema } from "./schema-inference.js";
import { ATTRIBUTES, ingestionSpan, tracing } from "./tracing.js";

export interface DltRunResult extends PipelineRunResult {
  loadId: string;
  pages: number;
  /** Incremental cursor after the run (undefined without `incremental`). */
  lastValue: string | number | undefined;
  columns: ColumnSchema[];
}

/** `a` after `b`? Numbers numerically, timestamps by instant, other strings lexically. */
export function cursorAfter(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a > b;
  const [ta, tb] = [Date.parse(String(a)), Date.parse(String(b))];
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && typeof a === "string" && typeof b === "string") return ta > tb;
  return String(a) > String(b);
}

export class DltIngestionPlugin extends tracing.Plugin(IngestionPlugin<PipelineSpecInput>) {
  readonly config: DltConfig;
  private destination: Promise<DuckDbDestination> | undefined;

  constructor(config: DltConfigInput = {}) {
    super();
    this.config = parseDltConfig(config);
  }

  /** The DuckDB destination (opened on first use). */
  database(): Promise<DuckDbDestination> {
    this.destination ??= DuckDbDestination.open(this.config.databasePath);
    return this.destination;
  }

  async runPipeline(input: PipelineSpecInput): Promise<DltRunResult> {
    return ingestionSpan("runPipeline", attributesOf(input), async (span) => {
      const spec = parsePipelineSpec(input);
      const schema = spec.destination.schema ?? spec.name;
      span.setAttribute("ingestion.write_disposition", spec.writeDisposition);
      const db = await this.database();
      const incremental = spec.source.incremental;
      const previous = incremental ? await db.readState(spec.name, spec.source.name) : undefined;
      const since = previous?.lastValue ?? incremental?.initialValue;

      const { rows, pages, lastValue } = await this.extract(spec, since);
      span.setAttribute("ingestion.pages", pages);
      const normalized = rows.map((row) => flattenRow(row));
      const columns = inferSchema(normalized);
      const primaryKey = (Array.isArray(spec.primaryKey) ? spec.primaryKey : spec.primaryKey ? [spec.primaryKey] : []).map(normalizeIdentifier);
      const state: PipelineState | undefined =
        incremental && lastValue !== undefined ? { cursorField: incremental.cursorField, lastValue } : undefined;
      const loadId = `${Date.now()}.${randomUUID().slice(0, 8)}`;
      const rowsLoaded =
        normalized.length === 0 && spec.writeDisposition !== "replace"
          ? 0
          : await db.load({
              pipeline: spec.name,
              resource: spec.source.name,
              schema,
              table: spec.destination.table,
              columns,
              rows: normalized,
              disposition: spec.writeDisposition,
              primaryKey,
              loadId,
              state,
            });
      span.setAttribute(ATTRIBUTES.ROWS_LOADED, rowsLoaded);
      return {
        pipeline: spec.name,
        rowsLoaded,
        tables: [`${schema}.${spec.destination.table}`],
        loadId,
        pages,
        lastValue: state?.lastValue ?? previous?.lastValue,
        columns,
      };
    }, { floe: this.config.floe });
  }

  /** Pulls every page; with `incremental`, keeps rows after the last value and tracks the new maximum. */
  private async extract(spec: PipelineSpec, since: string | number | undefined) {
    const source = new RestSource(spec.source, this.config);
    const field = spec.source.incremental?.cursorField;
    const rows: Row[] = [];
    let pages = 0;
    let lastValue = since;
    for await (const page of source.pages(since)) {
      pages += 1;
      for (const row of page.rows) {
        if (field) {
          const value = readPath(row, field);
          if (since !== undefined && !cursorAfter(value, since)) continue;
          if (value !== undefined && value !== null && (lastValue === undefined || cursorAfter(value, lastValue))) {
            lastValue = value as string | number;
          }
        }
        rows.push(row);
      }
    }
    return { rows, pages, lastValue: field ? lastValue : undefined };
  }

  /** Closes the DuckDB database. */
  async close(): Promise<void> {
    const destination = this.destination;
    this.destination = undefined;
    if (destination) (await destination).close();
  }
}

/** Span attributes readable before validation (never a token or a query string). */
function attributesOf(input: PipelineSpecInput): Record<string, string> {
  const attributes: Record<string, string> = {};
  const spec = input as Partial<PipelineSpecInput> | undefined;
  if (typeof spec?.name === "string") attributes[ATTRIBUTES.PIPELINE] = spec.name;
  const source = spec?.source;
  if (source && typeof source.name === "string") attributes[ATTRIBUTES.SOURCE] = source.name;
  if (source && typeof source.baseUrl === "string" && typeof source.path === "string") {
    try {
      attributes["ingestion.source_url"] = redactUrl(new URL(source.path.replace(/^\//, ""), source.baseUrl.replace(/\/?$/, "/")).toString());
    } catch {
      // an invalid URL is reported by validation
    }
  }
  const destination = spec?.destination;
  if (destination && typeof destination.table === "string") {
    attributes[ATTRIBUTES.DESTINATION] = `duckdb:${destination.schema ?? spec?.name ?? "main"}.${destination.table}`;
  }
  return attributes;
}
