/**
 * OIDC discovery: reads `{issuer}/.well-known/openid-configuration` once,
 * checks it describes the configured issuer, and caches the endpoints. A
 * failed discovery is not cached, so the next call tries again.
 */
import { KeycloakDiscoveryError, KeycloakMalformedResponseError } from "./errors.js";
import { describeRequest, exchange, isObject } from "./http.js";

export interface ProviderMetadata {
  issuer: string;
  tokenEndpoint: string;
  jwksUri: string;
  userinfoEndpoint?: string;
}

export const WELL_KNOWN_PATH = "/.well-known/openid-configuration";

export class Discovery {
  private cached: Promise<ProviderMetadata> | undefined;

  constructor(
    private readonly issuer: string,
    private readonly timeoutMs: number,
  ) {}

  metadata(): Promise<ProviderMetadata> {
    this.cached ??= this.fetch().catch((error: unknown) => {
      this.cached = undefined;
      throw error;
    });
    return this.cached;
  }

  private async fetch(): Promise<ProviderMetadata> {
    const request = {
      method: "GET" as const,
      url: `${this.issuer.replace(/\/+$/, "")}${WELL_KNOWN_PATH}`,
      timeoutMs: this.timeoutMs,
      sensitive: [],
    };
    const response = await exchange(request);
    if (response.status !== 200) {
      throw new KeycloakDiscoveryError(`${describeRequest(request)} returned ${response.status}`, { status: response.status });
    }
    const doc = response.body;
    if (!isObject(doc) || typeof doc.issuer !== "string" || typeof doc.token_endpoint !== "string" || typeof doc.jwks_uri !== "string") {
      throw new KeycloakMalformedResponseError(
        `${describeRequest(request)}: discovery document lacks issuer, token_endpoint or jwks_uri`,
        { status: response.status },
      );
    }
    if (stripSlash(doc.issuer) !== stripSlash(this.issuer)) {
      throw new KeycloakDiscoveryError(`discovery document names issuer ${doc.issuer}, expected ${this.issuer}`);
    }
    return {
      issuer: doc.issuer,
      tokenEndpoint: doc.token_endpoint,
      jwksUri: doc.jwks_uri,
      userinfoEndpoint: typeof doc.userinfo_endpoint === "string" ? doc.userinfo_endpoint : undefined,
    };
  }
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
