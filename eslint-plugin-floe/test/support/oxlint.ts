/**
 * Running our rules in oxlint as a JS plugin (`jsPlugins` in `.oxlintrc.json`), the way a
 * user would: the built plugin (dist/), the severities of one of our flat configs, oxlint's
 * own rules off. Used by test/oxlint.test.ts and by test/bench/oxlint.bench.ts, so that
 * both run oxlint the same way.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The built plugin oxlint loads (what npm ships). */
export const BUILT_PLUGIN = path.join(PACKAGE_DIR, "dist", "index.js");

/** oxlint's executable (a devDependency of eslint-plugin-floe). */
export function oxlintBin(): string {
  const manifest = createRequire(path.join(PACKAGE_DIR, "package.json")).resolve("oxlint/package.json");
  const { bin } = JSON.parse(readFileSync(manifest, "utf8")) as { bin: Record<string, string> };
  return path.join(path.dirname(manifest), bin["oxlint"]!);
}

/** A finding, normalised so that ESLint's and oxlint's can be compared. */
export interface Finding {
  /** Path relative to the linted directory, with `/`. */
  file: string;
  /** `floe/<rule>`, or `null` for a parse error. */
  ruleId: string | null;
  line: number;
  column: number;
  severity: "error" | "warn";
}

/** Writes `.oxlintrc.json` into `dir`: our plugin with `rules` (a flat config's `rules`), nothing else. */
export function writeOxlintConfig(dir: string, rules: Record<string, unknown>): string {
  const file = path.join(dir, ".oxlintrc.json");
  writeFileSync(file, JSON.stringify({ plugins: [], categories: { correctness: "off" }, jsPlugins: [BUILT_PLUGIN], rules }, null, 2));
  return file;
}

interface OxlintDiagnostic {
  code?: string;
  severity: string;
  filename: string;
  labels: { span: { line: number; column: number } }[];
}

/** Runs oxlint over `targets` in `dir` (extra flags such as `--fix` in `args`) and returns its findings. */
export function runOxlint(dir: string, config: string, targets: readonly string[], args: readonly string[] = []) {
  const r = spawnSync(oxlintBin(), ["-c", config, "-f", "json", ...args, ...targets], { cwd: dir, encoding: "utf8", timeout: 120_000 });
  if (r.error) throw r.error;
  if (!r.stdout.trimStart().startsWith("{")) throw new Error(`oxlint (exit ${r.status}): ${r.stdout}${r.stderr}`);
  const report = JSON.parse(r.stdout) as { diagnostics: OxlintDiagnostic[]; number_of_files: number };
  const findings: Finding[] = report.diagnostics.map((d) => ({
    file: d.filename.split(path.sep).join("/"),
    // oxlint writes `floe(rule-name)`; ESLint `floe/rule-name`.
    ruleId: d.code ? d.code.replace(/^([^(]+)\((.+)\)$/, "$1/$2") : null,
    line: d.labels[0]?.span.line ?? 0,
    column: d.labels[0]?.span.column ?? 0,
    severity: d.severity === "warning" ? "warn" : "error",
  }));
  return { status: r.status, stderr: r.stderr, files: report.number_of_files, findings };
}

/** Stable order for comparing finding lists. */
export function sortFindings(findings: Finding[]): Finding[] {
  const key = (f: Finding) => `${f.file}\0${String(f.line).padStart(6, "0")}\0${String(f.column).padStart(6, "0")}\0${f.ruleId ?? ""}`;
  return [...findings].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
