/**
 * The Dagster GraphQL operations the plugin sends, written against the
 * webserver's schema (`launchRun`, `runOrError`, `reportRunlessAssetEvents`).
 */
import type { GraphQLOperation } from "./graphql-client.js";

export const LAUNCH_RUN: GraphQLOperation = {
  operationName: "LaunchRun",
  query: `mutation LaunchRun($executionParams: ExecutionParams!) {
  launchRun(executionParams: $executionParams) {
    __typename
    ... on LaunchRunSuccess {
      run {
        runId
        status
      }
    }
    ... on PipelineNotFoundError {
      message
      pipelineName
    }
    ... on RunConfigValidationInvalid {
      errors {
        message
        reason
      }
    }
    ... on InvalidSubsetError {
      message
    }
    ... on RunConflict {
      message
    }
    ... on UnauthorizedError {
      message
    }
    ... on PythonError {
      message
      className
    }
  }
}`,
};

export const RUN_STATUS: GraphQLOperation = {
  operationName: "RunStatus",
  query: `query RunStatus($runId: ID!) {
  runOrError(runId: $runId) {
    __typename
    ... on Run {
      runId
      status
    }
    ... on RunNotFoundError {
      message
    }
    ... on PythonError {
      message
    }
  }
}`,
};

export const RUN_ASSET_MATERIALIZATIONS: GraphQLOperation = {
  operationName: "RunAssetMaterializations",
  query: `query RunAssetMaterializations($runId: ID!) {
  runOrError(runId: $runId) {
    __typename
    ... on Run {
      runId
      status
      assetMaterializations {
        assetKey {
          path
        }
        timestamp
        stepKey
      }
    }
    ... on RunNotFoundError {
      message
    }
    ... on PythonError {
      message
    }
  }
}`,
};

export const REPORT_RUNLESS_ASSET_EVENTS: GraphQLOperation = {
  operationName: "ReportRunlessAssetEvents",
  query: `mutation ReportRunlessAssetEvents($eventParams: ReportRunlessAssetEventsParams!) {
  reportRunlessAssetEvents(eventParams: $eventParams) {
    __typename
    ... on ReportRunlessAssetEventsSuccess {
      assetKey {
        path
      }
    }
    ... on UnauthorizedError {
      message
    }
    ... on PythonError {
      message
    }
  }
}`,
};
