/**
 * `PolarisCatalogPlugin`: an Iceberg REST catalog client (Apache Polaris and
 * any catalog speaking the Iceberg REST spec). Every contract operation runs
 * inside the `catalog.<operation>` span with `catalog.*` attributes.
 */
import type { Attributes } from "@opentelemetry/api";
import { CatalogPlugin, type NamespacePath, type TableIdentifier } from "@floe/runtime";
import { parsePolarisConfig, type PolarisConfig, type PolarisConfigInput } from "./config.js";
import { MalformedResponseError, NotAuthorizedError } from "./errors.js";
import {
  configResponseSchema,
  icebergSchemaSchema,
  listNamespacesResponseSchema,
  listTablesResponseSchema,
  loadTableResponseSchema,
  namespaceResponseSchema,
  type CatalogConfigResponse,
  type CreateTableSpec,
  type IcebergTable,
} from "./iceberg.js";
import { assertNamespace, displayNamespace, encodeNamespace, NAMESPACE_SEPARATOR } from "./namespace.js";
import { TokenProvider } from "./oauth.js";
import { RestClient, expectShape, type RequestOptions, type RestResponse } from "./rest-client.js";
import { ATTRIBUTES, catalogSpan, tracing } from "./tracing.js";

/** What `/v1/config` resolved to for the configured warehouse. */
export interface ResolvedCatalogConfig {
  prefix: string;
  properties: Record<string, string>;
  endpoints: string[] | undefined;
}

export class PolarisCatalogPlugin extends tracing.Plugin(CatalogPlugin<IcebergTable, CreateTableSpec>) {
  readonly config: PolarisConfig;
  private readonly client: RestClient;
  private readonly tokens: TokenProvider | undefined;
  private resolved: Promise<ResolvedCatalogConfig> | undefined;

  constructor(config: PolarisConfigInput) {
    super();
    this.config = parsePolarisConfig(config);
    this.client = new RestClient(this.config.uri, this.config.timeoutMs, [
      this.config.credential?.clientSecret,
      this.config.token,
    ]);
    this.tokens = this.config.credential
      ? new TokenProvider(this.client, this.config.credential, this.config.scope, this.config.tokenRefreshMarginSeconds * 1000)
      : undefined;
  }

  private get floeContext() {
    return this.config.floe;
  }

  /** `GET /v1/config?warehouse=...`, fetched once: the URL prefix and catalog properties. */
  catalogConfig(): Promise<ResolvedCatalogConfig> {
    this.resolved ??= this.fetchConfig().catch((error: unknown) => {
      this.resolved = undefined;
      throw error;
    });
    return this.resolved;
  }

  async listNamespaces(parent?: NamespacePath): Promise<NamespacePath[]> {
    return catalogSpan("listNamespaces", this.attributes(parent), async (span) => {
      if (parent) assertNamespace(parent);
      const namespaces: string[][] = [];
      let pageToken: string | undefined;
      do {
        const context = "list namespaces";
        const response = await this.call("GET", "/namespaces", {
          context,
          query: { parent: parent?.join(NAMESPACE_SEPARATOR), pageToken },
        });
        const body = expectShape(listNamespacesResponseSchema, response, context);
        namespaces.push(...body.namespaces);
        pageToken = body["next-page-token"] ?? undefined;
      } while (pageToken);
      span.setAttribute("catalog.namespace_count", namespaces.length);
      return namespaces;
    }, { floe: this.floeContext });
  }

  async createNamespace(namespace: NamespacePath, properties: Record<string, string> = {}): Promise<void> {
    return catalogSpan("createNamespace", this.attributes(namespace), async () => {
      assertNamespace(namespace);
      const context = `create namespace ${displayNamespace(namespace)}`;
      const response = await this.call("POST", "/namespaces", { context, json: { namespace, properties } });
      expectShape(namespaceResponseSchema, response, context);
    }, { floe: this.floeContext });
  }

  async dropNamespace(namespace: NamespacePath): Promise<void> {
    return catalogSpan("dropNamespace", this.attributes(namespace), async () => {
      assertNamespace(namespace);
      await this.call("DELETE", `/namespaces/${encodeNamespace(namespace)}`, {
        context: `drop namespace ${displayNamespace(namespace)}`,
      });
    }, { floe: this.floeContext });
  }

  async listTables(namespace: NamespacePath): Promise<TableIdentifier[]> {
    return catalogSpan("listTables", this.attributes(namespace), async (span) => {
      assertNamespace(namespace);
      const tables: TableIdentifier[] = [];
      let pageToken: string | undefined;
      do {
        const context = `list tables in ${displayNamespace(namespace)}`;
        const response = await this.call("GET", `/namespaces/${encodeNamespace(namespace)}/tables`, {
          context,
          query: { pageToken },
        });
        const body = expectShape(listTablesResponseSchema, response, context);
        tables.push(...body.identifiers);
        pageToken = body["next-page-token"] ?? undefined;
      } while (pageToken);
      span.setAttribute("catalog.table_count", tables.length);
      return tables;
    }, { floe: this.floeContext });
  }

  async loadTable(table: TableIdentifier): Promise<IcebergTable> {
    return catalogSpan("loadTable", this.attributes(table.namespace, table.name), async () => {
      assertNamespace(table.namespace);
      const context = `load table ${displayNamespace(table.namespace)}.${table.name}`;
      const response = await this.call("GET", this.tablePath(table), { context });
      return toTable(table, response, context);
    }, { floe: this.floeContext });
  }

  async createTable(table: TableIdentifier, spec: CreateTableSpec): Promise<IcebergTable> {
    return catalogSpan("createTable", this.attributes(table.namespace, table.name), async () => {
      assertNamespace(table.namespace);
      const schema = icebergSchemaSchema.parse(spec.schema);
      const context = `create table ${displayNamespace(table.namespace)}.${table.name}`;
      const body: Record<string, unknown> = { name: table.name, schema, "stage-create": false };
      if (spec.location !== undefined) body.location = spec.location;
      if (spec.properties !== undefined) body.properties = spec.properties;
      if (spec.partitionSpec !== undefined) body["partition-spec"] = { "spec-id": 0, ...spec.partitionSpec };
      const response = await this.call("POST", `/namespaces/${encodeNamespace(table.namespace)}/tables`, {
        context,
        json: body,
      });
      return toTable(table, response, context);
    }, { floe: this.floeContext });
  }

  async dropTable(table: TableIdentifier, purge = false): Promise<void> {
    return catalogSpan("dropTable", this.attributes(table.namespace, table.name), async () => {
      assertNamespace(table.namespace);
      await this.call("DELETE", this.tablePath(table), {
        context: `drop table ${displayNamespace(table.namespace)}.${table.name}`,
        query: purge ? { purgeRequested: "true" } : undefined,
      });
    }, { floe: this.floeContext });
  }

  private attributes(namespace?: NamespacePath, table?: string): Attributes {
    const attributes: Attributes = { [ATTRIBUTES.NAME]: this.config.warehouse };
    if (namespace) attributes[ATTRIBUTES.NAMESPACE] = displayNamespace(namespace);
    if (table !== undefined) attributes[ATTRIBUTES.TABLE] = table;
    return attributes;
  }

  private tablePath(table: TableIdentifier): string {
    return `/namespaces/${encodeNamespace(table.namespace)}/tables/${encodeURIComponent(table.name)}`;
  }

  private async fetchConfig(): Promise<ResolvedCatalogConfig> {
    const context = "get catalog config";
    const response = await this.authorized((token) =>
      this.client.send("GET", "/v1/config", { context, token, query: { warehouse: this.config.warehouse } }),
    );
    const body: CatalogConfigResponse = expectShape(configResponseSchema, response, context);
    const properties = { ...body.defaults, ...body.overrides };
    return { prefix: properties.prefix ?? "", properties, endpoints: body.endpoints };
  }

  /** A catalog call under `/v1/{prefix}`. */
  private async call(method: string, path: string, options: Omit<RequestOptions, "token">): Promise<RestResponse> {
    const { prefix } = await this.catalogConfig();
    const base = prefix ? `/v1/${encodeURIComponent(prefix)}` : "/v1";
    return this.authorized((token) => this.client.send(method, base + path, { ...options, token }));
  }

  /** Runs a request with the current token; on 401 with a cached OAuth token, refreshes once and retries. */
  private async authorized(send: (token: string | undefined) => Promise<RestResponse>): Promise<RestResponse> {
    if (!this.tokens) return send(this.config.token);
    const token = await this.tokens.token();
    try {
      return await send(token);
    } catch (error) {
      if (!(error instanceof NotAuthorizedError)) throw error;
      this.tokens.invalidate();
      return send(await this.tokens.refresh());
    }
  }
}

function toTable(table: TableIdentifier, response: RestResponse, context: string): IcebergTable {
  const body = expectShape(loadTableResponseSchema, response, context);
  const metadata = body.metadata;
  const schema = metadata.schemas.find((s) => s["schema-id"] === metadata["current-schema-id"]);
  if (!schema) {
    throw new MalformedResponseError(`${context}: current-schema-id ${metadata["current-schema-id"]} is not among the schemas`, {
      type: "MalformedResponse",
            status: response.status,
    });
  }
  return {
    namespace: [...table.namespace],
    name: table.name,
    metadataLocation: body["metadata-location"] ?? undefined,
    formatVersion: metadata["format-version"],
    tableUuid: metadata["table-uuid"],
    location: metadata.location,
    schema,
    properties: metadata.properties ?? {},
  };
}
