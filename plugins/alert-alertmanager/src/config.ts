/**
 * Configuration of the Alertmanager channel, validated once in the plugin's
 * constructor so that a bad deployment fails at start-up with a message naming
 * the failing fields (never the value of a secret one).
 */
import { floeContextSchema, urlHasNoUserinfo } from "@floe/runtime/plugin-kit";
import { z } from "zod";

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const authSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("basic"), username: z.string().min(1), password: z.string().min(1) }).strict(),
  z.object({ type: z.literal("bearer"), token: z.string().min(1) }).strict(),
]);

export const alertmanagerConfigSchema = z
  .object({
    /** Base URL of Alertmanager, e.g. `http://alertmanager:9093` (a path prefix such as `/alertmanager` is kept). */
    url: z
      .url({ protocol: /^https?$/, error: "expected an http(s) URL" })
      .refine(urlHasNoUserinfo, { error: "must not embed credentials; use `auth`" }),
    /** Basic auth (Alertmanager web config) or a bearer token (an authenticating proxy). */
    auth: authSchema.optional(),
    /** Per-request timeout. */
    timeoutMs: z.number().int().positive().max(300_000).default(10_000),
    /** Labels added to every alert (an alert's own labels win). */
    defaultLabels: z
      .record(z.string().regex(LABEL_NAME, { error: "label names match [a-zA-Z_][a-zA-Z0-9_]*" }), z.string())
      .default({}),
    /** floe deployment context added to every span. */
    floe: floeContextSchema.optional(),
  })
  .strict();

export type AlertmanagerConfigInput = z.input<typeof alertmanagerConfigSchema>;
export type AlertmanagerConfig = z.output<typeof alertmanagerConfigSchema>;

export { LABEL_NAME };
