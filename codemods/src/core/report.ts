/**
 * The run report and its renderings: a human summary and JSON (SARIF for
 * code scanning lives in output/sarif.ts).
 */
import type { FileStatus, TransformChange } from "./process-file.js";

export interface FileReport {
  /** Path relative to the working directory, `/`-separated. */
  readonly path: string;
  readonly status: FileStatus;
  readonly reason?: string;
  readonly line?: number;
  readonly created?: boolean;
  /** Transforms that changed the file, with the first line of each changed region. */
  readonly changes?: TransformChange[];
  /** Unified diff (dry runs and checks). */
  readonly diff?: string;
  /** Transformed source (`--print`). */
  readonly output?: string;
}

export interface RunSummary {
  readonly total: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly error: number;
}

export interface Report {
  readonly transform: string;
  readonly steps: readonly string[];
  readonly mode: "write" | "dry" | "check";
  readonly files: FileReport[];
  readonly summary: RunSummary;
  /** 0 done / nothing to do; 1 a file failed, or a check found changes. */
  readonly exitCode: 0 | 1;
  readonly stats: { readonly durationMs: number; readonly workers: number; readonly maxRssKb: number; readonly packageDirs: number };
  /** The shard this run covered (`--shard i/n`), when it covered one. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** True when the report came from the result cache (`--cache`): nothing was parsed. */
  readonly cached?: boolean;
}

export function summarize(files: readonly FileReport[]): RunSummary {
  const count = (s: FileStatus) => files.filter((f) => f.status === s).length;
  return { total: files.length, changed: count("changed"), unchanged: count("unchanged"), skipped: count("skipped"), error: count("error") };
}

export function summaryLine(report: Report): string {
  const s = report.summary;
  const verb = report.mode === "write" ? "changed" : "would change";
  return `${report.transform}: ${s.changed} ${verb}, ${s.unchanged} unchanged, ${s.skipped} skipped, ${s.error} error${s.error === 1 ? "" : "s"} (${s.total} files, ${(report.stats.durationMs / 1000).toFixed(2)}s${report.shard ? `, shard ${report.shard.index}/${report.shard.count}` : ""}${report.cached ? ", cached" : ""})`;
}

/** Per-file status lines (changed and errors; every file when verbose) and the summary. */
export function formatText(report: Report, verbose = false): string {
  const lines: string[] = [];
  for (const f of report.files) {
    if (!verbose && (f.status === "skipped" || f.status === "unchanged")) continue;
    const label = f.status === "changed" && report.mode !== "write" ? "would change" : f.status;
    const by = f.changes?.length ? ` (${f.changes.map((c) => c.transform).join(", ")})` : "";
    const reason = f.reason ? `: ${f.reason}` : "";
    lines.push(`${label.padEnd(12)} ${f.path}${f.created ? " (new file)" : ""}${by}${reason}`);
  }
  lines.push(summaryLine(report));
  return lines.join("\n") + "\n";
}

export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + "\n";
}
