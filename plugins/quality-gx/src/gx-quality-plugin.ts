/**
 * `GxQualityPlugin`: floe's QUALITY plugin for Great Expectations suites.
 * `runChecks` evaluates a suite against a DuckDB table and returns GX's
 * validation result (as `raw`) with floe's check results; `parseResults`
 * maps a GX validation result produced elsewhere. Both run in `quality.*` spans.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Span } from "@opentelemetry/api";
import { QualityPlugin, type QualityReport } from "@floe/runtime";
import { recordQualityReport } from "@floe/runtime/plugin-kit";
import { DuckDBSessionSlot } from "@floe/plugin-compute-duckdb";
import { parseGxConfig, type GxQualityConfig, type ResolvedGxQualityConfig } from "./config.js";
import { GxEngineError, messageOf } from "./errors.js";
import { parseSuite, parseValidationResult, type ValidationResult } from "./gx-format.js";
import { toQualityReport } from "./quality-report.js";
import { connectionRunner, describeTable } from "./table-context.js";
import { ATTRIBUTES, qualitySpan, tracing } from "./tracing.js";
import { validateTable } from "./validator.js";

const PROVIDER = "great_expectations";

export interface GxCheckRequest {
  /** An expectation suite in Great Expectations' JSON format (GX 0.x or 1.x keys). */
  suite: unknown;
  /** The table to validate: `table`, `schema.table` or `database.schema.table`. */
  table: string;
}

export class GxQualityPlugin extends tracing.Plugin(QualityPlugin<GxCheckRequest, unknown>) {
  readonly config: ResolvedGxQualityConfig;
  /** The database the plugin opens itself (unused when a connection is injected). */
  private readonly database: DuckDBSessionSlot;

  constructor(config: GxQualityConfig = {}) {
    super();
    this.config = parseGxConfig(config);
    this.database = new DuckDBSessionSlot({
      path: this.config.database,
      settings: this.config.readOnly ? { access_mode: "READ_ONLY" } : {},
      extensions: [],
      attach: [],
    });
  }

  private get floeContext() {
    return this.config.floe;
  }

  /** Evaluates the suite against the table; `raw` is GX's validation result. */
  runChecks(request: GxCheckRequest): Promise<QualityReport<unknown>> {
    return qualitySpan(
      "runChecks",
      { [ATTRIBUTES.PROVIDER]: PROVIDER, "quality.table": request.table },
      async (span) => {
        const suite = parseSuite(request.suite);
        span.setAttribute(ATTRIBUTES.CHECK_NAME, suite.name);
        const connection = await this.connection();
        const table = await describeTable(request.table, connectionRunner(connection), this.config.partialUnexpectedCount);
        const validation = await validateTable(table, suite);
        const report = toQualityReport(validation);
        recordReport(span, report, validation);
        return report;
      },
      { floe: this.floeContext },
    );
  }

  /** Check results from a GX validation result (from GX itself or from `runChecks`). */
  parseResults(raw: unknown): Promise<QualityReport<unknown>> {
    return qualitySpan(
      "parseResults",
      { [ATTRIBUTES.PROVIDER]: PROVIDER },
      async (span) => {
        const validation = parseValidationResult(raw);
        span.setAttribute(ATTRIBUTES.CHECK_NAME, validation.suite_name);
        const report = toQualityReport(validation, raw);
        recordReport(span, report, validation);
        return report;
      },
      { floe: this.floeContext },
    );
  }

  /** Closes the database the plugin opened (an injected connection stays open). */
  async close(): Promise<void> {
    await this.database.close();
  }

  private async connection(): Promise<DuckDBConnection> {
    if (this.config.connection) return this.config.connection;
    try {
      return (await this.database.get()).connection;
    } catch (error) {
      throw new GxEngineError(messageOf(error), { cause: error });
    }
  }
}

/** The kit's totals and per-expectation events, plus GX's success percent (never values from the table). */
function recordReport(span: Span, report: QualityReport<unknown>, validation: ValidationResult): void {
  recordQualityReport(span, report);
  if (validation.statistics.success_percent !== null) span.setAttribute("quality.success_percent", validation.statistics.success_percent);
}
