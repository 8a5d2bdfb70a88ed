/** Contract for DBT plugins: compile, run, test, build and parse the manifest. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

export interface DbtInvocation {
  select?: string[];
  exclude?: string[];
  target?: string;
  vars?: Record<string, unknown>;
}

export interface DbtNodeResult {
  uniqueId: string;
  status: string;
  executionTime: number;
  message?: string | null;
  failures?: number | null;
}

export interface DbtRunResult {
  success: boolean;
  command: string;
  results: DbtNodeResult[];
  elapsedTime: number;
}

export abstract class DbtPlugin<Manifest = unknown> extends PluginMetadata {
  override get pluginType(): typeof PluginType.DBT {
    return PluginType.DBT;
  }
  abstract compile(invocation?: DbtInvocation): Promise<DbtRunResult>;
  abstract run(invocation?: DbtInvocation): Promise<DbtRunResult>;
  abstract test(invocation?: DbtInvocation): Promise<DbtRunResult>;
  abstract build(invocation?: DbtInvocation): Promise<DbtRunResult>;
  abstract parseManifest(path?: string): Promise<Manifest>;
}
