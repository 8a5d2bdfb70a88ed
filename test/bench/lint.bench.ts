/**
 * Lint cost of eslint-plugin-floe: a generated tree of 1,000 realistic plugin
 * source files (classes with spans, imports, some recordException calls) is
 * linted with the typescript-eslint parser and one cheap core rule, and with
 * `configs.recommended` added, in interleaved rounds. Prints floe's share of
 * the total lint time, both from ESLint's per-rule timings (`stats: true`)
 * and from the wall-clock difference, and the time of each rule.
 *
 * Then the same on real OpenTelemetry code: the TypeScript sources of
 * open-telemetry/opentelemetry-js-contrib (instrumentations that call
 * setStatus/recordException and set attributes all over), when a checkout is
 * at test/bench/.work/otel-contrib or $FLOE_BENCH_OTEL_SRC:
 *   git clone --depth 1 https://github.com/open-telemetry/opentelemetry-js-contrib test/bench/.work/otel-contrib
 * Run: npx tsx test/bench/lint.bench.ts
 */
import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint, type Linter } from "eslint";
import tsParser from "@typescript-eslint/parser";
import floe from "eslint-plugin-floe";
import { generatePluginTree } from "./lib/plugin-tree.js";
import { median, ratio, writeResult, type Metric } from "./lib/report.js";

const FILES = 1_000;
const PACKAGES = 20;
const workDir = path.join(path.dirname(fileURLToPath(import.meta.url)), ".work", "lint");

const files = generatePluginTree(workDir, { files: FILES, packages: PACKAGES });
const base: Linter.Config[] = [
  { files: ["**/*.ts"], languageOptions: { parser: tsParser } },
  { rules: { "no-debugger": "error" } },
];
const withFloe: Linter.Config[] = [...base, floe.configs.recommended as unknown as Linter.Config];

interface RunStats {
  problems: number;
  floeRuleMs: Record<string, number>;
  parseMs: number;
}
const floeRuns: RunStats[] = [];

async function lint(config: Linter.Config[], collect: boolean, cwd = workDir, expected = FILES, floeRunsOut = floeRuns): Promise<void> {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, stats: collect, cache: false });
  const results = await eslint.lintFiles(["."]);
  if (results.length < expected) throw new Error(`linted only ${results.length} files`);
  const fatal = results.find((r) => r.messages.some((m) => m.fatal));
  if (fatal) throw new Error(`fatal message in ${fatal.filePath}`);
  if (!collect) return;
  const floeRuleMs: Record<string, number> = {};
  let parseMs = 0;
  let problems = 0;
  for (const result of results) {
    problems += result.messages.length;
    for (const pass of result.stats?.times.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) {
        if (rule.startsWith("floe/")) floeRuleMs[rule] = (floeRuleMs[rule] ?? 0) + time.total;
      }
    }
  }
  floeRunsOut.push({ problems, floeRuleMs, parseMs });
}

console.log(`Linting ${files.length} generated files in ${workDir}`);
/**
 * Interleaved rounds measuring wall and CPU time (user + system) of each variant. On a shared
 * machine CPU time is the steadier measure: wall time also counts time spent descheduled.
 */
const variants = { baseline: () => lint(base, false), floe: () => lint(withFloe, true) };
const samples = { baseline: { wall: [] as number[], cpu: [] as number[] }, floe: { wall: [] as number[], cpu: [] as number[] } };
const WARMUP = 1;
const ROUNDS = 3;
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  const order = round % 2 === 0 ? (["baseline", "floe"] as const) : (["floe", "baseline"] as const);
  for (const name of order) {
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    await variants[name]();
    const wall = performance.now() - wallStart;
    const cpu = process.cpuUsage(cpuStart);
    if (round >= WARMUP) {
      samples[name].wall.push(wall);
      samples[name].cpu.push((cpu.user + cpu.system) / 1000);
    }
  }
}

/** The same measurement on a real OpenTelemetry code base, when a checkout is there. */
const OTEL_SRC = process.env.FLOE_BENCH_OTEL_SRC ?? path.join(path.dirname(fileURLToPath(import.meta.url)), ".work", "otel-contrib");
function countTs(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory() && e.name !== "node_modules" && e.name !== ".git") n += countTs(path.join(dir, e.name));
    else if (e.isFile() && e.name.endsWith(".ts")) n++;
  }
  return n;
}
const otel = existsSync(OTEL_SRC) ? { files: countTs(OTEL_SRC), runs: [] as RunStats[], wall: { baseline: [] as number[], floe: [] as number[] }, cpu: { baseline: [] as number[], floe: [] as number[] } } : undefined;
if (otel) {
  console.log(`Linting ${otel.files} TypeScript files of ${OTEL_SRC}`);
  const otelBase: Linter.Config[] = [{ ignores: ["**/node_modules/**", "**/build/**", "**/dist/**"] }, ...base];
  const otelFloe: Linter.Config[] = [...otelBase, floe.configs.recommended as unknown as Linter.Config];
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    const order = round % 2 === 0 ? (["baseline", "floe"] as const) : (["floe", "baseline"] as const);
    for (const name of order) {
      const cpuStart = process.cpuUsage();
      const wallStart = performance.now();
      await lint(name === "floe" ? otelFloe : otelBase, name === "floe", OTEL_SRC, Math.floor(otel.files * 0.9), otel.runs);
      const wall = performance.now() - wallStart;
      const cpu = process.cpuUsage(cpuStart);
      if (round >= WARMUP) {
        otel.wall[name].push(wall);
        otel.cpu[name].push((cpu.user + cpu.system) / 1000);
      }
    }
  }
}

const baselineMs = median(samples.baseline.wall);
const floeTotalMs = median(samples.floe.wall);
const baselineCpuMs = median(samples.baseline.cpu);
const floeCpuMs = median(samples.floe.cpu);
const measured = floeRuns.slice(1); // drop the warm-up run
const ruleNames = Object.keys(measured[0]!.floeRuleMs).sort();
const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const perRule = Object.fromEntries(ruleNames.map((r) => [r, medianOf(measured.map((m) => m.floeRuleMs[r] ?? 0))]));
const floeRulesMs = Object.values(perRule).reduce((a, b) => a + b, 0);
const shareByStats = floeRulesMs / floeTotalMs;
const shareByDiff = Math.max(0, floeTotalMs - baselineMs) / floeTotalMs;
const shareByCpu = Math.max(0, floeCpuMs - baselineCpuMs) / floeCpuMs;

const metrics: Metric[] = [
  { label: "files linted", value: files.length, unit: "files" },
  { label: "lint, parser + no-debugger (median)", value: baselineMs, unit: "ms" },
  { label: "lint, + floe recommended (median)", value: floeTotalMs, unit: "ms" },
  { label: "CPU, parser + no-debugger (median)", value: baselineCpuMs, unit: "ms" },
  { label: "CPU, + floe recommended (median)", value: floeCpuMs, unit: "ms" },
  { label: "all floe rules (stats, median)", value: floeRulesMs, unit: "ms" },
  ...ruleNames.map((r) => ({ label: `rule ${r}`, value: perRule[r]!, unit: "ms" })),
  { label: "floe problems reported per run", value: measured[0]!.problems, unit: "problems" },
];

const otelRatios = [];
if (otel) {
  const runs = otel.runs.slice(1);
  const rulesMs = medianOf(runs.map((r) => Object.values(r.floeRuleMs).reduce((a, b) => a + b, 0)));
  const wallFloe = median(otel.wall.floe);
  const cpuFloe = median(otel.cpu.floe);
  const byStats = rulesMs / wallFloe;
  const byCpu = Math.max(0, cpuFloe - median(otel.cpu.baseline)) / cpuFloe;
  metrics.push(
    { label: "OpenTelemetry js-contrib: .ts files linted", value: otel.files, unit: "files" },
    { label: "OpenTelemetry js-contrib: lint, parser + no-debugger (median)", value: median(otel.wall.baseline), unit: "ms" },
    { label: "OpenTelemetry js-contrib: lint, + floe recommended (median)", value: wallFloe, unit: "ms" },
    { label: "OpenTelemetry js-contrib: all floe rules (stats, median)", value: rulesMs, unit: "ms" },
    { label: "OpenTelemetry js-contrib: floe problems reported", value: runs[0]!.problems, unit: "problems" },
  );
  otelRatios.push(
    ratio("OpenTelemetry js-contrib: floe rules' share of lint time (ESLint per-rule stats)", byStats, "<= 0.03", byStats <= 0.03),
    ratio("OpenTelemetry js-contrib: CPU-time share", byCpu, "<= 0.03", byCpu <= 0.03),
  );
}

writeResult({
  topic: "lint",
  title: "eslint-plugin-floe: share of total lint time (typescript-eslint parser, 1,000 files)",
  metrics,
  ratios: [
    ratio("floe rules' share of total lint time (ESLint per-rule stats)", shareByStats, "<= 0.03", shareByStats <= 0.03),
    ratio("CPU-time share ((with floe - without) / with floe)", shareByCpu, "<= 0.03", shareByCpu <= 0.03),
    ratio("wall-clock share ((with floe - without) / with floe)", shareByDiff, "<= 0.03", shareByDiff <= 0.03),
    ...otelRatios,
  ],
  notes:
    `Interleaved rounds (1 warm-up + 3, alternating order), median per variant; each round lints the whole tree with a fresh ESLint instance, no cache; load average at the end ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores. ` +
    "The per-rule share comes from ESLint's `stats: true` timings of the floe rules over the total wall time; the wall-clock share " +
    "is noisier on a shared machine. Every 10th file contains a raw recordException (reported).",
});
