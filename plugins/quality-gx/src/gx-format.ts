/**
 * Great Expectations' document formats: expectation suites (GX 1.x `type`
 * or 0.x `expectation_type` keys accepted) and validation results, in the
 * shape GX's `ExpectationSuiteValidationResult.to_json_dict()` produces.
 */
import { formatIssues } from "@floe/runtime/plugin-kit";
import { z } from "zod";
import { InvalidSuiteError } from "./errors.js";

const expectationConfigSchema = z
  .looseObject({
    type: z.string().optional(),
    expectation_type: z.string().optional(),
    kwargs: z.record(z.string(), z.unknown()).default({}),
    meta: z.record(z.string(), z.unknown()).nullish(),
  })
  .refine((e) => e.type !== undefined || e.expectation_type !== undefined, "expected `type` or `expectation_type`");

const expectationSuiteSchema = z
  .looseObject({
    name: z.string().optional(),
    expectation_suite_name: z.string().optional(),
    expectations: z.array(expectationConfigSchema),
    meta: z.record(z.string(), z.unknown()).nullish(),
  })
  .refine((s) => s.name !== undefined || s.expectation_suite_name !== undefined, "expected `name` or `expectation_suite_name`");

export type ExpectationSuiteInput = z.input<typeof expectationSuiteSchema>;

export interface ExpectationConfiguration {
  type: string;
  kwargs: Record<string, unknown>;
  meta: Record<string, unknown>;
}

export interface ExpectationSuite {
  name: string;
  expectations: ExpectationConfiguration[];
  meta: Record<string, unknown>;
}

/** `result` of one expectation (column map expectations, or `observed_value` for aggregates). */
export interface ExpectationResultDetail {
  element_count?: number;
  unexpected_count?: number;
  unexpected_percent?: number | null;
  partial_unexpected_list?: unknown[];
  missing_count?: number;
  missing_percent?: number | null;
  unexpected_percent_total?: number | null;
  unexpected_percent_nonmissing?: number | null;
  observed_value?: unknown;
}

export interface ExceptionInfo {
  raised_exception: boolean;
  exception_traceback: string | null;
  exception_message: string | null;
}

export interface ExpectationValidationResult {
  success: boolean;
  expectation_config: ExpectationConfiguration;
  result: ExpectationResultDetail;
  meta: Record<string, unknown>;
  exception_info: ExceptionInfo;
}

export interface ValidationStatistics {
  evaluated_expectations: number;
  successful_expectations: number;
  unsuccessful_expectations: number;
  success_percent: number | null;
}

export interface ValidationResult {
  success: boolean;
  results: ExpectationValidationResult[];
  suite_name: string;
  statistics: ValidationStatistics;
  meta: Record<string, unknown>;
}

/** Validates and normalises a suite (GX 0.x and 1.x key names). */
export function parseSuite(input: unknown): ExpectationSuite {
  const parsed = expectationSuiteSchema.safeParse(input);
  if (!parsed.success) throw new InvalidSuiteError("expectation suite", formatIssues(parsed.error.issues));
  return {
    name: (parsed.data.name ?? parsed.data.expectation_suite_name)!,
    meta: parsed.data.meta ?? {},
    expectations: parsed.data.expectations.map((e) => ({
      type: (e.type ?? e.expectation_type)!,
      kwargs: e.kwargs,
      meta: e.meta ?? {},
    })),
  };
}

const validationResultSchema = z.looseObject({
  success: z.boolean(),
  suite_name: z.string().optional(),
  meta: z.looseObject({ expectation_suite_name: z.string().optional() }).nullish(),
  statistics: z.looseObject({}).optional(),
  results: z.array(
    z.looseObject({
      success: z.boolean(),
      expectation_config: expectationConfigSchema,
      result: z.record(z.string(), z.unknown()).nullish(),
      exception_info: z
        .looseObject({ raised_exception: z.boolean(), exception_message: z.string().nullish() })
        .nullish(),
    }),
  ),
});

/** Validates a validation result produced by GX (0.x or 1.x) or by this plugin. */
export function parseValidationResult(input: unknown): ValidationResult {
  const parsed = validationResultSchema.safeParse(input);
  if (!parsed.success) throw new InvalidSuiteError("validation result", formatIssues(parsed.error.issues));
  const results: ExpectationValidationResult[] = parsed.data.results.map((r) => ({
    success: r.success,
    expectation_config: {
      type: (r.expectation_config.type ?? r.expectation_config.expectation_type)!,
      kwargs: r.expectation_config.kwargs,
      meta: r.expectation_config.meta ?? {},
    },
    result: (r.result ?? {}) as ExpectationResultDetail,
    meta: {},
    exception_info: {
      raised_exception: r.exception_info?.raised_exception ?? false,
      exception_message: r.exception_info?.exception_message ?? null,
      exception_traceback: null,
    },
  }));
  return {
    success: parsed.data.success,
    results,
    suite_name: parsed.data.suite_name ?? parsed.data.meta?.expectation_suite_name ?? "unnamed",
    statistics: statisticsOf(results),
    meta: (parsed.data.meta ?? {}) as Record<string, unknown>,
  };
}

/** GX's statistics block for a list of expectation results. */
export function statisticsOf(results: readonly { success: boolean }[]): ValidationStatistics {
  const evaluated = results.length;
  const successful = results.filter((r) => r.success).length;
  return {
    evaluated_expectations: evaluated,
    successful_expectations: successful,
    unsuccessful_expectations: evaluated - successful,
    success_percent: evaluated === 0 ? null : (successful / evaluated) * 100,
  };
}
