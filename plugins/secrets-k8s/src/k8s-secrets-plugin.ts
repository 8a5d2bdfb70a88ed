/**
 * K8sSecretsPlugin: floe SECRETS plugin that keeps each secret as a
 * Kubernetes `Secret` object (the value base64 under `dataKey`) in one
 * namespace. Writes are create-or-replace with optimistic concurrency
 * (`resourceVersion`, retried on 409). Spans carry key names, never values.
 */
import { SecretsPlugin } from "@floe/runtime";
import type { Attributes, Span } from "@opentelemetry/api";
import { parseConfig, type K8sSecretsConfig, type K8sSecretsConfigInput } from "./config.js";
import { resolveConnection, type ResolvedConnection } from "./connection.js";
import { K8sApiError, K8sConflictError, K8sNotFoundError, K8sSecretsError } from "./errors.js";
import { SecretsApi } from "./secrets-api.js";
import { assertSecretName, decodeValue, labelSelector, newSecret, replacedSecret } from "./secret-object.js";
import { ATTRIBUTES, secretsSpan, tracing } from "./tracing.js";

export const PROVIDER = "kubernetes";

export interface K8sSecretsPluginOptions {
  /** Environment consulted for the in-cluster API server (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

export class K8sSecretsPlugin extends tracing.Plugin(SecretsPlugin) {
  private readonly config: K8sSecretsConfig;
  private readonly env: NodeJS.ProcessEnv;
  private api: Promise<SecretsApi> | undefined;

  constructor(config: K8sSecretsConfigInput = {}, options: K8sSecretsPluginOptions = {}) {
    super();
    this.config = parseConfig(config);
    this.env = options.env ?? process.env;
  }

  override getSecret(key: string): Promise<string | undefined> {
    return this.operation("getSecret", key, async (api, span) => {
      const secret = await api.get(key).catch(absentAs(undefined));
      const encoded = secret?.data?.[this.config.dataKey];
      span.setAttribute(ATTRIBUTES.FOUND, encoded !== undefined);
      return encoded === undefined ? undefined : decodeValue(encoded);
    });
  }

  override setSecret(key: string, value: string): Promise<void> {
    return this.operation("setSecret", key, async (api, span) => {
      if (typeof value !== "string") throw new K8sSecretsError("secret value must be a string", { code: "INVALID_ARGUMENT" });
      const { dataKey, labels, maxConflictRetries } = this.config;
      for (let attempt = 0; ; attempt++) {
        span.setAttribute(ATTRIBUTES.CONFLICT_RETRIES, attempt);
        try {
          const existing = await api.get(key).catch(absentAs(undefined));
          if (existing) await api.replace(replacedSecret(existing, dataKey, value, labels), [value]);
          else await api.create(newSecret(key, api.namespace, dataKey, value, labels), [value]);
          return;
        } catch (error) {
          if (!(error instanceof K8sApiError) || error.status !== 409) throw error;
          if (attempt >= maxConflictRetries) {
            throw new K8sConflictError(`${error.message} (gave up after ${attempt + 1} attempts)`, { reason: error.reason, cause: error });
          }
        }
      }
    });
  }

  override deleteSecret(key: string): Promise<boolean> {
    return this.operation("deleteSecret", key, async (api, span) => {
      const deleted = await api.delete(key).then(() => true, absentAs(false));
      span.setAttribute(ATTRIBUTES.FOUND, deleted);
      return deleted;
    });
  }

  override listSecrets(prefix?: string): Promise<string[]> {
    return this.operation("listSecrets", undefined, async (api, span) => {
      const items = await api.list(labelSelector(this.config.labels));
      const names = items
        .map((item) => item.metadata.name)
        .filter((name) => !prefix || name.startsWith(prefix))
        .sort();
      span.setAttribute(ATTRIBUTES.COUNT, names.length);
      return names;
    });
  }

  /** Runs one contract operation in its span, with the connection resolved and the key validated. */
  private operation<R>(op: string, key: string | undefined, fn: (api: SecretsApi, span: Span) => Promise<R>): Promise<R> {
    const attributes: Attributes = { [ATTRIBUTES.PROVIDER]: PROVIDER };
    if (typeof key === "string" && key !== "") attributes[ATTRIBUTES.KEY_NAME] = key;
    if (this.config.namespace) attributes[ATTRIBUTES.K8S_NAMESPACE] = this.config.namespace;
    return secretsSpan(op, attributes, async (span) => {
      if (op !== "listSecrets") assertSecretName(key);
      const api = await this.connect();
      span.setAttribute(ATTRIBUTES.K8S_NAMESPACE, api.namespace);
      return fn(api, span);
    }, { floe: this.config.floe });
  }

  /** Resolves the connection once; a failed resolution is retried on the next call. */
  private connect(): Promise<SecretsApi> {
    this.api ??= resolveConnection(this.config, this.env).then(
      ({ connection, tokens }: ResolvedConnection) => new SecretsApi(connection, tokens),
      (error: unknown) => {
        this.api = undefined;
        throw error;
      },
    );
    return this.api;
  }
}

/** Turns a K8sNotFoundError into `value`; rethrows anything else. */
function absentAs<T>(value: T): (error: unknown) => T {
  return (error) => {
    if (error instanceof K8sNotFoundError) return value;
    throw error;
  };
}
