/**
 * Plugin configuration and pipeline specs, validated with zod. Failures name
 * the paths and expectations, never the value of a token or API key.
 */
import { z } from "zod";
import { floeContextSchema, parseConfig } from "@floe/runtime/plugin-kit";

export const dltConfigSchema = z
  .object({
    /** DuckDB database file, or `:memory:`. */
    databasePath: z.string().min(1).default(":memory:"),
    /** Per-request timeout against the source. */
    timeoutMs: z.number().int().positive().default(30_000),
    /** Retries of a request that timed out or got 429/5xx. */
    retries: z.number().int().nonnegative().default(3),
    /** Base delay between retries (doubled each time). */
    retryDelayMs: z.number().int().nonnegative().default(1_000),
    /** Upper bound on pages per run, against paginators that never stop. */
    maxPages: z.number().int().positive().default(1_000),
    floe: floeContextSchema.optional(),
  })
  .strict();

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected an identifier ([A-Za-z_][A-Za-z0-9_]*)");

const paginatorSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }).strict(),
  z
    .object({
      type: z.literal("cursor"),
      /** Dot path of the next cursor in the body, e.g. `meta.next_cursor`. */
      cursorPath: z.string().min(1),
      /** Query parameter the cursor is sent in. */
      cursorParam: z.string().min(1).default("cursor"),
    })
    .strict(),
  z
    .object({
      type: z.literal("offset"),
      limit: z.number().int().positive(),
      offsetParam: z.string().min(1).default("offset"),
      limitParam: z.string().min(1).default("limit"),
      /** Dot path of the total row count, when the API reports it. */
      totalPath: z.string().min(1).optional(),
    })
    .strict(),
  z.object({ type: z.literal("link_header") }).strict(),
]);

const authSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("bearer"), token: z.string().min(1) }).strict(),
  z
    .object({
      type: z.literal("api_key"),
      name: z.string().min(1),
      value: z.string().min(1),
      location: z.enum(["header", "query"]).default("header"),
    })
    .strict(),
]);

export const pipelineSpecSchema = z
  .object({
    /** Pipeline name: the key of its incremental state. */
    name: identifier,
    source: z
      .object({
        /** Resource name, used in spans and the state table. */
        name: identifier,
        baseUrl: z.url(),
        path: z.string().startsWith("/"),
        params: z.record(z.string(), z.string()).default({}),
        headers: z.record(z.string(), z.string()).default({}),
        auth: authSchema.optional(),
        /** Dot path of the rows in each page (`data`, `results.items`); default: the body if it is an array, else `data`, `items` or `results`. */
        dataSelector: z.string().min(1).optional(),
        paginator: paginatorSchema.default({ type: "none" }),
        incremental: z
          .object({
            /** Row field whose maximum is remembered between runs (`updated_at`). */
            cursorField: z.string().min(1),
            /** Query parameter the last value is sent in, so the API filters too. */
            param: z.string().min(1).optional(),
            initialValue: z.union([z.string(), z.number()]).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    destination: z
      .object({
        /** DuckDB schema (dataset); defaults to the pipeline name. */
        schema: identifier.optional(),
        table: identifier,
      })
      .strict(),
    writeDisposition: z.enum(["append", "merge", "replace"]).default("append"),
    primaryKey: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  })
  .strict()
  .refine((spec) => spec.writeDisposition !== "merge" || spec.primaryKey !== undefined, {
    message: "merge needs a primaryKey",
    path: ["primaryKey"],
  });

export type DltConfigInput = z.input<typeof dltConfigSchema>;
export type DltConfig = z.output<typeof dltConfigSchema>;
export type PipelineSpecInput = z.input<typeof pipelineSpecSchema>;
export type PipelineSpec = z.output<typeof pipelineSpecSchema>;
export type PaginatorSpec = PipelineSpec["source"]["paginator"];

/** Validate or throw ConfigError (paths and expectations, never received values such as a token). */
export const parseDltConfig = (input: unknown): DltConfig => parseConfig("ingestion", dltConfigSchema, input ?? {});
export const parsePipelineSpec = (input: unknown): PipelineSpec =>
  parseConfig("pipeline spec", pipelineSpecSchema, input, { code: "PIPELINE_SPEC_INVALID" });
