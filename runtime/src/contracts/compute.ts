/** Contract for COMPUTE plugins: dbt profiles, connection checks and SQL execution. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

/** One dbt target (`outputs.<target>` in profiles.yml); `type` names the dbt adapter. */
export interface DbtProfileOutput {
  type: string;
  threads?: number;
  [key: string]: unknown;
}

/** One dbt profile: the default target and its outputs. */
export interface DbtProfile {
  target: string;
  outputs: Record<string, DbtProfileOutput>;
}

/** The content of a profiles.yml, keyed by profile name. */
export type DbtProfiles = Record<string, DbtProfile>;

export interface ConnectionStatus {
  ok: boolean;
  /** Engine version reported by the server or library, e.g. `v1.5.6`. */
  version?: string;
  /** Why the connection failed (sanitized), or a short note. */
  detail?: string;
}

/** Positional (`$1`, `?`) or named (`$name`) query parameters. */
export type QueryParams = readonly unknown[] | Record<string, unknown>;

export interface QueryResult<Row = Record<string, unknown>> {
  rows: Row[];
  columns: string[];
  rowCount: number;
}

export abstract class ComputePlugin extends PluginMetadata {
  override get pluginType(): typeof PluginType.COMPUTE {
    return PluginType.COMPUTE;
  }
  /** The dbt profiles for this engine; `target` overrides the default target name. */
  abstract getProfiles(target?: string): Promise<DbtProfiles>;
  abstract validateConnection(): Promise<ConnectionStatus>;
  abstract execute<Row = Record<string, unknown>>(sql: string, params?: QueryParams): Promise<QueryResult<Row>>;
}
