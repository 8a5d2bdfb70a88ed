#!/usr/bin/env node
/**
 * Crash hunt over large real code bases (run by hand, not part of the test suite):
 * lints every .js/.mjs/.cjs/.ts/.mts/.cts/.d.ts/.tsx file of big installed packages
 * under /work/main/node_modules with `configs.recommended` (JS with ESLint's default
 * parser, TS with typescript-eslint's), then `configs["recommended-type-checked"]`
 * with type information over the repo's own packages and over a generated,
 * OpenTelemetry-heavy TypeScript project full of edge cases.
 *
 * A rule exception on one file never stops the run: it is caught per file, the
 * crashing rule is isolated by re-linting with one rule at a time, and file + rule +
 * stack are printed. Exit code 1 when any rule crashed.
 *
 *   node scripts/lint-large-tree.mjs                 # every phase
 *   node scripts/lint-large-tree.mjs trees           # node_modules trees only
 *   node scripts/lint-large-tree.mjs typed synthetic # the type-checked phases
 *   node scripts/lint-large-tree.mjs --findings=@opentelemetry   # print findings under a path
 *
 * Build first: `npx tsc -p tsconfig.build.json` (the script loads dist/).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import plugin from "../dist/index.js";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(packageDir, "..");
const nodeModules = path.join(repoRoot, "node_modules");

const args = process.argv.slice(2);
const phases = new Set(args.filter((a) => !a.startsWith("--")));
const runPhase = (name) => phases.size === 0 || phases.has(name);
const findingsFilter = args.find((a) => a.startsWith("--findings="))?.slice("--findings=".length);
/**
 * Every rule skips files that never mention what it looks for (the text pre-filter), so most
 * third-party files would never reach rule code. Unless --no-force, a comment naming every
 * trigger word is inserted as line 1 (after a shebang), making every visitor run on every file.
 * Findings cannot change (a comment is not code); reported lines are mapped back.
 */
const forceVisitors = !args.includes("--no-force");
const TRIGGER_COMMENT = "/* floe-crash-hunt: recordException setStatus setAttribute extends operationName @floe/iceberg */\n";

function withTriggers(text) {
  if (!forceVisitors) return { text, lineShift: 0 };
  const shebang = text.startsWith("#!") ? text.slice(0, text.indexOf("\n") + 1 || text.length) : "";
  if (shebang && !shebang.endsWith("\n")) return { text, lineShift: 0 };
  return { text: shebang + TRIGGER_COMMENT + text.slice(shebang.length), lineShift: 1 };
}

/** The trees of the outside check: large public OpenTelemetry and tooling code bases. */
const TREES = [
  "@opentelemetry",
  "typescript-eslint",
  "@typescript-eslint",
  "ts-morph",
  "@ts-morph",
  "jscodeshift",
  "recast",
  "@babel",
  "vitest",
  "zod",
  "jose",
  "nodemailer",
  "yaml",
  "eslint",
];

const JS_EXT = /\.(?:js|mjs|cjs)$/;
const TS_EXT = /\.(?:ts|mts|cts|tsx)$/;
const TS_FILES = ["**/*.ts", "**/*.mts", "**/*.cts", "**/*.tsx"];

function* walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile() && (JS_EXT.test(entry.name) || TS_EXT.test(entry.name))) yield full;
  }
}

/** Node's rule for a .js file: ESM when the nearest package.json says `"type": "module"`. */
const typeByDir = new Map();
function packageType(dir) {
  if (typeByDir.has(dir)) return typeByDir.get(dir);
  let type;
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    type = manifest.type === "module" ? "module" : "commonjs";
  } catch {
    const parent = path.dirname(dir);
    type = parent === dir ? "commonjs" : packageType(parent);
  }
  typeByDir.set(dir, type);
  return type;
}

function sourceTypeOf(file) {
  if (file.endsWith(".mjs")) return "module";
  if (file.endsWith(".cjs")) return "commonjs";
  return packageType(path.dirname(file));
}

/** One ESLint instance per (config, source type); `only` restricts to one rule (crash isolation). */
function makeLinter({ floeConfig, sourceType, typed, only, cwd = "/" }) {
  const rules = only ? { [only]: floeConfig.rules[only] } : floeConfig.rules;
  return new ESLint({
    cwd,
    // `ignore: false` would drop the un-ignore below too and ESLint 10 still skips node_modules.
    ignore: true,
    overrideConfigFile: true,
    overrideConfig: [
      // The trees live under node_modules, which ESLint ignores by default.
      { ignores: ["!**/node_modules/"] },
      { files: ["**/*.js", "**/*.mjs", "**/*.cjs", "**/*.jsx"], languageOptions: { sourceType } },
      {
        files: TS_FILES,
        languageOptions: {
          parser: tsParser,
          parserOptions: typed
            ? { projectService: { allowDefaultProject: ["*.js", "*.ts"] }, tsconfigRootDir: typed }
            : { ecmaFeatures: { jsx: true } },
        },
      },
      { ...floeConfig, rules },
      // Third-party files carry directives for rules of their own; in the trees they only hide findings.
      {
        linterOptions: {
          noInlineConfig: !typed,
          reportUnusedDisableDirectives: "off",
          reportUnusedInlineConfigs: "off",
        },
      },
    ],
  });
}

function newStats(label) {
  return {
    label,
    files: 0,
    parseErrors: 0,
    findings: new Map(),
    crashes: [],
    parseSamples: [],
    findingSamples: [],
    unexpected: [],
    missed: [],
  };
}

function isFatalParse(message) {
  return message.fatal === true && message.ruleId === null;
}

/** Which single rule throws on `text`, with its stack. */
async function isolateCrash(options, file, text, originalError) {
  const crashes = [];
  for (const ruleId of Object.keys(options.floeConfig.rules)) {
    const linter = makeLinter({ ...options, only: ruleId });
    try {
      await linter.lintText(text, { filePath: file });
    } catch (error) {
      crashes.push({ file, rule: ruleId, stack: String(error?.stack ?? error) });
    }
  }
  if (crashes.length === 0) crashes.push({ file, rule: "(unknown)", stack: String(originalError?.stack ?? originalError) });
  return crashes;
}

/** Per-file floe findings as `line -> Set of rule ids`. */
function findingsByLine(messages, lineShift) {
  const byLine = new Map();
  for (const m of messages) {
    if (!m.ruleId?.startsWith("floe/")) continue;
    const line = m.line - lineShift;
    if (!byLine.has(line)) byLine.set(line, new Set());
    byLine.get(line).add(m.ruleId);
  }
  return byLine;
}

/** Compares findings with `// expect:` annotations: extra findings are false positives, missing ones misses. */
function compareExpectations(stats, file, actual, expected) {
  const rel = path.basename(path.dirname(file)) + "/" + path.basename(file);
  for (const [line, rules] of actual) {
    for (const rule of rules) if (!expected.get(line)?.has(rule)) stats.unexpected.push(`${rel}:${line} ${rule}`);
  }
  for (const [line, rules] of expected) {
    for (const rule of rules) if (!actual.get(line)?.has(rule)) stats.missed.push(`${rel}:${line} ${rule}`);
  }
}

async function lintFiles(stats, files, optionsFor, expectationsOf) {
  const linters = new Map();
  let index = 0;
  for (const file of files) {
    index += 1;
    if (index % 500 === 0) process.stderr.write(`  ${stats.label}: ${index}/${files.length}\n`);
    const options = optionsFor(file);
    const key = JSON.stringify([options.sourceType, options.typed, options.floeConfig.name]);
    if (!linters.has(key)) linters.set(key, makeLinter(options));
    const original = readFileSync(file, "utf8");
    const { text, lineShift } = options.typed ? { text: original, lineShift: 0 } : withTriggers(original);
    stats.files += 1;
    let messages;
    try {
      messages = (await linters.get(key).lintText(text, { filePath: file }))[0]?.messages ?? [];
      // Build folders named `esm` hold ES modules under a CommonJS package.json (and vice versa): retry once.
      if (!TS_EXT.test(file) && messages.some(isFatalParse)) {
        const other = { ...options, sourceType: options.sourceType === "module" ? "commonjs" : "module" };
        const otherKey = JSON.stringify([other.sourceType, other.typed, other.floeConfig.name]);
        if (!linters.has(otherKey)) linters.set(otherKey, makeLinter(other));
        const retried = (await linters.get(otherKey).lintText(text, { filePath: file }))[0]?.messages ?? [];
        if (!retried.some(isFatalParse)) messages = retried;
      }
    } catch (error) {
      stats.crashes.push(...(await isolateCrash(options, file, text, error)));
      continue;
    }
    if (expectationsOf) compareExpectations(stats, file, findingsByLine(messages, lineShift), expectationsOf(original));
    for (const message of messages) {
      if (isFatalParse(message)) {
        stats.parseErrors += 1;
        if (stats.parseSamples.length < 5) stats.parseSamples.push(`${file}:${message.line} ${message.message}`);
        continue;
      }
      if (message.ruleId === null || !message.ruleId.startsWith("floe/")) {
        // Directive notices (unused directives, rules of other plugins named in comments) are not floe's.
        if (message.fatal) stats.crashes.push({ file, rule: "(eslint)", stack: message.message });
        continue;
      }
      stats.findings.set(message.ruleId, (stats.findings.get(message.ruleId) ?? 0) + 1);
      if (findingsFilter === undefined || file.includes(findingsFilter)) {
        stats.findingSamples.push(`${path.relative(repoRoot, file)}:${message.line - lineShift}:${message.column} ${message.ruleId} ${message.message}`);
      }
    }
  }
  return stats;
}

function report(stats) {
  console.log(`\n== ${stats.label}: ${stats.files} files, ${stats.parseErrors} unparsable, ${stats.crashes.length} crashes`);
  for (const [rule, count] of [...stats.findings].sort()) console.log(`   ${rule}: ${count}`);
  for (const sample of stats.parseSamples) console.log(`   (parse) ${sample}`);
  for (const crash of stats.crashes.slice(0, 40)) console.log(`   CRASH ${crash.rule} in ${crash.file}\n${crash.stack.split("\n").slice(0, 12).join("\n")}`);
  for (const f of stats.unexpected) console.log(`   UNEXPECTED (false positive?) ${f}`);
  for (const f of stats.missed) console.log(`   MISSED ${f}`);
  if (findingsFilter !== undefined) for (const f of stats.findingSamples) console.log(`   ${f}`);
}

async function lintTrees() {
  const all = [];
  for (const tree of TREES) {
    const root = path.join(nodeModules, tree);
    if (!existsSync(root)) {
      console.log(`(missing tree ${tree})`);
      continue;
    }
    const files = [...walk(root)];
    const stats = await lintFiles(newStats(`node_modules/${tree}`), files, (file) => ({
      floeConfig: plugin.configs.recommended,
      sourceType: TS_EXT.test(file) ? "module" : sourceTypeOf(file),
      typed: undefined,
    }));
    report(stats);
    all.push(stats);
  }
  return all;
}

/** The repo's own packages with type information (projectService), as the repo's eslint.config.js does. */
async function lintRepoTyped() {
  const roots = ["runtime/src", "runtime/test", "codemods/src", "eslint-plugin-floe/src"];
  for (const dir of readdirSync(path.join(repoRoot, "plugins"))) roots.push(`plugins/${dir}/src`, `plugins/${dir}/test`);
  const files = roots
    .flatMap((r) => [...walk(path.join(repoRoot, r))])
    .filter((f) => TS_EXT.test(f) && !f.includes(`${path.sep}fixtures${path.sep}`));
  const stats = await lintFiles(newStats("repo packages (recommended-type-checked)"), files, () => ({
    floeConfig: plugin.configs["recommended-type-checked"],
    sourceType: "module",
    typed: repoRoot,
    cwd: repoRoot,
  }));
  report(stats);
  return [stats];
}

async function lintSynthetic() {
  const { expectedFindings, writeSyntheticProject } = await import("./synthetic-otel-project.mjs");
  const dir = mkdtempSync(path.join(os.tmpdir(), "floe-lint-synth-"));
  try {
    symlinkSync(nodeModules, path.join(dir, "node_modules"), "dir");
    const files = writeSyntheticProject(dir);
    const stats = await lintFiles(newStats(`synthetic OTel project (${files.length} files)`), files, (file) => ({
      floeConfig: plugin.configs["recommended-type-checked"],
      sourceType: "module",
      typed: TS_EXT.test(file) ? dir : undefined,
      cwd: dir,
    }), expectedFindings);
    report(stats);
    return [stats];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const started = Date.now();
const everything = [];
if (runPhase("trees")) everything.push(...(await lintTrees()));
if (runPhase("typed")) everything.push(...(await lintRepoTyped()));
if (runPhase("synthetic")) everything.push(...(await lintSynthetic()));

const totalFiles = everything.reduce((n, s) => n + s.files, 0);
const totalCrashes = everything.reduce((n, s) => n + s.crashes.length, 0);
const totalUnexpected = everything.reduce((n, s) => n + s.unexpected.length + s.missed.length, 0);
const totals = new Map();
for (const s of everything) for (const [rule, count] of s.findings) totals.set(rule, (totals.get(rule) ?? 0) + count);
console.log(`\n== total: ${totalFiles} files, ${totalCrashes} crashes, ${Math.round((Date.now() - started) / 1000)} s`);
for (const [rule, count] of [...totals].sort()) console.log(`   ${rule}: ${count}`);
if (totalUnexpected > 0) console.log(`   ${totalUnexpected} synthetic expectation mismatches (see above)`);
process.exitCode = totalCrashes > 0 || totalUnexpected > 0 ? 1 : 0;
