/**
 * Lint cost of eslint-plugin-floe: a generated tree of 1,000 realistic plugin
 * source files (classes with spans, imports, some recordException calls) is
 * linted with the typescript-eslint parser and one cheap core rule, and with
 * `configs.recommended` added, in interleaved rounds. Prints floe's share of
 * the total lint time, both from ESLint's per-rule timings (`stats: true`)
 * and from the wall-clock difference, and the time of each rule.
 * Run: npx tsx test/bench/lint.bench.ts
 */
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

async function lint(config: Linter.Config[], collect: boolean): Promise<void> {
  const eslint = new ESLint({ cwd: workDir, overrideConfigFile: true, overrideConfig: config, stats: collect, cache: false });
  const results = await eslint.lintFiles(["."]);
  if (results.length < FILES) throw new Error(`linted only ${results.length} files`);
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
  floeRuns.push({ problems, floeRuleMs, parseMs });
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

writeResult({
  topic: "lint",
  title: "eslint-plugin-floe: share of total lint time (typescript-eslint parser, 1,000 files)",
  metrics,
  ratios: [
    ratio("floe rules' share of total lint time (ESLint per-rule stats)", shareByStats, "<= 0.03", shareByStats <= 0.03),
    ratio("CPU-time share ((with floe - without) / with floe)", shareByCpu, "<= 0.03", shareByCpu <= 0.03),
    ratio("wall-clock share ((with floe - without) / with floe)", shareByDiff, "<= 0.03", shareByDiff <= 0.03),
  ],
  notes:
    `Interleaved rounds (1 warm-up + 3, alternating order), median per variant; each round lints the whole tree with a fresh ESLint instance, no cache; load average at the end ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores. ` +
    "The per-rule share comes from ESLint's `stats: true` timings of the floe rules over the total wall time; the wall-clock share " +
    "is noisier on a shared machine. Every 10th file contains a raw recordException (reported).",
});
