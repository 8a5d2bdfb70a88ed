/**
 * `MarquezLineagePlugin`: emits OpenLineage run events (START, RUNNING,
 * COMPLETE, FAIL, ABORT) and dataset events to Marquez's `POST /api/v1/lineage`,
 * after completing and validating them against the OpenLineage spec. Each
 * emission runs in a `lineage.*` span naming the job, event type, run id and
 * Marquez host; failures say why without the API key.
 */
import type { Span } from "@opentelemetry/api";
import {
  LineageBackendPlugin,
  type DatasetEventInput,
  type FloeContext,
  type OpenLineageDatasetEvent,
  type OpenLineageRunEvent,
  type RunEventInput,
} from "@floe/runtime";
import { httpRequestAs, parseConfig } from "@floe/runtime/plugin-kit";
import { marquezConfigSchema, type MarquezConfig, type MarquezConfigInput } from "./config.js";
import { LineageValidationError, MarquezError, MarquezTimeoutError, MarquezUnreachableError } from "./errors.js";
import { buildDatasetEvent, buildRunEvent } from "./openlineage.js";
import { assertEventAccepted } from "./responses.js";
import { ATTRIBUTES, lineageSpan, tracing } from "./tracing.js";
import { datasetEventProblems, runEventProblems } from "./validate.js";

export class MarquezLineagePlugin extends tracing.Plugin(LineageBackendPlugin) {
  private readonly config: MarquezConfig;
  private readonly endpoint: URL;
  /** Marquez's `host:port`: what spans and errors name. */
  readonly destination: string;
  private readonly floeContext: FloeContext | undefined;
  private readonly secrets: readonly string[];

  constructor(config: MarquezConfigInput) {
    super();
    this.config = parseConfig(this.name, marquezConfigSchema, config, { code: "invalid_config" });
    const base = new URL(this.config.url.endsWith("/") ? this.config.url : `${this.config.url}/`);
    this.endpoint = new URL(this.config.endpoint.slice(1), base);
    this.destination = base.host;
    this.floeContext = this.config.floe;
    this.secrets = this.config.apiKey ? [this.config.apiKey] : [];
  }

  async emitRunEvent(input: RunEventInput): Promise<OpenLineageRunEvent> {
    return lineageSpan(
      "emitRunEvent",
      {
        [ATTRIBUTES.JOB_NAME]: input.jobName,
        [ATTRIBUTES.JOB_NAMESPACE]: input.jobNamespace ?? this.config.namespace,
        [ATTRIBUTES.EVENT_TYPE]: input.eventType,
        [ATTRIBUTES.INPUT_COUNT]: input.inputs?.length ?? 0,
        [ATTRIBUTES.OUTPUT_COUNT]: input.outputs?.length ?? 0,
        [ATTRIBUTES.SERVER_ADDRESS]: this.destination,
      },
      async (span) => {
        try {
          const event = buildRunEvent(input, this.defaults());
          span.setAttribute(ATTRIBUTES.RUN_ID, event.run.runId);
          const problems = runEventProblems(event);
          if (problems.length > 0) throw new LineageValidationError(problems, this.destination);
          await this.post(span, event);
          return event;
        } catch (error) {
          recordFailure(span, error);
          throw error;
        }
      },
      { floe: this.floeContext },
    );
  }

  async emitDatasetEvent(input: DatasetEventInput): Promise<OpenLineageDatasetEvent> {
    return lineageSpan(
      "emitDatasetEvent",
      {
        [ATTRIBUTES.EVENT_TYPE]: "DATASET",
        [ATTRIBUTES.DATASET_NAMESPACE]: input.dataset?.namespace,
        [ATTRIBUTES.DATASET_NAME]: input.dataset?.name,
        [ATTRIBUTES.SERVER_ADDRESS]: this.destination,
      },
      async (span) => {
        try {
          const event = buildDatasetEvent(input, this.defaults());
          const problems = datasetEventProblems(event);
          if (problems.length > 0) throw new LineageValidationError(problems, this.destination);
          await this.post(span, event);
          return event;
        } catch (error) {
          recordFailure(span, error);
          throw error;
        }
      },
      { floe: this.floeContext },
    );
  }

  private defaults() {
    return { producer: this.config.producer, namespace: this.config.namespace };
  }

  private async post(span: Span, event: OpenLineageRunEvent | OpenLineageDatasetEvent): Promise<void> {
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
    if (this.config.apiKey) headers.authorization = `Bearer ${this.config.apiKey}`;
    const destination = this.destination;
    const response = await httpRequestAs(
      { method: "POST", url: this.endpoint, headers, body: JSON.stringify(event), timeoutMs: this.config.timeoutMs, peer: `Marquez at ${destination}` },
      {
        timeout: (cause) => new MarquezTimeoutError(cause.message, { code: "timeout", destination, cause }),
        unreachable: (cause) => new MarquezUnreachableError(cause.message, { code: "unreachable", destination, cause }),
      },
    );
    span.setAttribute(ATTRIBUTES.HTTP_STATUS, response.status);
    assertEventAccepted(response, { destination: this.destination, secrets: this.secrets });
  }
}

/** Why, on the span, before the (sanitized) error itself is recorded by the span helper. */
function recordFailure(span: Span, error: unknown): void {
  if (error instanceof MarquezError) {
    span.setAttribute(ATTRIBUTES.ERROR_TYPE, error.code);
    if (error.status !== undefined) span.setAttribute(ATTRIBUTES.HTTP_STATUS, error.status);
  } else {
    span.setAttribute(ATTRIBUTES.ERROR_TYPE, error instanceof Error ? error.name : "unknown");
  }
}
