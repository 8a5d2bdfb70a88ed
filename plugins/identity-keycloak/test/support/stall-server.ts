/**
 * A loopback OIDC issuer (on the kit's recording loopback server) whose
 * discovery document answers but whose token, userinfo and JWKS endpoints
 * never do: for timeout tests.
 */
import { sendJson, startLoopbackServer, type LoopbackServer } from "@floe/runtime/testing";

export class StallingIssuer {
  private server: LoopbackServer | undefined;
  url = "";

  async start(): Promise<this> {
    this.server = await startLoopbackServer((req, res) => {
      if (req.path !== "/.well-known/openid-configuration") return; // every other request stalls
      sendJson(res, 200, {
        issuer: this.url,
        token_endpoint: `${this.url}/token`,
        jwks_uri: `${this.url}/jwks`,
        userinfo_endpoint: `${this.url}/userinfo`,
      });
    });
    this.url = this.server.url;
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }
}
