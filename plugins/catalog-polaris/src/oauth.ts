/**
 * OAuth2 client-credentials tokens for the catalog: exchanged at
 * `/v1/oauth/tokens` (form-encoded), cached until shortly before they expire,
 * and refreshed on demand (expiry or a 401 from the catalog).
 */
import { expectShape, type RestClient } from "./rest-client.js";
import { tokenResponseSchema } from "./iceberg.js";

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

interface CachedToken {
  value: string;
  /** Epoch ms after which the token must be refreshed; undefined when it never expires. */
  refreshAt: number | undefined;
}

export class TokenProvider {
  private cached: CachedToken | undefined;
  private pending: Promise<string> | undefined;
  /** Number of tokens fetched so far (exposed for diagnostics). */
  fetchCount = 0;

  constructor(
    private readonly client: RestClient,
    private readonly credentials: ClientCredentials,
    private readonly scope: string,
    private readonly refreshMarginMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A valid token, from cache when it is still fresh. */
  async token(): Promise<string> {
    const cached = this.cached;
    if (cached && (cached.refreshAt === undefined || this.now() < cached.refreshAt)) return cached.value;
    return this.refresh();
  }

  /** Forgets the cached token (after the catalog rejected it). */
  invalidate(): void {
    this.cached = undefined;
  }

  /** Fetches a new token; concurrent callers share one request. */
  refresh(): Promise<string> {
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    const context = "oauth token request";
    const response = await this.client.send("POST", "/v1/oauth/tokens", {
      context,
      form: {
        grant_type: "client_credentials",
        client_id: this.credentials.clientId,
        client_secret: this.credentials.clientSecret,
        scope: this.scope,
      },
    });
    const body = expectShape(tokenResponseSchema, response, context);
    this.fetchCount += 1;
    const refreshAt =
      body.expires_in === undefined ? undefined : this.now() + body.expires_in * 1000 - this.refreshMarginMs;
    this.cached = { value: body.access_token, refreshAt };
    return body.access_token;
  }
}
