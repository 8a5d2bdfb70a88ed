/**
 * Resolves where and as whom the plugin talks to the API server: config
 * first, then the mounted service account, then the in-cluster environment.
 * The token source re-reads the service-account token file on demand.
 */
import type { K8sSecretsConfig } from "./config.js";
import { K8sSecretsError } from "./errors.js";
import type { ApiConnection, TokenSource } from "./secrets-api.js";
import { inClusterApiServer, readServiceAccount } from "./service-account.js";

export interface ResolvedConnection {
  connection: ApiConnection;
  tokens: TokenSource;
}

export async function resolveConnection(
  config: K8sSecretsConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ResolvedConnection> {
  const account = await readServiceAccount(config.serviceAccountDir).catch((error: unknown) => {
    throw new K8sSecretsError(
      `cannot read service account in ${config.serviceAccountDir}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}`,
      { code: "SERVICE_ACCOUNT_UNAVAILABLE" },
    );
  });
  const apiServer = config.apiServer ?? inClusterApiServer(env);
  const namespace = config.namespace ?? account.namespace;
  const missing = [
    apiServer ? undefined : "apiServer (config, or KUBERNETES_SERVICE_HOST in a pod)",
    namespace ? undefined : `namespace (config, or ${config.serviceAccountDir}/namespace)`,
    config.token || account.token ? undefined : `token (config, or ${config.serviceAccountDir}/token)`,
  ].filter((m): m is string => m !== undefined);
  if (missing.length > 0) {
    throw new K8sSecretsError(`Kubernetes connection incomplete: missing ${missing.join(", ")}`, { code: "SERVICE_ACCOUNT_UNAVAILABLE" });
  }
  return {
    connection: { apiServer: apiServer!, namespace: namespace!, caCert: config.caCert ?? account.caCert, timeoutMs: config.timeoutMs },
    tokens: config.token ? fixedToken(config.token) : fileToken(config.serviceAccountDir, account.token!),
  };
}

function fixedToken(token: string): TokenSource {
  return { current: () => token, refresh: async () => false };
}

function fileToken(dir: string, initial: string): TokenSource {
  let token = initial;
  return {
    current: () => token,
    async refresh() {
      const next = (await readServiceAccount(dir).catch(() => undefined))?.token;
      if (!next || next === token) return false;
      token = next;
      return true;
    },
  };
}
