/**
 * A loopback OIDC issuer whose discovery document answers but whose token,
 * userinfo and JWKS endpoints never do: for timeout tests.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export class StallingIssuer {
  private server: http.Server | undefined;
  url = "";

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      if (req.url === "/.well-known/openid-configuration") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            issuer: this.url,
            token_endpoint: `${this.url}/token`,
            jwks_uri: `${this.url}/jwks`,
            userinfo_endpoint: `${this.url}/userinfo`,
          }),
        );
      }
      // every other request stalls
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
