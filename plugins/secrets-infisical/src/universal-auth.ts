/**
 * Universal Auth session: logs in with the machine identity's client id and
 * secret, caches the access token, and logs in again shortly before it
 * expires or when the server says it is no longer valid.
 */
import { InfisicalAuthError, InfisicalMalformedResponseError } from "./errors.js";
import { sendJson, serverMessage } from "./http.js";
import { ATTRIBUTES, secretsSpan } from "./tracing.js";
import type { FloeContext } from "@floe/runtime";

export const LOGIN_PATH = "/api/v1/auth/universal-auth/login";

export interface UniversalAuthOptions {
  siteUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  refreshSkewSeconds: number;
  /** Milliseconds since the epoch; injectable so expiry can be tested without waiting. */
  now: () => number;
  floe?: FloeContext;
}

interface CachedToken {
  accessToken: string;
  /** When to stop using it (expiry minus the skew), in epoch milliseconds. */
  refreshAt: number;
}

export class UniversalAuthSession {
  private cached: CachedToken | undefined;
  private pending: Promise<CachedToken> | undefined;
  private logins = 0;

  constructor(private readonly options: UniversalAuthOptions) {}

  /** How many logins this session performed (for span attributes and tests). */
  get loginCount(): number {
    return this.logins;
  }

  /** The current access token, logging in first when there is none or it is about to expire. */
  async accessToken(): Promise<string> {
    if (this.cached && this.options.now() < this.cached.refreshAt) return this.cached.accessToken;
    this.cached = undefined;
    this.pending ??= this.tracedLogin().finally(() => {
      this.pending = undefined;
    });
    this.cached = await this.pending;
    return this.cached.accessToken;
  }

  /** Forgets the token (after a 401) so the next call logs in again. */
  invalidate(token: string): void {
    if (this.cached?.accessToken === token) this.cached = undefined;
  }

  /** Strings to cut from error messages. */
  sensitive(): string[] {
    return [this.options.clientSecret, this.cached?.accessToken].filter((s): s is string => !!s);
  }

  /** The login as its own `secrets.login` span (child of the operation that needed it). */
  private tracedLogin(): Promise<CachedToken> {
    return secretsSpan("login", { [ATTRIBUTES.PROVIDER]: "infisical" }, () => this.login(), { floe: this.options.floe });
  }

  private async login(): Promise<CachedToken> {
    const request = {
      method: "POST" as const,
      url: new URL(LOGIN_PATH, this.options.siteUrl),
      body: { clientId: this.options.clientId, clientSecret: this.options.clientSecret },
      timeoutMs: this.options.timeoutMs,
      sensitive: [this.options.clientSecret],
    };
    const started = this.options.now();
    const response = await sendJson(request);
    this.logins++;
    if (response.status < 200 || response.status >= 300) {
      throw new InfisicalAuthError(`universal-auth login returned ${response.status}: ${serverMessage(response.body)}`, {
        status: response.status,
        secrets: request.sensitive,
      });
    }
    const body = response.body as { accessToken?: unknown; expiresIn?: unknown } | undefined;
    if (!body || typeof body.accessToken !== "string" || body.accessToken === "" || typeof body.expiresIn !== "number") {
      throw new InfisicalMalformedResponseError(
        "universal-auth login response lacks accessToken (string) and expiresIn (number)",
        { status: response.status },
      );
    }
    const lifetimeMs = Math.max(0, body.expiresIn - this.options.refreshSkewSeconds) * 1000;
    return { accessToken: body.accessToken, refreshAt: started + lifetimeMs };
  }
}
