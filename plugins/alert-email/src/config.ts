/**
 * Configuration of the e-mail channel, validated in the plugin's constructor.
 * The SMTP password is a credential: validation messages name the field and
 * what was expected, never the value.
 */
import { floeContextSchema } from "@floe/runtime/plugin-kit";
import { z } from "zod";

const address = z.email({ error: "expected an e-mail address" });
const addresses = z.union([address, z.array(address).min(1, { error: "expected at least one address" })]).transform((v) => (Array.isArray(v) ? v : [v]));

export const emailConfigSchema = z
  .object({
    /** SMTP server host name or address. */
    host: z.string().min(1),
    /** 587 (submission, STARTTLS) by default; 465 means implicit TLS. */
    port: z.number().int().min(1).max(65_535).default(587),
    /** Implicit TLS from the first byte (port 465). Otherwise STARTTLS is used whenever the server offers it. */
    secure: z.boolean().optional(),
    /** Refuse to send unless the connection is upgraded with STARTTLS. */
    requireTLS: z.boolean().default(false),
    /** SMTP AUTH (PLAIN/LOGIN). */
    auth: z.object({ user: z.string().min(1), pass: z.string().min(1) }).strict().optional(),
    /** TLS trust: a CA bundle (PEM) for private servers; `rejectUnauthorized: false` only for tests. */
    tls: z
      .object({ ca: z.string().min(1).optional(), rejectUnauthorized: z.boolean().default(true), servername: z.string().optional() })
      .strict()
      .optional(),
    from: address,
    to: addresses,
    cc: addresses.optional(),
    bcc: addresses.optional(),
    /** Prefix of every subject. */
    subjectPrefix: z.string().default("[floe]"),
    /** Connection, greeting and socket-inactivity timeout. */
    timeoutMs: z.number().int().positive().max(300_000).default(30_000),
    /** floe deployment context added to every span. */
    floe: floeContextSchema.optional(),
  })
  .strict();

export type EmailConfigInput = z.input<typeof emailConfigSchema>;
export type EmailConfig = z.output<typeof emailConfigSchema>;
