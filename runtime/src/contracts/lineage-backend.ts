/**
 * Contract for LINEAGE_BACKEND plugins: emit OpenLineage run and dataset events.
 *
 * Callers describe what happened (`RunEventInput`, `DatasetEventInput`); the
 * plugin completes it into a spec-valid OpenLineage event (run id, event time,
 * producer, schema URLs, facet `_producer`/`_schemaURL`), validates it, sends
 * it, and returns the event exactly as sent.
 */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

/** OpenLineage `RunEvent.eventType`. */
export type RunEventType = "START" | "RUNNING" | "COMPLETE" | "FAIL" | "ABORT" | "OTHER";

export const RUN_EVENT_TYPES: readonly RunEventType[] = ["START", "RUNNING", "COMPLETE", "FAIL", "ABORT", "OTHER"];

/** Every OpenLineage facet names who produced it and the schema it follows. */
export interface OpenLineageFacet {
  _producer: string;
  _schemaURL: string;
  [field: string]: unknown;
}

export type OpenLineageFacets = Record<string, OpenLineageFacet>;

export interface OpenLineageDataset {
  namespace: string;
  name: string;
  facets?: OpenLineageFacets;
}

export interface OpenLineageJob {
  namespace: string;
  name: string;
  facets?: OpenLineageFacets;
}

export interface OpenLineageRun {
  /** A UUID. */
  runId: string;
  facets?: OpenLineageFacets;
}

export interface OpenLineageRunEvent {
  eventType: RunEventType;
  /** ISO 8601 date-time. */
  eventTime: string;
  run: OpenLineageRun;
  job: OpenLineageJob;
  inputs: OpenLineageDataset[];
  outputs: OpenLineageDataset[];
  producer: string;
  schemaURL: string;
}

export interface OpenLineageDatasetEvent {
  eventTime: string;
  dataset: OpenLineageDataset;
  producer: string;
  schemaURL: string;
}

/** One column of a dataset, becomes the `schema` dataset facet. */
export interface LineageSchemaField {
  name: string;
  type?: string;
  description?: string;
}

/** A dataset as callers describe it; the plugin turns `schema` into the `schema` facet. */
export interface LineageDatasetInput {
  namespace: string;
  name: string;
  schema?: LineageSchemaField[];
  /** Extra facets; `_producer`/`_schemaURL` are filled in when missing `_producer`. */
  facets?: Record<string, Record<string, unknown>>;
}

export interface RunEventInput {
  eventType: RunEventType;
  /** Job namespace; the plugin's configured default when absent. */
  jobNamespace?: string;
  jobName: string;
  /** A UUID shared by every event of one run; generated when absent (then returned in the sent event). */
  runId?: string;
  eventTime?: Date | string;
  inputs?: LineageDatasetInput[];
  outputs?: LineageDatasetInput[];
  runFacets?: Record<string, Record<string, unknown>>;
  jobFacets?: Record<string, Record<string, unknown>>;
}

export interface DatasetEventInput {
  dataset: LineageDatasetInput;
  eventTime?: Date | string;
}

export abstract class LineageBackendPlugin extends PluginMetadata {
  override get pluginType(): typeof PluginType.LINEAGE_BACKEND {
    return PluginType.LINEAGE_BACKEND;
  }
  /** Sends a run event (START, RUNNING, COMPLETE, FAIL, ABORT); returns it as sent. */
  abstract emitRunEvent(event: RunEventInput): Promise<OpenLineageRunEvent>;
  /** Sends a dataset event (a dataset's metadata outside any run); returns it as sent. */
  abstract emitDatasetEvent(event: DatasetEventInput): Promise<OpenLineageDatasetEvent>;
}
