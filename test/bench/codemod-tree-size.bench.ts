/**
 * floe-codemod against ast-grep by tree size: generated trees shaped like a real
 * TypeScript monorepo (packages/<name>/{package.json, tsconfig.json, src/**, test/**},
 * real sources from installed packages as file bodies, about one file in ten with
 * `recordException` sites in catch blocks), of about 700 and about 4,000 files.
 * Both tools do the same rewrite (`X.recordException(e)` ->
 * `recordSanitizedException(X, e)`) in place, in fresh processes, rounds alternating
 * the order; each run must rewrite at least every planted site (floe may rewrite more:
 * its matcher also sees optional calls and aliases). Also measures start-up: both
 * tools on a single small file, and floe-codemod's worker pool on the large tree.
 * Goals: <= 2.0x ast-grep at ~700 files, <= 1.0x at ~4,000.
 * Run: npx tsx test/bench/codemod-tree-size.bench.ts
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median, ratio, writeResult, type Metric, type Ratio } from "./lib/report.js";
import { collectTypeScriptSources } from "./lib/typescript-sources.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const WORK = path.join(ROOT, "test", "bench", ".work", "codemod-tree-size");
const BIN = path.join(ROOT, "codemods", "bin", "floe-codemod.js");
const AST_GREP = path.join(ROOT, "node_modules", ".bin", "ast-grep");
const SIZES = [700, 4000];
const ROUNDS = 3;
/** Files per package, as in a mid-sized monorepo package. */
const PACKAGE_SIZE = 40;
const PLANT_EVERY = 10;

const collectSources = (limit: number) =>
  collectTypeScriptSources(ROOT, limit, {
    packages: ["@opentelemetry", "@typescript-eslint", "zod", "vitest", "@types", "vite", "@ts-morph", "typescript-eslint", "@babel", "ts-morph"],
    maxBytes: 100_000,
  });

const planted = (i: number) => `
import type { Span as FloeBenchSpan${i} } from "@opentelemetry/api";

export class FloeBenchJob${i} {
  constructor(private readonly span: FloeBenchSpan${i}) {}

  run(step: () => void): void {
    try {
      step();
    } catch (err) {
      this.span.recordException(err);
    }
  }
}
`;

interface Tree {
  readonly dir: string;
  readonly files: number;
  readonly sites: number;
  readonly originals: Map<string, string>;
}

function buildTree(size: number, sources: readonly string[]): Tree {
  const dir = path.join(WORK, String(size));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const originals = new Map<string, string>();
  let sites = 0;
  let files = 0;
  for (let i = 0; i < size; i++) {
    const pkg = `packages/pkg-${String(Math.floor(i / PACKAGE_SIZE)).padStart(3, "0")}`;
    if (i % PACKAGE_SIZE === 0) {
      mkdirSync(path.join(dir, pkg), { recursive: true });
      writeFileSync(path.join(dir, pkg, "package.json"), `${JSON.stringify({ name: `@bench/${path.basename(pkg)}`, version: "1.0.0", type: "module" }, null, 2)}\n`);
      writeFileSync(path.join(dir, pkg, "tsconfig.json"), `${JSON.stringify({ extends: "../../tsconfig.base.json", include: ["src", "test"] }, null, 2)}\n`);
      files += 2;
    }
    const n = i % PACKAGE_SIZE;
    const rel = n < PACKAGE_SIZE - 4 ? `src/${n % 3 === 0 ? "" : `module-${n % 5}/`}file-${n}.ts` : `test/file-${n}.test.ts`;
    const target = path.join(dir, pkg, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    let content = readFileSync(sources[i % sources.length]!, "utf8");
    if (i % PLANT_EVERY === 0) {
      content += planted(i);
      sites++;
    }
    writeFileSync(target, content);
    originals.set(target, content);
    files++;
  }
  writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name: "bench-monorepo", private: true, workspaces: ["packages/*"] }, null, 2)}\n`);
  writeFileSync(path.join(dir, "tsconfig.base.json"), `${JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", noEmit: true, skipLibCheck: true } }, null, 2)}\n`);
  writeFileSync(path.join(dir, ".gitignore"), "node_modules/\ndist/\n");
  // its own repository, so the monorepo's .gitignore (which ignores .work/) does not apply
  execFileSync("git", ["init", "-q"], { cwd: dir });
  execFileSync("git", ["add", "-A"], { cwd: dir });
  return { dir, files: files + 3, sites, originals };
}

function restore(tree: Tree): void {
  for (const [file, content] of tree.originals) writeFileSync(file, content);
}

function countRewritten(tree: Tree): number {
  let n = 0;
  for (const file of tree.originals.keys()) n += (readFileSync(file, "utf8").match(/recordSanitizedException\(this\.span, err\)/g) ?? []).length;
  return n;
}

function timed(cmd: string, args: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, CI: "1" }, maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return ms;
}

const AST_GREP_ARGS = ["run", "--pattern", "$S.recordException($E)", "--rewrite", "recordSanitizedException($S, $E)", "-U", "--lang", "ts"];
const variants: Record<string, (cwd: string, target: string) => number> = {
  "floe-codemod": (cwd, target) => timed(process.execPath, [BIN, "sanitize-exceptions", target, "--force"], cwd),
  "ast-grep": (cwd, target) => timed(AST_GREP, [...AST_GREP_ARGS, target], cwd),
};

if (!existsSync(path.join(ROOT, "codemods", "dist", "cli.js"))) {
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: path.join(ROOT, "codemods"), stdio: "inherit" });
}

const sources = collectSources(Math.max(...SIZES));
const metrics: Metric[] = [];
const ratios: Ratio[] = [];
for (const size of SIZES) {
  const tree = buildTree(size, sources);
  const samples: Record<string, number[]> = { "floe-codemod": [], "ast-grep": [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ["floe-codemod", "ast-grep"] : ["ast-grep", "floe-codemod"];
    for (const name of order) {
      restore(tree);
      const ms = variants[name]!(tree.dir, ".");
      const done = countRewritten(tree);
      if (done < tree.sites) throw new Error(`${name} rewrote ${done}/${tree.sites} planted sites on ${tree.files} files`);
      samples[name]!.push(ms);
      console.log(`${tree.files} files, ${name}: ${(ms / 1000).toFixed(2)} s (${done}/${tree.sites} sites)`);
    }
  }
  const ours = median(samples["floe-codemod"]!);
  const theirs = median(samples["ast-grep"]!);
  metrics.push(
    { label: `floe-codemod sanitize-exceptions, ${tree.files} files, ${tree.sites} sites (median of ${ROUNDS})`, value: ours, unit: "ms" },
    { label: `ast-grep same rewrite, ${tree.files} files`, value: theirs, unit: "ms" },
  );
  const goal = size >= 4000 ? 1.0 : 2.0;
  ratios.push(ratio(`floe-codemod / ast-grep, ~${size} files`, ours / theirs, `<= ${goal.toFixed(1)}`, ours / theirs <= goal));
  if (size === Math.max(...SIZES)) {
    // start-up: one small file, what a pre-commit hook or an editor action pays
    const one = [...tree.originals.keys()].find((f) => tree.originals.get(f)!.includes("FloeBenchJob"))!;
    const rel = path.relative(tree.dir, one);
    const single: Record<string, number[]> = { "floe-codemod": [], "ast-grep": [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of Object.keys(single)) {
        restore(tree);
        single[name]!.push(variants[name]!(tree.dir, rel));
      }
    }
    const nodeStart = median(Array.from({ length: ROUNDS }, () => timed(process.execPath, ["-e", ""], tree.dir)));
    metrics.push(
      { label: "floe-codemod on one file (start-up included)", value: median(single["floe-codemod"]!), unit: "ms" },
      { label: "ast-grep on one file", value: median(single["ast-grep"]!), unit: "ms" },
      { label: "node -e '' (the floor of any Node CLI)", value: nodeStart, unit: "ms" },
    );
    ratios.push(ratio("floe-codemod / ast-grep, one file", median(single["floe-codemod"]!) / median(single["ast-grep"]!), "report", true));
    // the worker pool, forced, against the automatic choice on the same tree
    const pooled: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      restore(tree);
      pooled.push(timed(process.execPath, [BIN, "sanitize-exceptions", ".", "--force", "--workers", "2"], tree.dir));
    }
    metrics.push({ label: `floe-codemod --workers 2, ${tree.files} files`, value: median(pooled), unit: "ms" });
    ratios.push(ratio(`--workers 2 / automatic, ~${size} files`, median(pooled) / ours, "report", true));
  }
  restore(tree);
}
writeResult({
  topic: "codemod-tree-size",
  title: `floe-codemod sanitize-exceptions vs ast-grep on monorepo-shaped trees of ${SIZES.map((s) => `~${s}`).join(" / ")} files`,
  metrics,
  ratios,
  notes:
    `Generated trees: packages of ${PACKAGE_SIZE} files (package.json, tsconfig.json extending a base, src/ in nested folders, test/), real TypeScript sources from node_modules as bodies, one file in ${PLANT_EVERY} with a planted recordException site; each tree its own git repository. Fresh processes, start-up included, rounds alternate the order, files restored before every run, every planted site checked. Wall time on a shared machine: compare the ratios.`,
});
