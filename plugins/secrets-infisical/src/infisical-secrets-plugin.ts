/**
 * InfisicalSecretsPlugin: floe SECRETS plugin backed by Infisical. Each
 * contract operation runs in a `secrets.*` span carrying the provider, key
 * name and folder, never a value.
 */
import { SecretsPlugin } from "@floe/runtime";
import type { Attributes } from "@opentelemetry/api";
import { parseConfig, type InfisicalConfig, type InfisicalConfigInput } from "./config.js";
import { InfisicalError } from "./errors.js";
import { RawSecretsClient } from "./raw-secrets-client.js";
import { ATTRIBUTES, secretsSpan, tracing } from "./tracing.js";
import { UniversalAuthSession } from "./universal-auth.js";

export const PROVIDER = "infisical";

export interface InfisicalPluginOptions {
  /** Clock in epoch milliseconds (token expiry); defaults to Date.now. */
  now?: () => number;
}

export class InfisicalSecretsPlugin extends tracing.Plugin(SecretsPlugin) {
  private readonly config: InfisicalConfig;
  private readonly session: UniversalAuthSession;
  private readonly client: RawSecretsClient;

  constructor(config: InfisicalConfigInput, options: InfisicalPluginOptions = {}) {
    super();
    this.config = parseConfig(config);
    this.session = new UniversalAuthSession({
      siteUrl: this.config.siteUrl,
      clientId: this.config.clientId,
      clientSecret: this.config.clientSecret,
      timeoutMs: this.config.timeoutMs,
      refreshSkewSeconds: this.config.refreshSkewSeconds,
      now: options.now ?? Date.now,
      floe: this.config.floe,
    });
    this.client = new RawSecretsClient(this.config, this.session);
  }

  /** Universal Auth logins performed so far. */
  get loginCount(): number {
    return this.session.loginCount;
  }

  override getSecret(key: string): Promise<string | undefined> {
    return secretsSpan("getSecret", this.attributes(key), async (span) => {
      requireKey(key);
      const value = await this.client.get(key);
      span.setAttribute(ATTRIBUTES.FOUND, value !== undefined);
      return value;
    }, { floe: this.config.floe });
  }

  override setSecret(key: string, value: string): Promise<void> {
    return secretsSpan("setSecret", this.attributes(key), async () => {
      requireKey(key);
      if (typeof value !== "string") throw new InfisicalError("secret value must be a string", { code: "INVALID_ARGUMENT" });
      const updated = await this.client.update(key, value);
      if (!updated) await this.client.create(key, value);
    }, { floe: this.config.floe });
  }

  override deleteSecret(key: string): Promise<boolean> {
    return secretsSpan("deleteSecret", this.attributes(key), async (span) => {
      requireKey(key);
      const deleted = await this.client.delete(key);
      span.setAttribute(ATTRIBUTES.FOUND, deleted);
      return deleted;
    }, { floe: this.config.floe });
  }

  override listSecrets(prefix?: string): Promise<string[]> {
    return secretsSpan("listSecrets", this.attributes(undefined), async (span) => {
      const names = (await this.client.listNames()).filter((name) => !prefix || name.startsWith(prefix)).sort();
      span.setAttribute(ATTRIBUTES.COUNT, names.length);
      return names;
    }, { floe: this.config.floe });
  }

  private attributes(key: string | undefined): Attributes {
    const attributes: Attributes = {
      [ATTRIBUTES.PROVIDER]: PROVIDER,
      [ATTRIBUTES.PATH]: this.config.secretPath,
    };
    if (key) attributes[ATTRIBUTES.KEY_NAME] = key;
    return attributes;
  }
}

function requireKey(key: unknown): asserts key is string {
  if (typeof key !== "string" || key === "") {
    throw new InfisicalError("secret key must be a non-empty string", { code: "INVALID_ARGUMENT" });
  }
}
