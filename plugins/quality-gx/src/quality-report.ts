/**
 * Maps a Great Expectations validation result onto floe's quality contract:
 * one check per expectation, failures = unexpected rows, rows checked =
 * element count, passed rows = non-missing minus unexpected.
 */
import type { CheckResult, QualityReport } from "@floe/runtime";
import type { ExpectationValidationResult, ValidationResult } from "./gx-format.js";

/** `expect_column_values_to_not_be_null(customer_id)`; table expectations keep the bare type. */
export function checkName(result: ExpectationValidationResult): string {
  const column = result.expectation_config.kwargs.column;
  return typeof column === "string" ? `${result.expectation_config.type}(${column})` : result.expectation_config.type;
}

export function toCheckResult(result: ExpectationValidationResult): CheckResult {
  const detail = result.result;
  const raised = result.exception_info.raised_exception;
  const check: CheckResult = {
    name: checkName(result),
    status: raised ? "error" : result.success ? "pass" : "fail",
    failures: detail.unexpected_count ?? (result.success ? 0 : 1),
  };
  if (typeof detail.element_count === "number") {
    check.rowsChecked = detail.element_count;
    check.passCount = Math.max(0, detail.element_count - (detail.missing_count ?? 0) - (detail.unexpected_count ?? 0));
  }
  if (raised && result.exception_info.exception_message) check.message = result.exception_info.exception_message;
  else if (!result.success && detail.unexpected_count !== undefined) {
    check.message = `${detail.unexpected_count} unexpected value${detail.unexpected_count === 1 ? "" : "s"} of ${detail.element_count}`;
  } else if (!result.success && detail.observed_value !== undefined) {
    check.message = `observed value ${JSON.stringify(detail.observed_value)}`;
  }
  return check;
}

/** The rows of the validated table: the batch's row count, else the largest element count. */
function tableRows(validation: ValidationResult): number {
  const fromMeta = validation.meta.row_count;
  if (typeof fromMeta === "number") return fromMeta;
  const counts = validation.results.map((r) => r.result.element_count ?? (typeof r.result.observed_value === "number" ? r.result.observed_value : 0));
  return counts.length ? Math.max(...counts) : 0;
}

export function toQualityReport(validation: ValidationResult, raw: unknown = validation): QualityReport<unknown> {
  const results = validation.results.map(toCheckResult);
  return {
    success: validation.success,
    results,
    passCount: validation.statistics.successful_expectations,
    failCount: validation.statistics.unsuccessful_expectations,
    rowsChecked: tableRows(validation),
    raw,
  };
}
