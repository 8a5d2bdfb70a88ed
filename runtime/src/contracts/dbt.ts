/** Contract for DBT plugins: compile, run, test, build and parse the manifest. */
import { PluginType } from "../conventions.js";
import { PluginMetadata } from "../plugins/plugin-metadata.js";

/** The dbt commands the contract runs. */
export type DbtCommand = "compile" | "run" | "test" | "build";

/** What to run: node selection and per-invocation flags. */
export interface DbtInvocation {
  /** `--select` node selection (each entry one selector argument). */
  select?: string[];
  /** `--exclude` node selection. */
  exclude?: string[];
  /** `--selector`: a named selector from selectors.yml. */
  selector?: string;
  /** `--target` in profiles.yml. */
  target?: string;
  /** `--vars`, passed as JSON. */
  vars?: Record<string, unknown>;
  /** `--threads`. */
  threads?: number;
  /** `--full-refresh` (run and build). */
  fullRefresh?: boolean;
}

/** Per-node status as dbt writes it in run_results.json. */
export type DbtNodeStatus = "success" | "error" | "skipped" | "pass" | "fail" | "warn" | "runtime error" | (string & {});

export interface DbtNodeResult {
  uniqueId: string;
  status: DbtNodeStatus;
  /** Seconds. */
  executionTime: number;
  message?: string | null;
  failures?: number | null;
  /** Adapter response (`rows_affected`, `code`, ...). */
  adapterResponse?: Record<string, unknown>;
  relationName?: string | null;
}

export interface DbtRunResult {
  /** True when every node succeeded (or passed) and dbt exited 0. */
  success: boolean;
  command: string;
  results: DbtNodeResult[];
  /** Seconds, from run_results.json. */
  elapsedTime: number;
  invocationId?: string;
  /** `dbt_version` from run_results.json metadata. */
  dbtVersion?: string;
  /** dbt's process exit code (0 ok, 1 handled failures). */
  exitCode?: number;
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
