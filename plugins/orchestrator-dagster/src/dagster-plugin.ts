/**
 * `DagsterOrchestratorPlugin`: builds Dagster's asset graph from a dbt
 * manifest, launches runs through the webserver's GraphQL API, polls them to
 * completion and reads or reports asset materializations. Each operation runs
 * inside the `orchestrator.<operation>` span.
 */
import { OrchestratorPlugin, TERMINAL_RUN_STATUSES, type RunStatus } from "@floe/runtime";
import { sleep } from "@floe/runtime/plugin-kit";
import { buildAssetGraph, keyToString, loadManifest, type AssetGraph, type DefinitionsSource } from "./asset-graph.js";
import { parseDagsterConfig, type DagsterConfig, type DagsterConfigInput } from "./config.js";
import {
  DagsterUnauthorizedError,
  LaunchRunError,
  MalformedResponseError,
  DagsterError,
  RunFailedError,
  RunNotFoundError,
} from "./errors.js";
import { DagsterGraphQLClient } from "./graphql-client.js";
import { LAUNCH_RUN, REPORT_RUNLESS_ASSET_EVENTS, RUN_ASSET_MATERIALIZATIONS, RUN_STATUS } from "./operations.js";
import { ATTRIBUTES, orchestratorSpan, tracing } from "./tracing.js";

/** Dagster's implicit job that materializes any asset selection. */
export const ASSET_JOB = "__ASSET_JOB";

export interface LaunchRunRequest {
  /** Job to run; defaults to the implicit asset job. */
  jobName?: string;
  /** Asset keys to materialize (required for the asset job). */
  assetSelection?: string[][];
  runConfig?: Record<string, unknown>;
  tags?: Record<string, string>;
}

export interface AssetMaterialization {
  assetKey: string[];
  timestamp: string;
  stepKey: string | null;
}

export interface RunResult {
  runId: string;
  status: RunStatus;
  materializations: AssetMaterialization[];
}

export interface ReportMaterializationOptions {
  description?: string;
  partitionKeys?: string[];
}

const KNOWN_STATUSES = new Set<string>([
  "QUEUED", "NOT_STARTED", "MANAGED", "STARTING", "STARTED", "SUCCESS", "FAILURE", "CANCELING", "CANCELED",
]);

type Typed = { __typename?: string; message?: string };

function unionError(result: Typed | undefined, context: string): DagsterError {
  const typename = result?.__typename ?? "unknown";
  const message = `${context}: ${typename}${result?.message ? `: ${result.message}` : ""}`;
  if (typename === "UnauthorizedError") return new DagsterUnauthorizedError(message, { code: typename });
  if (typename === "RunNotFoundError") return new RunNotFoundError(message, { code: typename });
  return new LaunchRunError(message, { code: typename });
}

export class DagsterOrchestratorPlugin extends tracing.Plugin(OrchestratorPlugin<DefinitionsSource, AssetGraph, LaunchRunRequest>) {
  readonly config: DagsterConfig;
  private readonly client: DagsterGraphQLClient;

  constructor(config: DagsterConfigInput) {
    super();
    this.config = parseDagsterConfig(config);
    this.client = new DagsterGraphQLClient(this.config);
  }

  async createDefinitions(source: DefinitionsSource): Promise<AssetGraph> {
    return orchestratorSpan("createDefinitions", { [ATTRIBUTES.OPERATION]: "createDefinitions" }, async (span) => {
      const graph = buildAssetGraph(await loadManifest(source.manifest), this.config.assetKeyPrefix);
      span.setAttribute("orchestrator.asset_count", graph.assets.length);
      span.setAttribute("orchestrator.group_count", Object.keys(graph.groups).length);
      return graph;
    }, { floe: this.config.floe });
  }

  async launchRun(request: LaunchRunRequest): Promise<string> {
    const jobName = request.jobName ?? ASSET_JOB;
    const attributes: Record<string, string> = { [ATTRIBUTES.OPERATION]: "launchRun", "orchestrator.job_name": jobName };
    if (request.assetSelection?.length) attributes[ATTRIBUTES.ASSET_KEY] = request.assetSelection.map(keyToString).join(",");
    return orchestratorSpan("launchRun", attributes, async (span) => {
      const selector: Record<string, unknown> = {
        repositoryLocationName: this.config.repositoryLocationName,
        repositoryName: this.config.repositoryName,
        jobName,
      };
      if (request.assetSelection?.length) selector.assetSelection = request.assetSelection.map((path) => ({ path }));
      const executionParams = {
        selector,
        runConfigData: request.runConfig ?? {},
        executionMetadata: { tags: Object.entries(request.tags ?? {}).map(([key, value]) => ({ key, value })) },
      };
      const data = await this.client.request<{ launchRun?: Typed & { run?: { runId?: string } } }>(LAUNCH_RUN, { executionParams });
      const result = data.launchRun;
      if (result?.__typename !== "LaunchRunSuccess") {
        const detail = (result as { errors?: Array<{ message: string }> } | undefined)?.errors?.map((e) => e.message).join("; ");
        throw unionError(detail ? { ...result, message: detail } : result, `launch ${jobName}`);
      }
      const runId = result.run?.runId;
      if (!runId) throw new MalformedResponseError("launchRun: LaunchRunSuccess without run.runId", { code: "MALFORMED_RESPONSE" });
      span.setAttribute(ATTRIBUTES.RUN_ID, runId);
      return runId;
    }, { floe: this.config.floe });
  }

  async getRunStatus(runId: string): Promise<RunStatus> {
    return orchestratorSpan("getRunStatus", { [ATTRIBUTES.OPERATION]: "getRunStatus", [ATTRIBUTES.RUN_ID]: runId }, async (span) => {
      const data = await this.client.request<{ runOrError?: Typed & { status?: string } }>(RUN_STATUS, { runId });
      const result = data.runOrError;
      if (result?.__typename !== "Run") throw unionError(result, `run ${runId}`);
      const status: RunStatus = KNOWN_STATUSES.has(String(result.status)) ? (result.status as RunStatus) : "UNKNOWN";
      span.setAttribute(ATTRIBUTES.RUN_STATUS, status);
      return status;
    }, { floe: this.config.floe });
  }

  /** Asset materializations a run recorded. */
  async getRunMaterializations(runId: string): Promise<AssetMaterialization[]> {
    return orchestratorSpan("getRunMaterializations", {
      [ATTRIBUTES.OPERATION]: "getRunMaterializations",
      [ATTRIBUTES.RUN_ID]: runId,
    }, async (span) => {
      const data = await this.client.request<{
        runOrError?: Typed & { assetMaterializations?: Array<{ assetKey?: { path?: string[] }; timestamp?: string; stepKey?: string | null }> };
      }>(RUN_ASSET_MATERIALIZATIONS, { runId });
      const result = data.runOrError;
      if (result?.__typename !== "Run") throw unionError(result, `run ${runId}`);
      if (!Array.isArray(result.assetMaterializations)) {
        throw new MalformedResponseError(`run ${runId}: assetMaterializations missing`, { code: "MALFORMED_RESPONSE" });
      }
      const events = result.assetMaterializations.map((event) => ({
        assetKey: event.assetKey?.path ?? [],
        timestamp: String(event.timestamp ?? ""),
        stepKey: event.stepKey ?? null,
      }));
      span.setAttribute(ATTRIBUTES.ASSET_KEY, [...new Set(events.map((e) => keyToString(e.assetKey)))].join(","));
      return events;
    }, { floe: this.config.floe });
  }

  /** Polls `runOrError` until the run ends; returns its materializations, or throws RunFailedError. */
  async waitForRun(runId: string): Promise<RunResult> {
    return orchestratorSpan("waitForRun", { [ATTRIBUTES.OPERATION]: "waitForRun", [ATTRIBUTES.RUN_ID]: runId }, async (span) => {
      let status: RunStatus = "UNKNOWN";
      for (let poll = 1; poll <= this.config.maxPolls; poll++) {
        status = await this.getRunStatus(runId);
        if (TERMINAL_RUN_STATUSES.includes(status)) break;
        if (poll === this.config.maxPolls) {
          throw new DagsterError(`run ${runId} still ${status} after ${poll} polls`, { code: "WAIT_EXHAUSTED" });
        }
        await sleep(this.config.pollIntervalMs);
      }
      span.setAttribute(ATTRIBUTES.RUN_STATUS, status);
      if (status !== "SUCCESS") throw new RunFailedError(`run ${runId} ended ${status}`, { code: status });
      const materializations = await this.getRunMaterializations(runId);
      return { runId, status, materializations };
    }, { floe: this.config.floe });
  }

  /** Records a materialization that happened outside Dagster (`reportRunlessAssetEvents`). */
  async reportMaterialization(assetKey: string[], options: ReportMaterializationOptions = {}): Promise<void> {
    return orchestratorSpan("reportMaterialization", {
      [ATTRIBUTES.OPERATION]: "reportMaterialization",
      [ATTRIBUTES.ASSET_KEY]: keyToString(assetKey),
    }, async () => {
      const eventParams: Record<string, unknown> = { eventType: "ASSET_MATERIALIZATION", assetKey: { path: assetKey } };
      if (options.description !== undefined) eventParams.description = options.description;
      if (options.partitionKeys?.length) eventParams.partitionKeys = options.partitionKeys;
      const data = await this.client.request<{ reportRunlessAssetEvents?: Typed }>(REPORT_RUNLESS_ASSET_EVENTS, { eventParams });
      const result = data.reportRunlessAssetEvents;
      if (result?.__typename !== "ReportRunlessAssetEventsSuccess") throw unionError(result, `report ${keyToString(assetKey)}`);
    }, { floe: this.config.floe });
  }
}
