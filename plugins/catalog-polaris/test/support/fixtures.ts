/** Shared set-up for the catalog tests: a fresh stand-in catalog and a plugin pointed at it. */
import { PolarisCatalogPlugin, type PolarisConfigInput } from "../../src/index.js";
import { startIcebergRestServer, type IcebergRestServer, type ServerOptions } from "./iceberg-rest-server.js";

export const CLIENT_ID = "floe-etl";
export const CLIENT_SECRET = "s3cr3t-Zq8vN4kW2pLx7RtY";
export const WAREHOUSE = "analytics";
export const PREFIX = "analytics_cat";

export async function startCatalog(overrides: Partial<ServerOptions> = {}): Promise<IcebergRestServer> {
  return startIcebergRestServer({
    warehouse: WAREHOUSE,
    prefix: PREFIX,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    ...overrides,
  });
}

export function pluginFor(server: IcebergRestServer, overrides: Partial<PolarisConfigInput> = {}): PolarisCatalogPlugin {
  return new PolarisCatalogPlugin({
    uri: server.url,
    warehouse: WAREHOUSE,
    credential: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    timeoutMs: 2_000,
    ...overrides,
  });
}
