/**
 * `DuckDBComputePlugin`: floe's COMPUTE plugin for embedded DuckDB. Renders
 * dbt-duckdb profiles, validates that the database opens and answers, and
 * runs parameterised SQL; every operation runs inside a `compute.*` span.
 */
import { ResultReturnType, StatementType } from "@duckdb/node-api";
import { ComputePlugin, type ConnectionStatus, type DbtProfiles, type QueryParams, type QueryResult } from "@floe/runtime";
import { parseConfig, type DuckDBComputeConfig, type ResolvedDuckDBComputeConfig } from "./config.js";
import { toDuckDBParams, type DuckDBSession } from "./duckdb-session.js";
import { DuckDBClosedError, DuckDBComputeError, DuckDBQueryError, messageOf } from "./errors.js";
import { duckdbProfiles } from "./profiles.js";
import { plainRow } from "./row-values.js";
import { DuckDBSessionSlot } from "./session-slot.js";
import { ATTRIBUTES, computeSpan, tracing } from "./tracing.js";

const ENGINE = "duckdb";

export class DuckDBComputePlugin extends tracing.Plugin(ComputePlugin) {
  readonly config: ResolvedDuckDBComputeConfig;
  private readonly session: DuckDBSessionSlot;
  private closed = false;

  constructor(config: DuckDBComputeConfig = {}) {
    super();
    this.config = parseConfig(config);
    this.session = new DuckDBSessionSlot(this.config);
  }

  private get floeContext() {
    return this.config.floe;
  }

  private attributes(operation: string) {
    return { [ATTRIBUTES.ENGINE]: ENGINE, [ATTRIBUTES.OPERATION]: operation };
  }

  /** The dbt-duckdb profile for this database, keyed by the configured profile name. */
  async getProfiles(target?: string): Promise<DbtProfiles> {
    return computeSpan(
      "getProfiles",
      this.attributes("getProfiles"),
      async () => duckdbProfiles(this.config, target ?? this.config.target),
      { floe: this.floeContext },
    );
  }

  /**
   * Opens the database (extensions, attachments), runs `SELECT 1` and reports
   * the DuckDB version. A failure is recorded on the span and returned as
   * `{ ok: false, detail }` with a sanitized detail.
   */
  async validateConnection(): Promise<ConnectionStatus> {
    try {
      return await computeSpan(
        "validateConnection",
        this.attributes("validateConnection"),
        async () => {
          const { connection } = await this.open();
          try {
            const probe = await connection.runAndReadAll("SELECT 1 AS ok, version() AS version");
            const row = probe.getRowObjectsJS()[0] as { ok: number; version: string };
            if (row?.ok !== 1) throw new DuckDBQueryError("SELECT 1 did not return 1");
            return { ok: true, version: row.version };
          } catch (error) {
            if (error instanceof DuckDBComputeError) throw error;
            throw new DuckDBQueryError(`connection check failed: ${messageOf(error)}`, { cause: error });
          }
        },
        { floe: this.floeContext },
      );
    } catch (error) {
      if (error instanceof DuckDBComputeError) return { ok: false, detail: error.message };
      throw error;
    }
  }

  /** Runs one SQL statement with positional (`$1`, `?`) or named (`$name`) parameters. */
  async execute<Row = Record<string, unknown>>(sql: string, params?: QueryParams): Promise<QueryResult<Row>> {
    return computeSpan(
      "execute",
      this.attributes("execute"),
      async (span) => {
        const values = toDuckDBParams(params);
        const { connection } = await this.open();
        let reader;
        try {
          reader = await connection.runAndReadAll(sql, values);
        } catch (error) {
          throw new DuckDBQueryError(messageOf(error), { cause: error });
        }
        const rows = reader.getRowObjectsJS().map((row) => plainRow(row) as Row);
        const rowCount = reader.returnType === ResultReturnType.CHANGED_ROWS ? reader.rowsChanged : rows.length;
        const statement = StatementType[reader.statementType];
        if (statement) span.setAttribute("db.operation.name", statement);
        span.setAttribute(ATTRIBUTES.ROW_COUNT, rowCount);
        return { rows, columns: reader.columnNames(), rowCount };
      },
      { floe: this.floeContext },
    );
  }

  /** Closes the database. Further calls fail with DuckDBClosedError. */
  async close(): Promise<void> {
    this.closed = true;
    await this.session.close();
  }

  private open(): Promise<DuckDBSession> {
    if (this.closed) return Promise.reject(new DuckDBClosedError());
    return this.session.get();
  }
}
