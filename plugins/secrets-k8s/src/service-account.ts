/**
 * Reads a mounted service account (`token`, `ca.crt`, `namespace`) the way
 * in-cluster Kubernetes clients do. Missing files are simply absent; the
 * caller decides whether the config filled the gap.
 */
import { promises as fs } from "node:fs";
import path from "node:path";

export interface ServiceAccountFiles {
  token?: string;
  caCert?: string;
  namespace?: string;
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    const text = (await fs.readFile(file, "utf8")).trim();
    return text === "" ? undefined : text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

export async function readServiceAccount(dir: string): Promise<ServiceAccountFiles> {
  const [token, caCert, namespace] = await Promise.all([
    readOptional(path.join(dir, "token")),
    readOptional(path.join(dir, "ca.crt")),
    readOptional(path.join(dir, "namespace")),
  ]);
  return { token, caCert: caCert === undefined ? undefined : `${caCert}\n`, namespace };
}

/** The in-cluster API server URL from the environment Kubernetes injects into every pod. */
export function inClusterApiServer(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const host = env.KUBERNETES_SERVICE_HOST;
  const port = env.KUBERNETES_SERVICE_PORT;
  if (!host) return undefined;
  const hostPart = host.includes(":") ? `[${host}]` : host;
  return `https://${hostPart}:${port || "443"}`;
}
