import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestTracing } from "@floe/runtime/testing";
import { SpanStatusCode } from "@opentelemetry/api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { K8sNetworkError, K8sSecretsPlugin } from "../src/index.js";
import { FakeKubeApi } from "./support/k8s-api-server.js";
import { makeServiceAccountDir } from "./support/service-account-dir.js";

const tracing = createTestTracing();
const TOKEN = "tls-sa-token-1f2e3d4c5b6a";
let api: FakeKubeApi;
let certDir: string;
let caCert: string;

beforeAll(async () => {
  // A self-signed certificate for 127.0.0.1, standing in for the cluster CA.
  certDir = mkdtempSync(path.join(os.tmpdir(), "floe-k8s-tls-"));
  execFileSync("openssl", [
    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=kubernetes",
    "-addext", "subjectAltName=IP:127.0.0.1",
    "-keyout", path.join(certDir, "key.pem"), "-out", path.join(certDir, "cert.pem"),
  ], { stdio: "ignore" });
  caCert = readFileSync(path.join(certDir, "cert.pem"), "utf8");
  api = new FakeKubeApi({ key: readFileSync(path.join(certDir, "key.pem"), "utf8"), cert: caCert });
  await api.start();
  api.validTokens.add(TOKEN);
});
afterAll(async () => {
  await api.stop();
  rmSync(certDir, { recursive: true, force: true });
  await tracing.shutdown();
});
beforeEach(() => tracing.reset());

describe("https to the API server", () => {
  it("verifies the server against ca.crt from the service-account directory", async () => {
    const sa = makeServiceAccountDir({ token: TOKEN, namespace: "tls-ns", caCert });
    api.seed("tls-ns", "db", { value: "over-tls-value-2468" });
    await expect(new K8sSecretsPlugin({ apiServer: api.url, serviceAccountDir: sa.dir }).getSecret("db")).resolves.toBe(
      "over-tls-value-2468",
    );
    sa.remove();
  });

  it("refuses a server its CA does not sign", async () => {
    const sa = makeServiceAccountDir({ token: TOKEN, namespace: "tls-ns" });
    const error = await new K8sSecretsPlugin({ apiServer: api.url, serviceAccountDir: sa.dir }).getSecret("db").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(K8sNetworkError);
    expect((error as Error).message).toMatch(/SELF_SIGNED|self.signed/i);
    expect(tracing.getSpan("secrets.getSecret").status.code).toBe(SpanStatusCode.ERROR);
    expect(tracing.findLeaks([TOKEN])).toEqual([]);
    sa.remove();
  });
});
