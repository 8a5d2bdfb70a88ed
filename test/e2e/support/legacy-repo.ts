/**
 * What every end-to-end test does to a legacy plugin: copy it into a fresh git
 * repo (node_modules linked to this repo's, so @floe/runtime resolves), run the
 * real `floe-codemod` CLI on it, type-check it, lint it with floe's config.
 */
import { spawnSync } from "node:child_process";
import { cpSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import floe from "eslint-plugin-floe";
import tseslint from "typescript-eslint";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const cli = path.join(repoRoot, "codemods", "bin", "floe-codemod.js");
const tscBin = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");

export interface CodemodReport {
  files: { path: string; status: string; reason?: string }[];
}

export function git(cwd: string, ...args: string[]) {
  return spawnSync("git", ["-c", "user.name=e2e", "-c", "user.email=e2e@floe.local", ...args], { cwd, encoding: "utf8" });
}

/** Copies `source` to `<work>/<name>` as a committed git repo whose node_modules is this repo's. */
export function copyToGitRepo(source: string, work: string, name = path.basename(source)): string {
  const dir = path.join(work, name);
  cpSync(source, dir, { recursive: true, filter: (src) => path.basename(src) !== "PLANTED.md" });
  symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
  writeFileSync(path.join(dir, ".gitignore"), "node_modules\ndist\n");
  for (const args of [["init", "-q"], ["add", "-A"], ["commit", "-qm", "legacy"]]) git(dir, ...args);
  return dir;
}

/** Runs `floe-codemod <transform> . --json` in `cwd` and parses its report. */
export function runCodemod(cwd: string, transform: string, ...extra: string[]) {
  const run = spawnSync(process.execPath, [cli, transform, ".", "--json", ...extra], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, CI: "1" },
  });
  return { status: run.status, stderr: run.stderr, report: JSON.parse(run.stdout) as CodemodReport };
}

/** `tsc -p tsconfig.json` in `cwd` (pass `--noEmit` to only type-check). */
export function typeCheck(cwd: string, ...extra: string[]) {
  const run = spawnSync(process.execPath, [tscBin, "-p", "tsconfig.json", ...extra], { cwd, encoding: "utf8" });
  return { status: run.status, output: run.stdout + run.stderr };
}

/** `rule file:line` of every message of floe's recommended config (TS via typescript-eslint's parser, JS via espree). */
export async function lintWithFloe(dir: string, patterns: string[] = ["."], ignores: string[] = []): Promise<string[]> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      { ignores: ["node_modules/**", "dist/**", ...ignores] },
      { files: ["**/*.ts", "**/*.mts", "**/*.cts"], languageOptions: { parser: tseslint.parser as never } },
      floe.configs.recommended as never,
    ],
  });
  const results = await eslint.lintFiles(patterns);
  return results
    .flatMap((r) =>
      r.messages.map((m) => `${m.ruleId ?? `fatal(${m.message})`} ${path.relative(dir, r.filePath).split(path.sep).join("/")}:${m.line}`),
    )
    .sort();
}
