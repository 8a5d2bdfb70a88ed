/**
 * Checks an event against the OpenLineage 2-0-2 spec before it is sent:
 * required fields, the `eventType` enum, `runId` a UUID, `eventTime` an ISO
 * 8601 date-time with offset, `producer`/`schemaURL` URIs, datasets with
 * namespace and name, and every facet carrying `_producer` and `_schemaURL`.
 * Returns one line per problem (`path: what was expected`), values never echoed.
 */
import { RUN_EVENT_TYPES } from "@floe/runtime";
import { z } from "zod";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** RFC 3986 scheme followed by something: `https://...`, `urn:...`. */
const URI = /^[a-z][a-z0-9+.-]*:\S+$/i;

const uri = (what: string) => z.string({ error: `expected ${what} (a URI)` }).regex(URI, { error: `expected ${what} (a URI)` });
const nonEmpty = (what: string) => z.string({ error: `expected ${what}` }).min(1, { error: `expected ${what}` });

const facet = z.looseObject({
  _producer: uri("the facet's _producer"),
  _schemaURL: uri("the facet's _schemaURL"),
});
const facets = z.record(z.string(), facet).optional();

const schemaFacet = z.looseObject({
  fields: z.array(z.looseObject({ name: nonEmpty("a field name"), type: z.string().optional() }), {
    error: "expected a list of fields",
  }),
});

const dataset = z.looseObject({
  namespace: nonEmpty("a dataset namespace"),
  name: nonEmpty("a dataset name"),
  facets: facets.superRefine((value, ctx) => {
    if (value?.schema) {
      const parsed = schemaFacet.safeParse(value.schema);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: ["schema", ...issue.path], message: issue.message });
      }
    }
  }),
});

const eventTime = z.iso.datetime({ offset: true, error: "expected an ISO 8601 date-time with offset" });

export const runEventSchema = z.looseObject({
  eventType: z.enum(RUN_EVENT_TYPES as [string, ...string[]], { error: `expected one of ${RUN_EVENT_TYPES.join(", ")}` }),
  eventTime,
  run: z.looseObject({ runId: z.string().regex(UUID, { error: "expected a UUID" }), facets }),
  job: z.looseObject({ namespace: nonEmpty("a job namespace"), name: nonEmpty("a job name"), facets }),
  inputs: z.array(dataset).optional(),
  outputs: z.array(dataset).optional(),
  producer: uri("producer"),
  schemaURL: uri("schemaURL"),
});

export const datasetEventSchema = z.looseObject({
  eventTime,
  dataset,
  producer: uri("producer"),
  schemaURL: uri("schemaURL"),
});

function problems(schema: z.ZodType, event: unknown): string[] {
  const result = schema.safeParse(event);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join(".") || "(event)"}: ${issue.message}`);
}

export function runEventProblems(event: unknown): string[] {
  return problems(runEventSchema, event);
}

export function datasetEventProblems(event: unknown): string[] {
  return problems(datasetEventSchema, event);
}
