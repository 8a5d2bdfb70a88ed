/**
 * Configuration of the Keycloak identity plugin, validated with zod in the
 * constructor: either an `issuer` URL or `serverUrl` + `realm` (Keycloak's
 * issuer is `{serverUrl}/realms/{realm}`). Failures become a ConfigError
 * naming paths and expectations, never received values.
 */
import { describeExpectation, floeContextSchema, parseConfig as parsePluginConfig } from "@floe/runtime/plugin-kit";
import { z } from "zod";

export const keycloakConfigSchema = z
  .object({
    /** Keycloak base URL, e.g. `https://sso.example.com`. */
    serverUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Realm name; with `serverUrl` gives the issuer. */
    realm: z.string().min(1).optional(),
    /** The issuer URL, overriding `serverUrl`/`realm`. */
    issuer: z.url({ protocol: /^https?$/ }).optional(),
    clientId: z.string().min(1),
    /** Confidential clients only. */
    clientSecret: z.string().min(1).optional(),
    /** How the client authenticates to the token endpoint. */
    clientAuthMethod: z.enum(["client_secret_basic", "client_secret_post"]).default("client_secret_basic"),
    /** Audience a validated token must carry. Default: `clientId`. */
    audience: z.string().min(1).optional(),
    /** Allowed clock skew for `exp`/`nbf`, in seconds. */
    clockToleranceSeconds: z.number().int().nonnegative().default(30),
    /** Per-request timeout in milliseconds (discovery, token, userinfo, JWKS). */
    timeoutMs: z.number().int().positive().default(10_000),
    floe: floeContextSchema.optional(),
  })
  .refine((c) => c.issuer !== undefined || (c.serverUrl !== undefined && c.realm !== undefined), {
    message: "expected issuer, or serverUrl and realm",
    path: ["issuer"],
  });

export type KeycloakConfigInput = z.input<typeof keycloakConfigSchema>;
export type KeycloakConfig = z.output<typeof keycloakConfigSchema> & {
  /** The resolved issuer. */
  issuer: string;
};

/** Parses the config (resolving the issuer) or throws a ConfigError listing `path: expectation` for each problem. */
export function parseConfig(input: unknown): KeycloakConfig {
  const data = parsePluginConfig("Keycloak plugin", keycloakConfigSchema, input, { describe: describeExpectation });
  const issuer = data.issuer ?? `${data.serverUrl!.replace(/\/+$/, "")}/realms/${encodeURIComponent(data.realm!)}`;
  return { ...data, issuer, realm: data.realm ?? realmFromIssuer(issuer) };
}

/** `https://kc/realms/floe` -> `floe`. */
export function realmFromIssuer(issuer: string): string | undefined {
  const match = /\/realms\/([^/]+)\/?$/.exec(new URL(issuer).pathname);
  return match ? decodeURIComponent(match[1]!) : undefined;
}
