/**
 * oxlint+floe against ESLint+floe on the same tree: the generated plugin tree of
 * lint.bench.ts (1,000 TypeScript modules) linted from the command line, as a user or CI
 * would, by `eslint .` (typescript-eslint's parser, `configs.recommended`) and by
 * `oxlint .` (the built plugin as a JS plugin, the same severities, oxlint's own rules
 * off), in interleaved rounds. Both must report the same number of findings; prints
 * the wall-clock ratio.
 * Run: npx tsx test/bench/oxlint.bench.ts
 */
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import floe from "eslint-plugin-floe";
import { runOxlint, writeOxlintConfig } from "../../eslint-plugin-floe/test/support/oxlint.js";
import { generatePluginTree } from "./lib/plugin-tree.js";
import { median, ratio, writeResult } from "./lib/report.js";

const FILES = 1_000;
// Outside the repo: oxlint honours the repo's .gitignore (which ignores test/bench/.work) even with --no-ignore.
const workDir = path.join(os.tmpdir(), "floe-bench-oxlint");
const files = generatePluginTree(workDir, { files: FILES, packages: 20 });

const here = createRequire(import.meta.url);
const fileUrl = (specifier: string) => pathToFileURL(here.resolve(specifier)).href;
writeFileSync(
  path.join(workDir, "eslint.config.js"),
  `import tsParser from ${JSON.stringify(fileUrl("@typescript-eslint/parser"))};
import floe from ${JSON.stringify(fileUrl("eslint-plugin-floe"))};

export default [{ files: ["**/*.ts"], languageOptions: { parser: tsParser } }, floe.configs.recommended];
`,
);
const oxlintConfig = writeOxlintConfig(workDir, floe.configs.recommended.rules as Record<string, unknown>);
const eslintBin = path.join(path.dirname(here.resolve("eslint/package.json")), "bin", "eslint.js");

function eslintFindings(): number {
  const r = spawnSync(process.execPath, [eslintBin, "--no-cache", "--format", "json", "."], { cwd: workDir, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`eslint failed: ${r.stderr}`);
  const results = JSON.parse(r.stdout) as { messages: { fatal?: boolean }[] }[];
  if (results.length < FILES) throw new Error(`eslint linted only ${results.length} files`);
  if (results.some((x) => x.messages.some((m) => m.fatal))) throw new Error("eslint: parse error");
  return results.reduce((n, x) => n + x.messages.length, 0);
}

function oxlintFindings(): number {
  const r = runOxlint(workDir, oxlintConfig, ["."]);
  if (r.files < FILES) throw new Error(`oxlint linted only ${r.files} files`);
  if (r.findings.some((f) => f.ruleId === null)) throw new Error("oxlint: parse error");
  return r.findings.length;
}

console.log(`Linting ${files.length} generated files in ${workDir} with eslint and with oxlint`);
const variants = { eslint: eslintFindings, oxlint: oxlintFindings };
const samples = { eslint: [] as number[], oxlint: [] as number[] };
const findings = { eslint: 0, oxlint: 0 };
const WARMUP = 1;
const ROUNDS = 3;
for (let round = 0; round < WARMUP + ROUNDS; round++) {
  const order = round % 2 === 0 ? (["eslint", "oxlint"] as const) : (["oxlint", "eslint"] as const);
  for (const name of order) {
    const start = performance.now();
    findings[name] = variants[name]();
    const wall = performance.now() - start;
    if (round >= WARMUP) samples[name].push(wall);
  }
}
rmSync(workDir, { recursive: true, force: true });
if (findings.eslint !== findings.oxlint || findings.eslint === 0) throw new Error(`findings differ: eslint ${findings.eslint}, oxlint ${findings.oxlint}`);

const eslintMs = median(samples.eslint);
const oxlintMs = median(samples.oxlint);
writeResult({
  topic: "oxlint",
  title: "oxlint+floe vs ESLint+floe (command line, same tree, same findings)",
  metrics: [
    { label: "files linted", value: files.length, unit: "files" },
    { label: "findings (each linter)", value: findings.eslint, unit: "findings" },
    { label: "eslint . with typescript-eslint parser + floe recommended (median)", value: eslintMs, unit: "ms" },
    { label: "oxlint . with floe as JS plugin (median)", value: oxlintMs, unit: "ms" },
  ],
  ratios: [ratio("ESLint+floe wall time / oxlint+floe wall time", eslintMs / oxlintMs, "> 1 (oxlint faster)", eslintMs > oxlintMs)],
  notes:
    `Interleaved rounds (1 warm-up + 3, alternating order), median wall time of each CLI process (start-up included), no cache; ` +
    `oxlint with its default thread count. Load average at the end ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores (shared machine).`,
});
