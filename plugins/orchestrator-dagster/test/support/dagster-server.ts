/**
 * A Dagster webserver GraphQL stand-in on loopback. It parses each request
 * with the reference `graphql` parser, requires the named operation, checks
 * the variable types the real schema declares, dispatches on the root field
 * (`launchRun`, `runOrError`, `reportRunlessAssetEvents`), and answers only
 * the fields the operation selected (inline fragments resolved by
 * `__typename`), as a GraphQL server does. Runs advance one status per poll.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Kind, parse, print, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import { jsonAnswer, ScriptedAnswers, sendBody, startLoopbackServer, type RecordedRequest } from "@floe/runtime/testing";

export interface RecordedOperation {
  operationName: string;
  rootField: string;
  variables: Record<string, any>;
  headers: IncomingMessage["headers"];
}

export interface Fault {
  status: number;
  body?: unknown;
  delayMs?: number;
}

interface StoredRun {
  runId: string;
  jobName: string;
  selection: string[][];
  tags: Array<{ key: string; value: string }>;
  statuses: string[];
  polls: number;
}

export interface DagsterServerOptions {
  repositoryLocationName: string;
  repositoryName: string;
  jobs: string[];
  /** Asset keys (joined with `/`) the asset job can select. */
  assets: string[];
  apiToken?: string;
}

export interface DagsterServer {
  url: string;
  operations: RecordedOperation[];
  runs: Map<string, StoredRun>;
  reportedEvents: Array<Record<string, any>>;
  /** Status sequence the next launched run walks through, one per poll. */
  setNextRunStatuses(statuses: string[]): void;
  addFault(fault: Fault): void;
  close(): Promise<void>;
}

const VARIABLE_TYPES: Record<string, Record<string, string>> = {
  launchRun: { executionParams: "ExecutionParams!" },
  runOrError: { runId: "ID!" },
  reportRunlessAssetEvents: { eventParams: "ReportRunlessAssetEventsParams!" },
};

/** Keeps only what the selection set asks for, resolving inline fragments on `__typename`. */
function project(value: any, selectionSet: SelectionSetNode | undefined): any {
  if (value === null || value === undefined || !selectionSet) return value ?? null;
  if (Array.isArray(value)) return value.map((item) => project(item, selectionSet));
  const out: Record<string, unknown> = {};
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      out[selection.alias?.value ?? name] = project(value[name], selection.selectionSet);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!selection.typeCondition || selection.typeCondition.name.value === value.__typename) {
        Object.assign(out, project(value, selection.selectionSet));
      }
    }
  }
  return out;
}

export async function startDagsterServer(options: DagsterServerOptions): Promise<DagsterServer> {
  const operations: RecordedOperation[] = [];
  const runs = new Map<string, StoredRun>();
  const reportedEvents: Array<Record<string, any>> = [];
  const faults = new ScriptedAnswers();
  let nextStatuses = ["QUEUED", "STARTING", "STARTED", "SUCCESS"];

  function launchRun(params: any): any {
    const selector = params?.selector ?? {};
    if (selector.repositoryLocationName !== options.repositoryLocationName || selector.repositoryName !== options.repositoryName) {
      return { __typename: "PythonError", message: `Could not find repository ${selector.repositoryName}@${selector.repositoryLocationName}`, className: "DagsterError" };
    }
    if (!options.jobs.includes(selector.jobName)) {
      return { __typename: "PipelineNotFoundError", message: `Could not find Pipeline ${selector.jobName}`, pipelineName: selector.jobName };
    }
    const selection: string[][] = (selector.assetSelection ?? []).map((k: { path: string[] }) => k.path);
    const unknown = selection.filter((path) => !options.assets.includes(path.join("/")));
    if (unknown.length) {
      return { __typename: "InvalidSubsetError", message: `Asset keys ${unknown.map((p) => p.join("/")).join(", ")} not found` };
    }
    if (params.runConfigData && typeof params.runConfigData !== "object") {
      return { __typename: "RunConfigValidationInvalid", errors: [{ message: "run config must be a dict", reason: "RUNTIME_TYPE_MISMATCH" }] };
    }
    const run: StoredRun = {
      runId: randomUUID(),
      jobName: selector.jobName,
      selection,
      tags: params.executionMetadata?.tags ?? [],
      statuses: [...nextStatuses],
      polls: 0,
    };
    runs.set(run.runId, run);
    return { __typename: "LaunchRunSuccess", run: { __typename: "Run", runId: run.runId, status: "QUEUED" } };
  }

  function runOrError(runId: string): any {
    const run = runs.get(runId);
    if (!run) return { __typename: "RunNotFoundError", message: `Run ${runId} could not be found.`, runId };
    const status = run.statuses[Math.min(run.polls, run.statuses.length - 1)];
    run.polls += 1;
    const done = status === "SUCCESS";
    return {
      __typename: "Run",
      runId,
      status,
      assetMaterializations: done
        ? run.selection.map((path, i) => ({
            __typename: "MaterializationEvent",
            assetKey: { __typename: "AssetKey", path },
            timestamp: String(1_700_000_000_000 + i),
            stepKey: path.at(-1),
          }))
        : [],
    };
  }

  async function handle(request: RecordedRequest, res: ServerResponse, req: IncomingMessage): Promise<void> {
    if (faults.serveNext(res, req)) return;
    if (request.method !== "POST" || request.path !== "/graphql" || Object.keys(request.query).length > 0) {
      sendBody(res, 404, "Not Found");
      return;
    }
    if (options.apiToken && request.headers["dagster-cloud-api-token"] !== options.apiToken) {
      sendBody(res, 401, { errors: [{ message: "Invalid or missing Dagster Cloud API token" }] });
      return;
    }
    const body = JSON.parse(request.body);
    let operation: OperationDefinitionNode | undefined;
    try {
      const document = parse(body.query);
      operation = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === body.operationName,
      );
    } catch (error) {
      sendBody(res, 400, { errors: [{ message: `Syntax Error: ${(error as Error).message}` }] });
      return;
    }
    if (!operation) {
      sendBody(res, 400, { errors: [{ message: `Unknown operation named "${body.operationName}".` }] });
      return;
    }
    const root = operation.selectionSet.selections[0];
    if (root?.kind !== Kind.FIELD) {
      sendBody(res, 400, { errors: [{ message: "expected a root field" }] });
      return;
    }
    const rootField = root.name.value;
    const declared = Object.fromEntries(
      (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, print(v.type)]),
    );
    const expected = VARIABLE_TYPES[rootField];
    if (!expected) {
      sendBody(res, 200, { errors: [{ message: `Cannot query field "${rootField}" on type "${operation.operation === "mutation" ? "Mutation" : "Query"}".` }] });
      return;
    }
    for (const [name, type] of Object.entries(expected)) {
      if (declared[name] !== type) {
        sendBody(res, 200, { errors: [{ message: `Variable "$${name}" of type "${declared[name]}" used in position expecting type "${type}".` }] });
        return;
      }
    }
    const variables = body.variables ?? {};
    operations.push({ operationName: body.operationName, rootField, variables, headers: request.headers });

    let result: any;
    if (rootField === "launchRun") result = launchRun(variables.executionParams);
    else if (rootField === "runOrError") result = runOrError(variables.runId);
    else {
      reportedEvents.push(variables.eventParams);
      result = { __typename: "ReportRunlessAssetEventsSuccess", assetKey: { __typename: "AssetKey", path: variables.eventParams.assetKey.path } };
    }
    sendBody(res, 200, { data: { [root.alias?.value ?? rootField]: project(result, root.selectionSet) } });
  }

  const server = await startLoopbackServer((request, res, req) =>
    handle(request, res, req).catch((error: unknown) => {
      if (!res.headersSent) sendBody(res, 500, { errors: [{ message: String(error) }] });
    }),
  );
  return {
    url: server.url,
    operations,
    runs,
    reportedEvents,
    setNextRunStatuses: (statuses) => {
      nextStatuses = statuses;
    },
    addFault: ({ status, body = "", delayMs }) => faults.push(jsonAnswer(status, body, { delayMs })),
    close: () => {
      faults.cancel();
      return server.close();
    },
  };
}
