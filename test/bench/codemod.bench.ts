/**
 * floe-codemod on a large real TypeScript tree: `sanitize-exceptions` (our
 * runner: text pre-filter + worker pool) against ast-grep doing the same
 * rewrite and against a naive jscodeshift run (single process, every file
 * parsed and printed with recast). Also peak RSS of our runner at two tree
 * sizes, to show memory stays flat as the tree grows.
 * Run: npx tsx test/bench/codemod.bench.ts
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median, ratio, writeResult, type Metric } from "./lib/report.js";
import { collectTypeScriptSources } from "./lib/typescript-sources.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const WORK = path.join(ROOT, "test", "bench", ".work", "codemod");
const BIN = path.join(ROOT, "codemods", "bin", "floe-codemod.js");
const AST_GREP = path.join(ROOT, "node_modules", ".bin", "ast-grep");
const SITES = 40;
const LARGE = 2200;
const SMALL = 1100;
const ROUNDS = 5;
/** The naive run takes ~10x longer: fewer rounds keep the whole benchmark under two minutes. */
const NAIVE_ROUNDS = 3;

/** Real TypeScript sources from installed packages: declaration files and zod's sources. */
const collectSources = (limit: number) => collectTypeScriptSources(ROOT, limit);

const planted = (i: number) => `
export function floeBenchFailure${i}(span: { recordException(e: unknown): void }, run: () => void): void {
  try {
    run();
  } catch (err) {
    span.recordException(err);
  }
}
`;

interface Tree {
  readonly dir: string;
  readonly files: number;
  /** planted file -> original content */
  readonly originals: Map<string, string>;
}

function buildTree(name: string, size: number): Tree {
  const dir = path.join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sources = collectSources(size);
  if (sources.length < size) throw new Error(`only ${sources.length} TypeScript files available`);
  const originals = new Map<string, string>();
  // the same planted files in both trees (the small tree is a prefix of the large one), so the two
  // sizes differ only in how many files must be scanned, not in which files must be parsed
  const stride = Math.floor(SMALL / SITES);
  sources.forEach((src, i) => {
    // package layouts put sources under dist/ and build/, which every codemod runner skips: rename them
    const rel = path
      .relative(path.join(ROOT, "node_modules"), src)
      .replace(/\.d\.ts$/, ".decl.ts")
      .split(path.sep)
      .map((seg) => (seg === "dist" || seg === "build" || seg === "coverage" ? `${seg}-src` : seg))
      .join(path.sep);
    const target = path.join(dir, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(src, target);
    if (i % stride === 0 && originals.size < SITES) {
      const content = readFileSync(target, "utf8") + planted(i);
      writeFileSync(target, content);
      originals.set(target, content);
    }
  });
  // its own repository root, so the monorepo's .gitignore (which ignores .work/) does not apply
  execFileSync("git", ["init", "-q"], { cwd: dir });
  return { dir, files: sources.length, originals };
}

function restore(tree: Tree): void {
  for (const [file, content] of tree.originals) writeFileSync(file, content);
}

function countRewritten(tree: Tree): number {
  let n = 0;
  for (const file of tree.originals.keys()) n += (readFileSync(file, "utf8").match(/recordSanitizedException\(span, err\)/g) ?? []).length;
  return n;
}

const NAIVE = `
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import jscodeshift from "jscodeshift";
const j = jscodeshift.withParser("ts");
const files = [];
const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { const f = path.join(d, e.name); if (e.isDirectory()) { if (e.name !== ".git") walk(f); } else if (f.endsWith(".ts")) files.push(f); } };
walk(process.argv[1]);
let changed = 0, failed = 0;
for (const file of files) {
  const source = readFileSync(file, "utf8");
  let root;
  try { root = j(source); } catch { failed++; continue; }
  let n = 0;
  root.find(j.CallExpression, { callee: { type: "MemberExpression", property: { name: "recordException" } } }).forEach((p) => {
    p.replace(j.callExpression(j.identifier("recordSanitizedException"), [p.node.callee.object, ...p.node.arguments]));
    n++;
  });
  const out = root.toSource();
  if (n > 0 && out !== source) { writeFileSync(file, out); changed++; }
}
console.log(JSON.stringify({ files: files.length, changed, failed }));
`;

interface RunResult {
  readonly ms: number;
  readonly maxRssKb?: number;
}

function timed(cmd: string, args: string[], cwd: string): { ms: number; stdout: string } {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, CI: "1" }, maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

const variants: Record<string, (tree: Tree) => RunResult> = {
  "floe-codemod": (tree) => {
    const r = timed(process.execPath, [BIN, "sanitize-exceptions", ".", "--force", "--json"], tree.dir);
    const report = JSON.parse(r.stdout) as { stats: { maxRssKb: number } };
    return { ms: r.ms, maxRssKb: report.stats.maxRssKb };
  },
  "ast-grep": (tree) =>
    timed(AST_GREP, ["run", "--pattern", "$S.recordException($E)", "--rewrite", "recordSanitizedException($S, $E)", "-U", "--lang", "ts", "."], tree.dir),
  "naive jscodeshift": (tree) => timed(process.execPath, ["--input-type=module", "-e", NAIVE, tree.dir], path.join(ROOT, "codemods")),
};

/** Interleaved rounds after one warm-up round (the slow naive variant is not warmed up: every run is a fresh process). */
function measure(tree: Tree, names: string[], rounds: number): Record<string, RunResult[]> {
  const samples: Record<string, RunResult[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = -1; round < rounds; round++) {
    const order = names.map((_, i) => names[(i + round + 1) % names.length]!);
    for (const name of order) {
      if (name.startsWith("naive") && (round < 0 || round >= NAIVE_ROUNDS)) continue;
      restore(tree);
      const result = variants[name]!(tree);
      const rewritten = countRewritten(tree);
      if (rewritten !== SITES) throw new Error(`${name} rewrote ${rewritten}/${SITES} planted sites`);
      if (round >= 0) samples[name]!.push(result);
    }
  }
  restore(tree);
  return samples;
}

if (!existsSync(path.join(ROOT, "codemods", "dist", "cli.js"))) {
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: path.join(ROOT, "codemods"), stdio: "inherit" });
}
const large = buildTree("large", LARGE);
const small = buildTree("small", SMALL);
console.log(`trees: ${large.files} and ${small.files} .ts files, ${SITES} planted recordException sites each`);

const main = measure(large, Object.keys(variants), ROUNDS);
const smallRuns = measure(small, ["floe-codemod"], ROUNDS);

const ms = (name: string) => median(main[name]!.map((r) => r.ms));
const rss = (runs: RunResult[]) => Math.max(...runs.map((r) => r.maxRssKb ?? 0)) / 1024;
const ours = ms("floe-codemod");
const astGrep = ms("ast-grep");
const naive = ms("naive jscodeshift");
const rssLarge = rss(main["floe-codemod"]!);
const rssSmall = rss(smallRuns["floe-codemod"]!);

const metrics: Metric[] = [
  { label: `floe-codemod sanitize-exceptions, ${large.files} files (wall, median of ${ROUNDS})`, value: ours, unit: "ms" },
  { label: `ast-grep same rewrite, ${large.files} files`, value: astGrep, unit: "ms" },
  { label: `naive jscodeshift (no pre-filter, one process), ${large.files} files (median of ${NAIVE_ROUNDS})`, value: naive, unit: "ms" },
  { label: `floe-codemod, ${small.files} files`, value: median(smallRuns["floe-codemod"]!.map((r) => r.ms)), unit: "ms" },
  { label: `floe-codemod peak RSS, ${small.files} files`, value: rssSmall, unit: "MB" },
  { label: `floe-codemod peak RSS, ${large.files} files`, value: rssLarge, unit: "MB" },
];
writeResult({
  topic: "codemod",
  title: `floe-codemod sanitize-exceptions on ${large.files} real TypeScript files (${SITES} sites)`,
  metrics,
  ratios: [
    ratio("floe-codemod / ast-grep (wall time)", ours / astGrep, "<= 1.5", ours / astGrep <= 1.5),
    ratio("naive jscodeshift / floe-codemod (speed-up)", naive / ours, ">= 5", naive / ours >= 5),
    ratio(`peak RSS ${large.files} files / ${small.files} files`, rssLarge / rssSmall, "<= 1.25", rssLarge / rssSmall <= 1.25),
  ],
  notes:
    "Each variant is a fresh process per round (startup included), interleaved, one warm-up round, the planted files restored before every run; every run is checked to rewrite all planted sites. Tree: declaration files and sources of installed packages (@opentelemetry, @typescript-eslint, zod, vitest, @types...) copied as .ts. floe-codemod: text pre-filter, worker pool above 1,000 files to parse. Naive: jscodeshift withParser('ts'), recast parse + print of every file in one process.",
});
