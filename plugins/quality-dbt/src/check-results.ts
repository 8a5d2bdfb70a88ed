/**
 * Turns dbt's run_results.json (from `dbt test` or `dbt build`) into floe
 * check results: one per test node, with dbt's status mapped to the
 * quality contract's, its failure count, and (when the manifest and a row
 * counter are available) the rows checked and passed.
 */
import type { CheckResult, CheckStatus, QualityReport } from "@floe/runtime";
import type { DbtManifest, RunResultsArtifact } from "@floe/runtime";

const STATUS: Record<string, CheckStatus> = {
  pass: "pass",
  success: "pass",
  fail: "fail",
  warn: "warn",
  error: "error",
  "runtime error": "error",
  skipped: "skipped",
};

/** `test.jaffle_shop.not_null_customers_id.5c9bf9911d` -> `not_null_customers_id`. */
export function testNameFromUniqueId(uniqueId: string): string {
  const parts = uniqueId.split(".");
  if (parts[0] !== "test" || parts.length < 3) return uniqueId;
  const tail = parts.slice(2);
  if (tail.length > 1 && /^[0-9a-f]{6,}$/.test(tail[tail.length - 1]!)) tail.pop();
  return tail.join(".");
}

export interface CheckContext {
  manifest?: DbtManifest;
  /** Row counts by relation name, for tests attached to a model. */
  rowCounts?: ReadonlyMap<string, number>;
}

/** The relation a test checks, from the manifest (its attached node, else its only model parent). */
export function testedRelation(uniqueId: string, manifest: DbtManifest | undefined): string | undefined {
  const node = manifest?.nodes[uniqueId];
  if (!node) return undefined;
  const parents = node.attachedNode ? [node.attachedNode] : node.dependsOn.filter((id) => id.startsWith("model.") || id.startsWith("seed.") || id.startsWith("snapshot."));
  if (parents.length !== 1) return undefined;
  const parent = manifest!.nodes[parents[0]!] ?? manifest!.sources[parents[0]!];
  return parent?.relationName ?? undefined;
}

export function toCheckResults(artifact: RunResultsArtifact, context: CheckContext = {}): CheckResult[] {
  return artifact.results
    .filter((r) => r.unique_id.startsWith("test.") || r.unique_id.startsWith("unit_test."))
    .map((r) => {
      const status = STATUS[r.status] ?? "error";
      const failures = r.failures ?? 0;
      const check: CheckResult = {
        name: context.manifest?.nodes[r.unique_id]?.name ?? testNameFromUniqueId(r.unique_id),
        status,
        failures,
      };
      const relation = testedRelation(r.unique_id, context.manifest);
      const rows = relation !== undefined ? context.rowCounts?.get(relation) : undefined;
      if (rows !== undefined && status !== "skipped" && status !== "error") {
        check.rowsChecked = rows;
        check.passCount = Math.max(0, rows - failures);
      }
      if (r.message) check.message = r.message;
      return check;
    });
}

/** Totals over the checks; `rowsChecked` is the rows of the tested relations, each counted once. */
export function toQualityReport<Raw>(checks: CheckResult[], raw: Raw, warnAsFailure: boolean, rowsChecked = 0): QualityReport<Raw> {
  const failed = (c: CheckResult) => c.status === "fail" || c.status === "error" || (warnAsFailure && c.status === "warn");
  const failCount = checks.filter(failed).length;
  return {
    success: failCount === 0,
    results: checks,
    passCount: checks.filter((c) => c.status === "pass").length,
    failCount,
    rowsChecked,
    raw,
  };
}
