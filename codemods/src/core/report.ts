/**
 * The run report and its three renderings: a human summary, JSON, and SARIF
 * 2.1.0 (one rule per transform, one result per changed region) for code
 * scanning UIs.
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
}

export function summarize(files: readonly FileReport[]): RunSummary {
  const count = (s: FileStatus) => files.filter((f) => f.status === s).length;
  return { total: files.length, changed: count("changed"), unchanged: count("unchanged"), skipped: count("skipped"), error: count("error") };
}

export function summaryLine(report: Report): string {
  const s = report.summary;
  const verb = report.mode === "write" ? "changed" : "would change";
  return `${report.transform}: ${s.changed} ${verb}, ${s.unchanged} unchanged, ${s.skipped} skipped, ${s.error} error${s.error === 1 ? "" : "s"} (${s.total} files, ${(report.stats.durationMs / 1000).toFixed(2)}s)`;
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

export function formatSarif(report: Report, rules: readonly { name: string; description: string }[], version: string): string {
  const results = report.files.flatMap((f) =>
    (f.changes ?? []).flatMap((c) =>
      (c.lines.length ? c.lines : [1]).map((line) => ({
        ruleId: c.transform,
        level: "warning",
        message: { text: `${c.transform} would change this file${f.created ? " (creates it)" : ""}. Fix: npx floe-codemod ${c.transform} ${f.path}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: f.path, uriBaseId: "SRCROOT" }, region: { startLine: line } } }],
      })),
    ),
  );
  const notifications = report.files
    .filter((f) => f.status === "error")
    .map((f) => ({
      level: "error",
      message: { text: f.reason ?? "error" },
      locations: [{ physicalLocation: { artifactLocation: { uri: f.path, uriBaseId: "SRCROOT" }, ...(f.line ? { region: { startLine: f.line } } : {}) } }],
    }));
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "floe-codemod",
            version,
            informationUri: "https://github.com/floe/floe-instrumentation-toolkit/tree/main/codemods",
            rules: rules.map((r) => ({ id: r.name, name: r.name, shortDescription: { text: r.description }, defaultConfiguration: { level: "warning" } })),
          },
        },
        invocations: [{ executionSuccessful: report.summary.error === 0, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}
