/**
 * Validates one table against one expectation suite and builds Great
 * Expectations' validation result. An expectation that cannot be evaluated
 * (unknown type, bad kwargs, SQL error) is reported the way GX reports it:
 * `success: false` with `exception_info.raised_exception`, not thrown.
 */
import { sanitizeErrorMessage } from "@floe/runtime";
import { EVALUATORS, type Evaluation } from "./expectations.js";
import { messageOf } from "./errors.js";
import {
  statisticsOf,
  type ExpectationConfiguration,
  type ExpectationSuite,
  type ExpectationValidationResult,
  type ValidationResult,
} from "./gx-format.js";
import type { TableContext } from "./table-context.js";

const NO_EXCEPTION = { raised_exception: false, exception_traceback: null, exception_message: null };

async function evaluate(table: TableContext, expectation: ExpectationConfiguration): Promise<ExpectationValidationResult> {
  const evaluator = EVALUATORS[expectation.type];
  try {
    if (!evaluator) throw new Error(`Expectation type ${expectation.type} is not supported by floe's Great Expectations plugin`);
    const { success, result }: Evaluation = await evaluator(table, expectation.kwargs);
    return { success, expectation_config: expectation, result, meta: {}, exception_info: { ...NO_EXCEPTION } };
  } catch (error) {
    const message = sanitizeErrorMessage(messageOf(error));
    return {
      success: false,
      expectation_config: expectation,
      result: {},
      meta: {},
      exception_info: { raised_exception: true, exception_traceback: null, exception_message: message },
    };
  }
}

export async function validateTable(table: TableContext, suite: ExpectationSuite): Promise<ValidationResult> {
  const results: ExpectationValidationResult[] = [];
  for (const expectation of suite.expectations) results.push(await evaluate(table, expectation));
  return {
    success: results.every((r) => r.success),
    results,
    suite_name: suite.name,
    statistics: statisticsOf(results),
    meta: {
      great_expectations_format: "1.x",
      batch_spec: { engine: "duckdb", table: table.table },
      row_count: table.rowCount,
      validation_time: new Date().toISOString(),
      suite_meta: suite.meta,
    },
  };
}
