/**
 * Completes what callers describe (`RunEventInput`, `DatasetEventInput`) into
 * OpenLineage 2-0-2 events: run id, event time, producer and schema URLs,
 * the `schema` dataset facet from column lists, and `_producer` on facets
 * that lack one. Validation is separate (`validate.ts`), so an input that
 * cannot be completed into a valid event is reported, not patched.
 */
import type {
  DatasetEventInput,
  LineageDatasetInput,
  OpenLineageDataset,
  OpenLineageDatasetEvent,
  OpenLineageFacets,
  OpenLineageRunEvent,
  RunEventInput,
} from "@floe/runtime";
import { uuidv7 } from "./uuid-v7.js";

export const OPENLINEAGE_SPEC = "https://openlineage.io/spec/2-0-2/OpenLineage.json";
export const RUN_EVENT_SCHEMA_URL = `${OPENLINEAGE_SPEC}#/$defs/RunEvent`;
export const DATASET_EVENT_SCHEMA_URL = `${OPENLINEAGE_SPEC}#/$defs/DatasetEvent`;
export const SCHEMA_FACET_SCHEMA_URL = "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet";

export interface EventDefaults {
  producer: string;
  namespace: string;
  now?: () => Date;
}

function eventTime(value: Date | string | undefined, now: () => Date): string {
  if (value === undefined) return now().toISOString();
  // A Date that is not a valid time stays visibly invalid for the validator instead of throwing here.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  return value;
}

/** Adds `_producer` to each facet that has none; `_schemaURL` must come from the caller (it names the facet's schema). */
function withProducer(facets: Record<string, Record<string, unknown>> | undefined, producer: string): OpenLineageFacets | undefined {
  if (!facets) return undefined;
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, facet] of Object.entries(facets)) out[name] = { _producer: producer, ...facet };
  return out as OpenLineageFacets;
}

export function toDataset(input: LineageDatasetInput, producer: string): OpenLineageDataset {
  const facets: Record<string, Record<string, unknown>> = { ...(withProducer(input.facets, producer) ?? {}) };
  if (input.schema) {
    facets.schema = {
      _producer: producer,
      _schemaURL: SCHEMA_FACET_SCHEMA_URL,
      fields: input.schema.map((field) => ({ ...field })),
    };
  }
  const dataset: OpenLineageDataset = { namespace: input.namespace, name: input.name };
  if (Object.keys(facets).length > 0) dataset.facets = facets as OpenLineageFacets;
  return dataset;
}

export function buildRunEvent(input: RunEventInput, defaults: EventDefaults): OpenLineageRunEvent {
  const now = defaults.now ?? (() => new Date());
  const runFacets = withProducer(input.runFacets, defaults.producer);
  const jobFacets = withProducer(input.jobFacets, defaults.producer);
  return {
    eventType: input.eventType,
    eventTime: eventTime(input.eventTime, now),
    run: { runId: input.runId ?? uuidv7(now().getTime()), ...(runFacets ? { facets: runFacets } : {}) },
    job: { namespace: input.jobNamespace ?? defaults.namespace, name: input.jobName, ...(jobFacets ? { facets: jobFacets } : {}) },
    inputs: (input.inputs ?? []).map((d) => toDataset(d, defaults.producer)),
    outputs: (input.outputs ?? []).map((d) => toDataset(d, defaults.producer)),
    producer: defaults.producer,
    schemaURL: RUN_EVENT_SCHEMA_URL,
  };
}

export function buildDatasetEvent(input: DatasetEventInput, defaults: EventDefaults): OpenLineageDatasetEvent {
  const now = defaults.now ?? (() => new Date());
  return {
    eventTime: eventTime(input.eventTime, now),
    dataset: toDataset(input.dataset, defaults.producer),
    producer: defaults.producer,
    schemaURL: DATASET_EVENT_SCHEMA_URL,
  };
}
