/**
 * Configuration of the Jaeger telemetry backend, validated with zod in the
 * constructor: Jaeger's OTLP/HTTP endpoint, export headers, batching, and the
 * resource attributes that identify the service.
 */
import { z } from "zod";
import { parseConfig } from "@floe/runtime/plugin-kit";

export const jaegerTelemetryConfigSchema = z
  .object({
    /** Jaeger's OTLP/HTTP receiver (port 4318); spans are POSTed to `<endpoint>/v1/traces`. */
    endpoint: z.url({ protocol: /^https?$/, error: "expected an http(s) URL" }).default("http://localhost:4318"),
    /** Extra export headers (e.g. a gateway's auth header); values are never logged. */
    headers: z.record(z.string(), z.string()).default({}),
    serviceName: z.string().min(1).default("floe"),
    serviceVersion: z.string().min(1).optional(),
    /** `deployment.environment.name`, e.g. `dev`, `prod`. */
    environment: z.string().min(1).optional(),
    resourceAttributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
    /** Timeout of one export request. */
    timeoutMs: z.number().int().positive().default(10_000),
    batch: z
      .object({
        maxQueueSize: z.number().int().positive().default(2048),
        maxExportBatchSize: z.number().int().positive().default(512),
        scheduledDelayMillis: z.number().int().nonnegative().default(5_000),
        exportTimeoutMillis: z.number().int().positive().default(30_000),
      })
      .strict()
      .refine((b) => b.maxExportBatchSize <= b.maxQueueSize, {
        message: "maxExportBatchSize must not exceed maxQueueSize",
        path: ["maxExportBatchSize"],
      })
      .default({ maxQueueSize: 2048, maxExportBatchSize: 512, scheduledDelayMillis: 5_000, exportTimeoutMillis: 30_000 }),
  })
  .strict();

export type JaegerTelemetryConfigInput = z.input<typeof jaegerTelemetryConfigSchema>;
export type JaegerTelemetryConfig = z.output<typeof jaegerTelemetryConfigSchema>;

/** Validates the configuration or throws ConfigError (paths and expectations, never received values). */
export function parseJaegerTelemetryConfig(input: unknown): JaegerTelemetryConfig {
  return parseConfig("jaeger telemetry", jaegerTelemetryConfigSchema, input ?? {});
}
