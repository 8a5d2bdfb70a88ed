/**
 * A Keycloak-like OIDC provider on loopback, built on `oauth2-mock-server`
 * (real discovery document, JWKS, RS256-signed JWTs, token and userinfo
 * endpoints). Hooks add what the mock leaves out: client authentication,
 * user passwords, refresh-token bookkeeping, Keycloak-style `aud`/`azp`, and
 * a record of every token and userinfo request for tests to assert on.
 */
import { OAuth2Server } from "oauth2-mock-server";

export interface TokenRequestRecord {
  form: Record<string, string>;
  authorization: string | undefined;
}

export class MockKeycloak {
  readonly server = new OAuth2Server();
  readonly tokenRequests: TokenRequestRecord[] = [];
  readonly userinfoRequests: { authorization: string | undefined }[] = [];
  readonly issuedAccessTokens: string[] = [];
  readonly issuedRefreshTokens = new Map<string, string>();
  /** username -> password */
  readonly users = new Map<string, string>();
  private nextTokenResponse: { statusCode: number; body: unknown } | undefined;

  constructor(
    readonly clientId: string,
    readonly clientSecret: string,
  ) {}

  get issuer(): string {
    return this.server.issuer.url!;
  }

  async start(): Promise<this> {
    await this.server.issuer.keys.generate("RS256");
    await this.server.start(0, "127.0.0.1");
    const service = this.server.service;

    service.on("beforeTokenSigning", (token, req) => {
      const form = req.body as Record<string, string>;
      token.payload.aud = this.clientId;
      token.payload.azp = this.clientId;
      if (form.grant_type === "password") token.payload.sub = form.username;
      if (form.grant_type === "refresh_token") token.payload.sub = this.issuedRefreshTokens.get(form.refresh_token) ?? "unknown";
      if (form.grant_type === "client_credentials") token.payload.sub = `service-account-${this.clientId}`;
    });

    service.on("beforeResponse", (response, req) => {
      const form = { ...(req.body as Record<string, string>) };
      this.tokenRequests.push({ form, authorization: req.headers.authorization });
      const override = this.nextTokenResponse;
      this.nextTokenResponse = undefined;
      if (override) {
        response.statusCode = override.statusCode;
        response.body = override.body as typeof response.body;
        return;
      }
      const denial = this.deny(form, req.headers.authorization);
      if (denial) {
        response.statusCode = denial.statusCode;
        response.body = denial.body;
        return;
      }
      const body = response.body as Record<string, unknown>;
      this.issuedAccessTokens.push(String(body.access_token));
      if (typeof body.refresh_token === "string") {
        const user = form.grant_type === "password" ? form.username! : this.issuedRefreshTokens.get(form.refresh_token!)!;
        this.issuedRefreshTokens.set(body.refresh_token, user);
      }
    });

    service.on("beforeUserinfo", (response, req) => {
      this.userinfoRequests.push({ authorization: req.headers.authorization });
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      if (!token || !this.issuedAccessTokens.includes(token)) {
        response.statusCode = 401;
        response.body = { error: "invalid_token", error_description: "Token verification failed" };
        return;
      }
      response.body = { sub: "f3a1c2d4-user", preferred_username: "alice", email: "alice@example.com", email_verified: true };
    });
    return this;
  }

  async stop(): Promise<void> {
    if (this.server.listening) await this.server.stop();
  }

  /** The next token request gets this answer regardless of its content. */
  respondNext(statusCode: number, body: unknown): void {
    this.nextTokenResponse = { statusCode, body };
  }

  reset(): void {
    this.tokenRequests.length = 0;
    this.userinfoRequests.length = 0;
    this.nextTokenResponse = undefined;
  }

  /** Keycloak's answers to bad client credentials, bad user credentials and unknown refresh tokens. */
  private deny(form: Record<string, string>, authorization: string | undefined): { statusCode: number; body: any } | undefined {
    let id = form.client_id;
    let secret = form.client_secret;
    const basic = /^Basic (.+)$/.exec(authorization ?? "")?.[1];
    if (basic) {
      const [rawId, rawSecret] = Buffer.from(basic, "base64").toString("utf8").split(":");
      id = decodeURIComponent(rawId ?? "");
      secret = decodeURIComponent(rawSecret ?? "");
    }
    if (id !== this.clientId || secret !== this.clientSecret) {
      return { statusCode: 401, body: { error: "invalid_client", error_description: "Invalid client or Invalid client credentials" } };
    }
    if (form.grant_type === "password" && this.users.get(form.username!) !== form.password) {
      return { statusCode: 401, body: { error: "invalid_grant", error_description: "Invalid user credentials" } };
    }
    if (form.grant_type === "refresh_token" && !this.issuedRefreshTokens.has(form.refresh_token!)) {
      return { statusCode: 400, body: { error: "invalid_grant", error_description: "Token is not active" } };
    }
    return undefined;
  }
}
