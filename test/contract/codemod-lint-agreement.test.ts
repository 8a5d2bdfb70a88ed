/**
 * The codemod and the lint rules agree: over the same fixture files,
 * `floe-codemod sanitize-exceptions` handles exactly the places that
 * `floe/no-raw-record-exception` and `floe/no-unsanitized-span-status`
 * (ESLint's Node API, the plugin's recommended config) report, ESLint finds
 * nothing left to report in the codemod's output but what the codemod says it
 * left, and `eslint --fix` writes the same code as the codemod, after a
 * normalisation that is spelled out below. Where the two legitimately write
 * different code, the fixture is listed in DIFFERENCES with the reason.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import tsParser from "@typescript-eslint/parser";
import { ESLint, type Linter } from "eslint";
import floe from "eslint-plugin-floe";
import { analyzeSanitizeExceptions, runCodemod, type SanitizeSite } from "floe-codemod";
import { beforeAll, describe, expect, it } from "vitest";

const FIXTURES = path.join(import.meta.dirname, "fixtures", "codemod-lint-agreement");
const RULES = new Set(["floe/no-raw-record-exception", "floe/no-unsanitized-span-status"]);
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/;

/**
 * Fixtures whose fixed code legitimately differs (the findings still agree).
 * Everything else must be equal after `normalise`.
 */
const DIFFERENCES: Readonly<Record<string, string>> = {
  "non-span-local-class.ts":
    "the codemod's Span guard proves `AuditLedger` is not a Span and leaves the call with an eslint-disable note; the syntactic rule cannot know and rewrites it into a type error (the recommended-type-checked config leaves it too)",
  "non-span-imported-class.js":
    "same as non-span-local-class.ts, the class coming from a relative module the guard reads",
  "guarded-call.js":
    "the codemod turns `if (typeof ctx.recordException === \"function\")` into `if (ctx)`, the guard the new call needs; the rule rewrites only the call",
  "optional-method.ts":
    "`span.recordException?.(e)`: the rule only suggests a rewrite (the method may be absent); the codemod rewrites to `if (span) ...`",
};

/** The fixtures whose rewrite the rules may not fix yet: checked for equal output only when ESLint does fix them. */
const LINT_MAY_NOT_FIX: ReadonlySet<string> = new Set([
  // issue 17: in .cjs files the rules report with no fix (the codemod adds a `require`).
  "require-destructure.cjs",
]);

const CONFIG: Linter.Config[] = [
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"],
    languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  { files: ["**/*.js", "**/*.jsx", "**/*.mjs"], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  floe.configs.recommended as Linter.Config,
];

interface Finding {
  readonly rule: string;
  readonly line: number;
  readonly fixable: boolean;
}

function key(file: string, f: { rule: string; line: number }): string {
  return `${file}:${f.line} ${f.rule}`;
}

/** Runtime helpers a file imports or requires from @floe/runtime (placement and form aside). */
function runtimeNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?:import\s*\{([^}]*)\}\s*from|const\s*\{([^}]*)\}\s*=\s*require\()\s*["']@floe\/runtime["']/g)) {
    for (const spec of (m[1] ?? m[2])!.split(",")) {
      const name = spec.trim().split(/\s+as\s+|\s*:\s*/)[0];
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * What both tools may write differently without meaning anything different:
 * - where the `@floe/runtime` import goes and its form (compared separately, by name);
 * - whitespace and blank lines;
 * - the guard around an optional call whose span is reused: `if (span) f(span, e)`,
 *   `span && f(span, e)` and `span ? f(span, e) : undefined` all equal `f(span, e)`, which is
 *   itself a no-op on a nullish span (`recordSanitizedException(undefined, e)` does nothing),
 *   and an arrow body `=> { f(span, e); }` equals `=> f(span, e)` (both return undefined).
 */
function normalise(text: string): string {
  return text
    .replace(/^\s*import\s*\{[^}]*\}\s*from\s*["']@floe\/runtime["'];?\s*$/gm, "")
    .replace(/^\s*const\s*\{[^}]*\}\s*=\s*require\(["']@floe\/runtime["']\);?\s*$/gm, "")
    .replace(/\s+/g, " ")
    .replace(/([([{]) /g, "$1")
    .replace(/ ([)\]}])/g, "$1")
    .replace(/\bif \(([\w$.]+)\) (recordSanitizedException\(\1,)/g, "$2")
    .replace(/\b([\w$.]+) && (recordSanitizedException\(\1,)/g, "$2")
    .replace(/\b([\w$.]+) \? (recordSanitizedException\(\1, [^;]*?\)) : undefined/g, "$2")
    .replace(/=> \{(recordSanitizedException\([^;]*\));\}/g, "=> $1")
    .trim();
}

/** Lines of the original a unified diff removes or replaces (1-based). */
function removedLines(diff: string): Set<number> {
  const lines = new Set<number>();
  let old = 0;
  for (const line of diff.split("\n")) {
    const hunk = /^@@ -(\d+)/.exec(line);
    if (hunk) old = Number(hunk[1]);
    else if (line.startsWith("-") && !line.startsWith("---")) lines.add(old++);
    else if (line.startsWith(" ")) old++;
  }
  return lines;
}

const files = readdirSync(FIXTURES).filter((f) => SOURCE_FILE.test(f)).sort();
const lintFindings = new Map<string, Finding[]>();
const lintOutput = new Map<string, string>();
const codemodSites = new Map<string, readonly SanitizeSite[]>();
const codemodOutput = new Map<string, string>();

beforeAll(async () => {
  const report = new ESLint({ cwd: FIXTURES, overrideConfigFile: true, overrideConfig: CONFIG });
  for (const result of await report.lintFiles(files)) {
    const file = path.basename(result.filePath);
    expect(result.messages.filter((m) => m.fatal), file).toEqual([]);
    lintFindings.set(
      file,
      result.messages.filter((m) => m.ruleId && RULES.has(m.ruleId)).map((m) => ({ rule: m.ruleId!, line: m.line, fixable: !!m.fix })),
    );
  }
  const fixer = new ESLint({ cwd: FIXTURES, overrideConfigFile: true, overrideConfig: CONFIG, fix: true });
  for (const result of await fixer.lintFiles(files)) {
    const file = path.basename(result.filePath);
    lintOutput.set(file, result.output ?? readFileSync(result.filePath, "utf8"));
  }
  for (const file of files) {
    const source = readFileSync(path.join(FIXTURES, file), "utf8");
    codemodSites.set(file, analyzeSanitizeExceptions({ path: path.join(FIXTURES, file), source }).sites);
  }
  // The real entry point (CLI runner, standalone transform), in memory.
  const run = await runCodemod({ transform: "sanitize-exceptions", cwd: FIXTURES, paths: ["."], dry: true, print: true, workers: 0, noPrefilter: true });
  for (const entry of run.files) {
    expect(entry.status, `${entry.path}: ${entry.reason ?? ""}`).not.toBe("error");
    const file = path.basename(entry.path);
    codemodOutput.set(file, entry.output ?? readFileSync(path.join(FIXTURES, file), "utf8"));
  }
});

/** The type-checked config: the rules then confirm receivers with the fixtures' tsconfig.json. */
const TYPED_CONFIG: Linter.Config[] = [
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts", "**/*.js", "**/*.cjs"],
    languageOptions: {
      parser: tsParser as Linter.Parser,
      parserOptions: { projectService: true, tsconfigRootDir: FIXTURES, ecmaFeatures: { jsx: true } },
    },
  },
  floe.configs["recommended-type-checked"] as Linter.Config,
];

describe("sanitize-exceptions and the lint rules agree", () => {
  it("covers at least 25 shapes", () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    const reported = [...lintFindings.values()].flat();
    expect(reported.filter((f) => f.rule === "floe/no-raw-record-exception").length).toBeGreaterThanOrEqual(15);
    expect(reported.filter((f) => f.rule === "floe/no-unsanitized-span-status").length).toBeGreaterThanOrEqual(10);
  });

  it("the codemod finds exactly the (file, line) findings ESLint reports", () => {
    const fromLint = [...lintFindings].flatMap(([file, fs]) => fs.map((f) => key(file, f))).sort();
    const fromCodemod = [...codemodSites].flatMap(([file, sites]) => sites.map((s) => key(file, s))).sort();
    expect(fromCodemod).toEqual(fromLint);
  });

  it("every finding the rules can fix, the codemod rewrites (or notes as not a Span); what it leaves, the rules cannot fix either", () => {
    for (const file of files) {
      const sites = codemodSites.get(file)!;
      for (const finding of lintFindings.get(file)!) {
        const site = sites.find((s) => s.line === finding.line && s.rule === finding.rule)!;
        if (finding.fixable) expect(["rewritten", "noted"], key(file, finding)).toContain(site.action);
        if (site.action === "left") {
          expect(finding.fixable, `${key(file, finding)} left by the codemod: ${site.reason}`).toBe(false);
          expect(site.reason).toBeTruthy();
        }
      }
    }
  });

  it("ESLint reports nothing in the codemod's output but the sites the codemod says it left", async () => {
    const linter = new ESLint({ cwd: FIXTURES, overrideConfigFile: true, overrideConfig: CONFIG });
    for (const file of files) {
      const [result] = await linter.lintText(codemodOutput.get(file)!, { filePath: path.join(FIXTURES, file) });
      const remaining = result!.messages.filter((m) => (m.ruleId && RULES.has(m.ruleId)) || m.fatal);
      const left = codemodSites.get(file)!.filter((s) => s.action === "left");
      expect(remaining.map((m) => m.ruleId).sort(), file).toEqual(left.map((s) => s.rule).sort());
    }
  });

  it("eslint --fix and the codemod write the same code (normalised), except the documented differences", () => {
    for (const file of files) {
      const fixed = lintOutput.get(file)!;
      const rewritten = codemodOutput.get(file)!;
      if (DIFFERENCES[file]) {
        expect(normalise(rewritten), `${file} is documented as different: ${DIFFERENCES[file]}`).not.toBe(normalise(fixed));
        continue;
      }
      const original = readFileSync(path.join(FIXTURES, file), "utf8");
      if (LINT_MAY_NOT_FIX.has(file) && fixed === original) continue;
      expect(normalise(rewritten), file).toBe(normalise(fixed));
      expect(runtimeNames(rewritten), file).toEqual(runtimeNames(fixed));
    }
  });

  it("with type information, the rules leave alone exactly what the codemod's Span guard notes, and report nothing the codemod does not handle", async () => {
    const typed = new ESLint({ cwd: FIXTURES, overrideConfigFile: true, overrideConfig: TYPED_CONFIG });
    const findings = new Set<string>();
    for (const result of await typed.lintFiles(files)) {
      const file = path.basename(result.filePath);
      expect(result.messages.filter((m) => m.fatal), file).toEqual([]);
      for (const m of result.messages) if (m.ruleId && RULES.has(m.ruleId)) findings.add(key(file, { rule: m.ruleId, line: m.line }));
    }
    const sites = [...codemodSites].flatMap(([file, s]) => s.map((site) => ({ key: key(file, site), action: site.action })));
    const noted = sites.filter((s) => s.action === "noted").map((s) => s.key);
    expect(noted.length).toBeGreaterThanOrEqual(2);
    for (const k of noted) expect(findings.has(k), `${k}: the codemod proved it is not a Span; the type checker must agree`).toBe(false);
    const handled = new Set(sites.filter((s) => s.action !== "noted").map((s) => s.key));
    for (const k of findings) expect(handled.has(k), `${k}: reported with type information, not handled by the codemod`).toBe(true);
  });

  it("check reports what the rules report, where they report it, and means the same as the standalone transform", async () => {
    const check = await runCodemod({ transform: "check", cwd: FIXTURES, paths: ["."], print: true, workers: 0, noPrefilter: true });
    const changed = new Map(check.files.filter((f) => f.status === "changed").map((f) => [path.basename(f.path), f]));
    for (const file of files) {
      const original = readFileSync(path.join(FIXTURES, file), "utf8");
      const standalone = codemodOutput.get(file)!;
      // the same output, Span guard included, inside the pipeline as on its own
      expect(changed.get(file)?.output ?? original, file).toBe(standalone);
      // a finding the rules can fix is a line check rewrites
      const entry = changed.get(file);
      expect(entry?.changes?.map((c) => c.transform) ?? ["sanitize-exceptions"], file).toEqual(["sanitize-exceptions"]);
      const rewrittenLines = removedLines(entry?.diff ?? "");
      for (const finding of lintFindings.get(file)!.filter((f) => f.fixable)) {
        const site = codemodSites.get(file)!.find((s) => s.line === finding.line && s.rule === finding.rule)!;
        if (site.action === "noted") continue; // left as it is, a note inserted above it
        expect(rewrittenLines.has(finding.line), `${key(file, finding)}: check does not change that line (changed: ${[...rewrittenLines].join(",")})`).toBe(true);
      }
    }
    expect(check.exitCode).toBe(1);
  }, 120_000);

  it("a second codemod run changes nothing", () => {
    for (const file of files) {
      const again = analyzeSanitizeExceptions({ path: path.join(FIXTURES, file), source: codemodOutput.get(file)! });
      expect(again.output, file).toBeUndefined();
    }
  });
});
