/**
 * The supported expectations, each evaluated as SQL against the table and
 * reported with Great Expectations' semantics: nulls are "missing" (not
 * unexpected) except for not_null, `unexpected_percent` is relative to the
 * non-missing rows, `mostly` relaxes the pass threshold, and the first
 * `partialUnexpectedCount` unexpected values are listed.
 */
import type { DuckDBValue } from "@duckdb/node-api";
import type { ExpectationResultDetail } from "./gx-format.js";
import { quoteIdentifier, type TableContext } from "./table-context.js";

/** A problem with the expectation itself (bad kwargs, unknown column): GX reports it as an exception. */
class ExpectationConfigError extends Error {
  override readonly name = "ExpectationConfigError";
}

export interface Evaluation {
  success: boolean;
  result: ExpectationResultDetail;
}

export type Evaluator = (table: TableContext, kwargs: Record<string, unknown>) => Promise<Evaluation>;

/** Collects positional parameters, cast to the column's type so dates, decimals and strings compare correctly. */
class Params {
  readonly values: DuckDBValue[] = [];

  add(value: unknown, type?: string): string {
    if (value !== null && !["string", "number", "boolean"].includes(typeof value)) {
      throw new ExpectationConfigError(`unsupported value ${JSON.stringify(value)}: expected a string, number or boolean`);
    }
    this.values.push(value as DuckDBValue);
    const placeholder = `$${this.values.length}`;
    return type ? `CAST(${placeholder} AS ${type})` : placeholder;
  }
}

function columnOf(table: TableContext, kwargs: Record<string, unknown>): { sql: string; type: string } {
  const column = kwargs.column;
  if (typeof column !== "string" || column === "") throw new ExpectationConfigError("kwargs.column is required");
  const exact = table.columns.get(column);
  const name = exact !== undefined ? column : [...table.columns.keys()].find((c) => c.toLowerCase() === column.toLowerCase());
  if (name === undefined) throw new ExpectationConfigError(`The column "${column}" in BatchData does not exist.`);
  return { sql: quoteIdentifier(name), type: table.columns.get(name)! };
}

function mostlyOf(kwargs: Record<string, unknown>): number {
  const mostly = kwargs.mostly ?? 1;
  if (typeof mostly !== "number" || mostly < 0 || mostly > 1) throw new ExpectationConfigError("kwargs.mostly must be a number between 0 and 1");
  return mostly;
}

const percent = (part: number, whole: number): number | null => (whole === 0 ? null : (part / whole) * 100);

interface ColumnMapQuery {
  /** Relation to read; default the table. The column is available as `v`. */
  source?: string;
  /** SQL that is true for an unexpected non-null `v`. */
  unexpected: string;
  params: Params;
}

/** Runs a column map expectation: counts, missing, unexpected and the partial unexpected list. */
async function columnMap(table: TableContext, kwargs: Record<string, unknown>, column: string, query: ColumnMapQuery): Promise<Evaluation> {
  const mostly = mostlyOf(kwargs);
  const source = query.source ?? `(SELECT ${column} AS v FROM ${table.relation})`;
  const [counts] = await table.run(
    `SELECT count(*) AS element_count, count(*) FILTER (WHERE v IS NULL) AS missing_count,
            count(*) FILTER (WHERE v IS NOT NULL AND (${query.unexpected})) AS unexpected_count
       FROM ${source} AS t`,
    query.params.values,
  );
  const elementCount = Number(counts!.element_count);
  const missingCount = Number(counts!.missing_count);
  const unexpectedCount = Number(counts!.unexpected_count);
  const partial = unexpectedCount === 0 ? [] : await table.run(
    `SELECT v FROM ${source} AS t WHERE v IS NOT NULL AND (${query.unexpected}) LIMIT ${table.partialUnexpectedCount}`,
    query.params.values,
  );
  const nonMissing = elementCount - missingCount;
  return {
    success: nonMissing === 0 || (nonMissing - unexpectedCount) / nonMissing >= mostly,
    result: {
      element_count: elementCount,
      unexpected_count: unexpectedCount,
      unexpected_percent: percent(unexpectedCount, nonMissing),
      partial_unexpected_list: partial.map((row) => row.v),
      missing_count: missingCount,
      missing_percent: percent(missingCount, elementCount),
      unexpected_percent_total: percent(unexpectedCount, elementCount),
      unexpected_percent_nonmissing: percent(unexpectedCount, nonMissing),
    },
  };
}

/** The SQL bounds check for min/max kwargs (either may be absent, not both). */
function boundsCondition(value: string, kwargs: Record<string, unknown>, params: Params, type?: string): string {
  const min = kwargs.min_value ?? null;
  const max = kwargs.max_value ?? null;
  if (min === null && max === null) throw new ExpectationConfigError("min_value and max_value cannot both be None");
  const checks: string[] = [];
  if (min !== null) checks.push(`${value} ${kwargs.strict_min ? ">" : ">="} ${params.add(min, type)}`);
  if (max !== null) checks.push(`${value} ${kwargs.strict_max ? "<" : "<="} ${params.add(max, type)}`);
  return checks.join(" AND ");
}

export const EVALUATORS: Readonly<Record<string, Evaluator>> = {
  async expect_column_values_to_not_be_null(table, kwargs) {
    const column = columnOf(table, kwargs).sql;
    const mostly = mostlyOf(kwargs);
    const [counts] = await table.run(
      `SELECT count(*) AS element_count, count(*) FILTER (WHERE ${column} IS NULL) AS unexpected_count FROM ${table.relation}`,
    );
    const elementCount = Number(counts!.element_count);
    const unexpectedCount = Number(counts!.unexpected_count);
    return {
      success: elementCount === 0 || (elementCount - unexpectedCount) / elementCount >= mostly,
      result: {
        element_count: elementCount,
        unexpected_count: unexpectedCount,
        unexpected_percent: percent(unexpectedCount, elementCount),
        unexpected_percent_total: percent(unexpectedCount, elementCount),
        partial_unexpected_list: Array.from({ length: Math.min(unexpectedCount, table.partialUnexpectedCount) }, () => null),
      },
    };
  },

  async expect_column_values_to_be_unique(table, kwargs) {
    const column = columnOf(table, kwargs).sql;
    return columnMap(table, kwargs, column, {
      source: `(SELECT ${column} AS v, count(*) OVER (PARTITION BY ${column}) AS occurrences FROM ${table.relation})`,
      unexpected: "occurrences > 1",
      params: new Params(),
    });
  },

  async expect_column_values_to_be_between(table, kwargs) {
    const { sql: column, type } = columnOf(table, kwargs);
    const params = new Params();
    return columnMap(table, kwargs, column, { unexpected: `NOT (${boundsCondition("v", kwargs, params, type)})`, params });
  },

  async expect_column_values_to_be_in_set(table, kwargs) {
    const { sql: column, type } = columnOf(table, kwargs);
    if (!Array.isArray(kwargs.value_set)) throw new ExpectationConfigError("kwargs.value_set must be a list");
    const params = new Params();
    const members = kwargs.value_set.map((value) => params.add(value, type));
    return columnMap(table, kwargs, column, { unexpected: members.length ? `v NOT IN (${members.join(", ")})` : "true", params });
  },

  async expect_column_values_to_match_regex(table, kwargs) {
    const column = columnOf(table, kwargs).sql;
    if (typeof kwargs.regex !== "string") throw new ExpectationConfigError("kwargs.regex must be a string");
    const params = new Params();
    return columnMap(table, kwargs, column, { unexpected: `NOT regexp_matches(CAST(v AS VARCHAR), ${params.add(kwargs.regex)})`, params });
  },

  async expect_table_row_count_to_be_between(table, kwargs) {
    const params = new Params();
    const condition = boundsCondition("n", kwargs, params);
    const [row] = await table.run(`SELECT (${condition}) AS ok FROM (SELECT ${table.rowCount}::BIGINT AS n)`, params.values);
    return { success: row?.ok === true, result: { observed_value: table.rowCount } };
  },
};

export const SUPPORTED_EXPECTATIONS: readonly string[] = Object.keys(EVALUATORS);
