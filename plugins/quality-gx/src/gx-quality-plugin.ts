/**
 * `GxQualityPlugin`: floe's QUALITY plugin for Great Expectations suites.
 * `runChecks` evaluates a suite against a DuckDB table and returns GX's
 * validation result (as `raw`) with floe's check results; `parseResults`
 * maps a GX validation result produced elsewhere. Both run in `quality.*` spans.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { Span } from "@opentelemetry/api";
import { QualityPlugin, type QualityReport } from "@floe/runtime";
import { parseGxConfig, type GxQualityConfig, type ResolvedGxQualityConfig } from "./config.js";
import { GxEngineError, messageOf } from "./errors.js";
import { parseSuite, parseValidationResult, type ValidationResult } from "./gx-format.js";
import { toQualityReport } from "./quality-report.js";
import { connectionRunner, describeTable } from "./table-context.js";
import { ATTRIBUTES, qualitySpan, TRACER_NAME } from "./tracing.js";
import { validateTable } from "./validator.js";

const PROVIDER = "great_expectations";

export interface GxCheckRequest {
  /** An expectation suite in Great Expectations' JSON format (GX 0.x or 1.x keys). */
  suite: unknown;
  /** The table to validate: `table`, `schema.table` or `database.schema.table`. */
  table: string;
}

interface OpenDatabase {
  connection: DuckDBConnection;
  close(): void;
}

export class GxQualityPlugin extends QualityPlugin<GxCheckRequest, unknown> {
  readonly config: ResolvedGxQualityConfig;
  private database: Promise<OpenDatabase> | undefined;

  constructor(config: GxQualityConfig = {}) {
    super();
    this.config = parseGxConfig(config);
  }

  override get name(): string {
    return "quality-gx";
  }

  override get version(): string {
    return "0.1.0";
  }

  override get tracerName(): string {
    return TRACER_NAME;
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
        const { connection } = await this.open();
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
    const pending = this.database;
    this.database = undefined;
    if (pending) (await pending.catch(() => undefined))?.close();
  }

  private open(): Promise<OpenDatabase> {
    if (this.config.connection) {
      return Promise.resolve({ connection: this.config.connection, close: () => undefined });
    }
    if (!this.database) {
      const opening = (async () => {
        try {
          const options: Record<string, string> = this.config.readOnly ? { access_mode: "READ_ONLY" } : {};
          const instance = await DuckDBInstance.create(this.config.database, options);
          const connection = await instance.connect();
          return { connection, close: () => (connection.closeSync(), instance.closeSync()) };
        } catch (error) {
          throw new GxEngineError(`cannot open DuckDB database: ${messageOf(error)}`, { cause: error });
        }
      })();
      this.database = opening;
      opening.catch(() => {
        if (this.database === opening) this.database = undefined;
      });
    }
    return this.database;
  }
}

/** Totals on the span and one `quality.check` event per expectation (never values from the table). */
function recordReport(span: Span, report: QualityReport<unknown>, validation: ValidationResult): void {
  span.setAttribute(ATTRIBUTES.ROWS_CHECKED, report.rowsChecked);
  span.setAttribute(ATTRIBUTES.PASS_COUNT, report.passCount);
  span.setAttribute(ATTRIBUTES.FAIL_COUNT, report.failCount);
  span.setAttribute("quality.check_count", report.results.length);
  span.setAttribute("quality.success", report.success);
  if (validation.statistics.success_percent !== null) span.setAttribute("quality.success_percent", validation.statistics.success_percent);
  for (const check of report.results) {
    span.addEvent("quality.check", {
      [ATTRIBUTES.CHECK_NAME]: check.name,
      "quality.check_status": check.status,
      "quality.failures": check.failures,
      ...(check.rowsChecked !== undefined ? { [ATTRIBUTES.ROWS_CHECKED]: check.rowsChecked } : {}),
      ...(check.passCount !== undefined ? { [ATTRIBUTES.PASS_COUNT]: check.passCount } : {}),
    });
  }
}
