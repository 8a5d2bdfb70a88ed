/**
 * Configuration of the console telemetry backend, validated with zod in the
 * constructor: where spans are written, in which format, and the resource
 * attributes that identify the service.
 */
import type { Writable } from "node:stream";
import { z } from "zod";
import { parseConfig } from "@floe/runtime/plugin-kit";

const isWritable = (value: unknown): value is Writable =>
  typeof value === "object" && value !== null && typeof (value as Writable).write === "function";

export const consoleTelemetryConfigSchema = z
  .object({
    serviceName: z.string().min(1).default("floe"),
    serviceVersion: z.string().min(1).optional(),
    /** `deployment.environment.name`, e.g. `dev`, `prod`. */
    environment: z.string().min(1).optional(),
    /** Extra resource attributes. */
    resourceAttributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
    /** Where spans go; defaults to stdout. */
    stream: z.custom<Writable>(isWritable, "expected a writable stream").optional(),
    /** `json`: one JSON object per line (machine-readable); `pretty`: indented JSON per span. */
    format: z.enum(["json", "pretty"]).default("json"),
    /** `simple` writes each span when it ends; `batch` buffers them. */
    processor: z.enum(["simple", "batch"]).default("simple"),
  })
  .strict();

export type ConsoleTelemetryConfigInput = z.input<typeof consoleTelemetryConfigSchema>;
export type ConsoleTelemetryConfig = z.output<typeof consoleTelemetryConfigSchema>;

/** Validates the configuration or throws ConfigError (paths and expectations, never received values). */
export function parseConsoleTelemetryConfig(input: unknown): ConsoleTelemetryConfig {
  return parseConfig("console telemetry", consoleTelemetryConfigSchema, input ?? {});
}
