/** Contract for COMPUTE plugins: dbt profiles, connection checks and SQL execution. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export interface ConnectionStatus {
  ok: boolean;
  version?: string;
  detail?: string;
}

export interface QueryResult<Row = Record<string, unknown>> {
  rows: Row[];
  columns: string[];
  rowCount: number;
}

export abstract class ComputePlugin extends PluginMetadata {
  override get pluginType(): typeof PluginType.COMPUTE {
    return PluginType.COMPUTE;
  }
  abstract getProfiles(target?: string): Promise<Record<string, unknown>>;
  abstract validateConnection(): Promise<ConnectionStatus>;
  abstract execute(sql: string, params?: readonly unknown[] | Record<string, unknown>): Promise<QueryResult>;
}
