/**
 * Shared benchmark plumbing: interleaved side-by-side rounds, medians, and the
 * JSON result file that `npm run bench` turns into BENCHMARKS.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface Metric {
  label: string;
  value: number;
  unit: string;
}

export interface Ratio {
  label: string;
  value: number;
  goal: string;
  met: boolean;
}

export interface BenchResult {
  topic: string;
  title: string;
  metrics: Metric[];
  ratios: Ratio[];
  notes?: string;
}

export function machine() {
  return { cpus: os.cpus()[0]?.model ?? "unknown", cores: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.arch()}` };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs every variant once per round, in rotating order, and returns the median
 * per-call time of each in nanoseconds. `run(n)` performs n calls.
 */
export async function interleave(
  variants: Record<string, (iterations: number) => unknown | Promise<unknown>>,
  { rounds = 15, iterations = 20_000, warmup = 3 } = {},
): Promise<Record<string, number>> {
  const names = Object.keys(variants);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < warmup + rounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]!);
    for (const name of order) {
      const start = process.hrtime.bigint();
      await variants[name]!(iterations);
      const elapsed = Number(process.hrtime.bigint() - start);
      if (round >= warmup) samples[name]!.push(elapsed / iterations);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n]!)]));
}

export function ratio(label: string, value: number, goal: string, met: boolean): Ratio {
  return { label, value: Number(value.toFixed(4)), goal, met };
}

const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "results");

export function writeResult(result: BenchResult): void {
  mkdirSync(resultsDir, { recursive: true });
  const full = { ...result, date: new Date().toISOString(), machine: machine() };
  writeFileSync(path.join(resultsDir, `${result.topic}.json`), `${JSON.stringify(full, null, 2)}\n`);
  console.log(`\n${result.title}`);
  console.table(result.metrics.map((m) => ({ metric: m.label, value: Number(m.value.toFixed(3)), unit: m.unit })));
  console.table(result.ratios.map((r) => ({ ratio: r.label, value: r.value, goal: r.goal, met: r.met ? "yes" : "NO" })));
}
