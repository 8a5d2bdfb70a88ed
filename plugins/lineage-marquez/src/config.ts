/**
 * Configuration of the Marquez lineage backend, validated in the plugin's
 * constructor. The API key is a credential: validation messages name the
 * field and what was expected, never the value.
 */
import { floeContextSchema, urlHasNoUserinfo } from "@floe/runtime/plugin-kit";
import { z } from "zod";

export const DEFAULT_PRODUCER = "urn:floe:plugin:lineage-marquez:0.1.0";

export const marquezConfigSchema = z
  .object({
    /** Base URL of Marquez (or any OpenLineage HTTP endpoint), e.g. `http://marquez:5000`. */
    url: z
      .url({ protocol: /^https?$/, error: "expected an http(s) URL" })
      .refine(urlHasNoUserinfo, { error: "must not embed credentials; use `apiKey`" }),
    /** Path of the lineage endpoint under `url`. */
    endpoint: z.string().startsWith("/").default("/api/v1/lineage"),
    /** Sent as `Authorization: Bearer <apiKey>` when set. */
    apiKey: z.string().min(1).optional(),
    /** Job namespace used when an event names none. */
    namespace: z.string().min(1).default("default"),
    /** URI identifying the code that produced the events (`producer`, facets' `_producer`). */
    producer: z.url({ error: "expected a URI" }).or(z.string().regex(/^urn:[a-z0-9][a-z0-9-]*:\S+$/i)).default(DEFAULT_PRODUCER),
    /** Per-request timeout. */
    timeoutMs: z.number().int().positive().max(300_000).default(10_000),
    /** floe deployment context added to every span. */
    floe: floeContextSchema.optional(),
  })
  .strict();

export type MarquezConfigInput = z.input<typeof marquezConfigSchema>;
export type MarquezConfig = z.output<typeof marquezConfigSchema>;
