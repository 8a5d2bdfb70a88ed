/**
 * `DbtQualityPlugin`: floe's QUALITY plugin for dbt data tests. `runChecks`
 * runs `dbt test` through @floe/plugin-dbt-core's runner and turns
 * run_results.json into check results; `parseResults` does the same for a
 * run_results document produced elsewhere. Both run in `quality.*` spans.
 */
import { QualityPlugin, type DbtInvocation, type QualityReport } from "@floe/runtime";
import { recordQualityReport } from "@floe/runtime/plugin-kit";
import { DbtCli, invocationAttributes, parseRunResults, type DbtManifest, type RunResultsArtifact } from "@floe/plugin-dbt-core";
import { toCheckResults, toQualityReport, testedRelation } from "./check-results.js";
import { parseQualityConfig, type DbtQualityConfig, type ResolvedDbtQualityConfig } from "./config.js";
import { ATTRIBUTES, qualitySpan, tracing } from "./tracing.js";

const PROVIDER = "dbt";

/** Which data tests to run: dbt node selection plus an optional name for the check run. */
export interface DbtQualityRequest extends DbtInvocation {
  /** Name recorded as `quality.check_name`; default: the selection, or `dbt test`. */
  name?: string;
}

/** A run_results.json document (parsed JSON) from `dbt test` or `dbt build`. */
export type DbtRunResultsDocument = unknown;

export class DbtQualityPlugin extends tracing.Plugin(QualityPlugin<DbtQualityRequest, DbtRunResultsDocument>) {
  readonly config: ResolvedDbtQualityConfig;
  readonly cli: DbtCli;

  constructor(config: DbtQualityConfig) {
    super();
    this.config = parseQualityConfig(config);
    this.cli = new DbtCli(this.config.runner);
  }

  private get floeContext() {
    return this.config.runner.floe;
  }

  /** Runs `dbt test` for the selection and reports one check per data test. */
  runChecks(request: DbtQualityRequest = {}): Promise<QualityReport<DbtRunResultsDocument>> {
    const { name, ...invocation } = request;
    const checkName = name ?? (invocation.select?.length ? invocation.select.join(" ") : invocation.selector ?? "dbt test");
    return qualitySpan(
      "runChecks",
      {
        [ATTRIBUTES.PROVIDER]: PROVIDER,
        [ATTRIBUTES.CHECK_NAME]: checkName,
        ...invocationAttributes("test", invocation, this.config.runner.target),
      },
      async (span) => {
        const { artifact } = await this.cli.invoke("test", invocation);
        const manifest = await this.cli.parseManifest().catch(() => undefined);
        const report = await this.report(artifact, manifest, artifact);
        recordQualityReport(span, report);
        return report;
      },
      { floe: this.floeContext },
    );
  }

  /** Check results from a run_results.json document (names from the unique ids, no row counts). */
  parseResults(raw: DbtRunResultsDocument): Promise<QualityReport<DbtRunResultsDocument>> {
    return qualitySpan(
      "parseResults",
      { [ATTRIBUTES.PROVIDER]: PROVIDER },
      async (span) => {
        const report = await this.report(parseRunResults(raw), undefined, raw);
        recordQualityReport(span, report);
        return report;
      },
      { floe: this.floeContext },
    );
  }

  private async report(
    artifact: RunResultsArtifact,
    manifest: DbtManifest | undefined,
    raw: DbtRunResultsDocument,
  ): Promise<QualityReport<DbtRunResultsDocument>> {
    const rowCounts = new Map<string, number>();
    const countRows = this.config.countRows;
    if (countRows && manifest) {
      const relations = new Set(artifact.results.map((r) => testedRelation(r.unique_id, manifest)).filter((r): r is string => !!r));
      for (const relation of relations) rowCounts.set(relation, await countRows(relation));
    }
    const rowsChecked = [...rowCounts.values()].reduce((sum, rows) => sum + rows, 0);
    return toQualityReport(toCheckResults(artifact, { manifest, rowCounts }), raw, this.config.warnAsFailure, rowsChecked);
  }
}
