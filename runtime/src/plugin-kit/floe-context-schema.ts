/**
 * The zod schema of the floe deployment context (`namespace`, `productName`,
 * `productVersion`) that every plugin accepts as its `floe` option, defined
 * once so all plugins validate it the same way: unknown keys and empty strings
 * are rejected, and the parsed value is a `FloeContext` for the span helpers.
 */
import { z } from "zod";
import type { FloeContext } from "../tracing/floe-context.js";

export const floeContextSchema = z
  .object({
    namespace: z.string().min(1).optional(),
    productName: z.string().min(1).optional(),
    productVersion: z.string().min(1).optional(),
  })
  .strict() satisfies z.ZodType<FloeContext>;
