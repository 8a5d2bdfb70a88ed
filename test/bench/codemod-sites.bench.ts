/**
 * Cost in the number of sites in ONE file: a generated TypeScript file with
 * 1,000 / 5,000 / 20,000 `span.recordException(err)` calls, rewritten by
 * `floe-codemod sanitize-exceptions` and by ast-grep doing the same rewrite,
 * side by side. floe-codemod's time must grow linearly with the sites (its
 * report counts changed lines from the transform's edits, its `--dry` diff is
 * a linear line diff), and stay within 2x of ast-grep on the largest file.
 * Also times `--dry` (which prints the unified diff) on the largest file.
 * Run: npx tsx test/bench/codemod-sites.bench.ts [sizes...]   (default 1000 5000 20000)
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median, ratio, writeResult, type Metric, type Ratio } from "./lib/report.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const WORK = path.join(ROOT, "test", "bench", ".work", "codemod-sites");
const BIN = path.join(ROOT, "codemods", "bin", "floe-codemod.js");
const AST_GREP = path.join(ROOT, "node_modules", ".bin", "ast-grep");
const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (SIZES.length === 0) SIZES.push(1000, 5000, 20_000);
/** Rounds per size: the largest files take minutes for ast-grep, so fewer rounds there. */
const roundsFor = (sites: number) => (sites >= 20_000 ? 1 : sites >= 5000 ? 2 : 3);

function siteFile(sites: number): string {
  const parts = [`import type { Span } from "@opentelemetry/api";\n\n`];
  for (let i = 0; i < sites; i++) {
    parts.push(`export function fail${i}(span: Span, run: () => void): void {\n  try {\n    run();\n  } catch (err) {\n    span.recordException(err);\n  }\n}\n\n`);
  }
  return parts.join("");
}

function timed(cmd: string, args: string[], cwd: string): { ms: number; stdout: string } {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, CI: "1" }, maxBuffer: 1024 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

/** floe-codemod's own run time (its report's durationMs: no process start-up), per run, for the linearity ratio. */
const inProcess: number[] = [];

const variants: Record<string, (dir: string) => number> = {
  "floe-codemod": (dir) => {
    const r = timed(process.execPath, [BIN, "sanitize-exceptions", "sites.ts", "--force", "--json"], dir);
    inProcess.push((JSON.parse(r.stdout) as { stats: { durationMs: number } }).stats.durationMs);
    return r.ms;
  },
  "ast-grep": (dir) =>
    timed(AST_GREP, ["run", "--pattern", "$S.recordException($E)", "--rewrite", "recordSanitizedException($S, $E)", "-U", "--lang", "ts", "sites.ts"], dir).ms,
};

function rewritten(file: string): number {
  return (readFileSync(file, "utf8").match(/recordSanitizedException\(span, err\)/g) ?? []).length;
}

if (!existsSync(path.join(ROOT, "codemods", "dist", "cli.js"))) {
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: path.join(ROOT, "codemods"), stdio: "inherit" });
}

const metrics: Metric[] = [];
const ratios: Ratio[] = [];
const perSite: Record<string, number[]> = { "floe-codemod": [], "ast-grep": [] };
for (const sites of SIZES) {
  const dir = path.join(WORK, String(sites));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "sites.ts");
  const original = siteFile(sites);
  const samples: Record<string, number[]> = { "floe-codemod": [], "ast-grep": [] };
  const rounds = roundsFor(sites);
  inProcess.length = 0;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ["floe-codemod", "ast-grep"] : ["ast-grep", "floe-codemod"];
    for (const name of order) {
      writeFileSync(file, original);
      const ms = variants[name]!(dir);
      const done = rewritten(file);
      if (done !== sites) throw new Error(`${name} rewrote ${done}/${sites} sites`);
      samples[name]!.push(ms);
      console.log(`${sites} sites, ${name}: ${(ms / 1000).toFixed(2)} s`);
    }
  }
  const ours = median(samples["floe-codemod"]!);
  const theirs = median(samples["ast-grep"]!);
  perSite["floe-codemod"]!.push(median(inProcess) / sites);
  perSite["ast-grep"]!.push(theirs / sites);
  metrics.push(
    { label: `floe-codemod, ${sites} sites in one file (${(original.length / 1e6).toFixed(2)} MB, median of ${rounds})`, value: ours, unit: "ms" },
    { label: `ast-grep, ${sites} sites in one file`, value: theirs, unit: "ms" },
  );
  const goal = sites >= 20_000 ? "<= 2" : "report";
  ratios.push(ratio(`floe-codemod / ast-grep, ${sites} sites`, ours / theirs, goal, goal === "report" || ours / theirs <= 2));
  if (sites === Math.max(...SIZES)) {
    writeFileSync(file, original);
    const dry = timed(process.execPath, [BIN, "sanitize-exceptions", "sites.ts", "--dry"], dir);
    if (!dry.stdout.includes("+    recordSanitizedException(span, err);")) throw new Error("--dry printed no diff");
    metrics.push({ label: `floe-codemod --dry (unified diff printed), ${sites} sites`, value: dry.ms, unit: "ms" });
  }
}
if (SIZES.length > 1) {
  // linear cost: the time per site on the largest file is not much above that on the smallest
  const ours = perSite["floe-codemod"]!;
  const growth = ours[ours.length - 1]! / ours[0]!;
  ratios.push(ratio(`floe-codemod ms per site (in-process), ${SIZES[SIZES.length - 1]} / ${SIZES[0]} sites (1 = linear)`, growth, "<= 1.5", growth <= 1.5));
  const theirs = perSite["ast-grep"]!;
  ratios.push(ratio(`ast-grep ms per site, ${SIZES[SIZES.length - 1]} / ${SIZES[0]} sites (1 = linear)`, theirs[theirs.length - 1]! / theirs[0]!, "report", true));
}
writeResult({
  topic: "codemod-sites",
  title: `floe-codemod sanitize-exceptions vs ast-grep on one file with ${SIZES.join(" / ")} sites`,
  metrics,
  ratios,
  notes:
    "One generated .ts file per size (8 lines per site), each variant a fresh process per round (startup included), rounds alternate the order, the file restored before every run and checked to have every site rewritten. Wall time on a shared machine: compare the ratios, not the absolute numbers.",
});
