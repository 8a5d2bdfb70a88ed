/**
 * What every QUALITY plugin records about a finished check run, in one
 * place: the totals on the `quality.*` span and one `quality.check` event
 * per check (name, status, counts; never messages or values from the data).
 */
import type { Attributes, Span } from "@opentelemetry/api";
import { CATEGORY_ATTRIBUTES } from "../conventions.js";
import type { CheckResult, QualityReport } from "../contracts/quality.js";

const QUALITY = CATEGORY_ATTRIBUTES.quality;

/** The attributes of one `quality.check` event. */
export function checkEventAttributes(check: CheckResult): Attributes {
  return {
    [QUALITY.CHECK_NAME]: check.name,
    "quality.check_status": check.status,
    "quality.failures": check.failures,
    ...(check.rowsChecked !== undefined ? { [QUALITY.ROWS_CHECKED]: check.rowsChecked } : {}),
    ...(check.passCount !== undefined ? { [QUALITY.PASS_COUNT]: check.passCount } : {}),
  };
}

/** Totals on the span and one `quality.check` event per check. */
export function recordQualityReport(span: Span, report: QualityReport<unknown>): void {
  span.setAttribute(QUALITY.ROWS_CHECKED, report.rowsChecked);
  span.setAttribute(QUALITY.PASS_COUNT, report.passCount);
  span.setAttribute(QUALITY.FAIL_COUNT, report.failCount);
  span.setAttribute("quality.check_count", report.results.length);
  span.setAttribute("quality.success", report.success);
  for (const check of report.results) span.addEvent("quality.check", checkEventAttributes(check));
}
