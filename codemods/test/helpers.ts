/**
 * Test helpers: throwaway git repositories and a way to run the built CLI.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, type Dirent } from "node:fs";
import os from "node:os";
import path from "node:path";

export const PACKAGE_DIR = path.resolve(import.meta.dirname, "..");
const BIN = path.join(PACKAGE_DIR, "bin", "floe-codemod.js");

/** Builds dist/ when it is missing or older than any source file. */
export function ensureBuilt(): void {
  const cli = path.join(PACKAGE_DIR, "dist", "cli.js");
  const newest = (readdirSync(path.join(PACKAGE_DIR, "src"), { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => statSync(path.join(e.parentPath, e.name)).mtimeMs)
    .reduce((a, b) => Math.max(a, b), 0);
  if (existsSync(cli) && statSync(cli).mtimeMs >= newest) return;
  execFileSync(process.execPath, [path.join(PACKAGE_DIR, "..", "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], {
    cwd: PACKAGE_DIR,
    stdio: "inherit",
  });
}

export interface Repo {
  readonly dir: string;
  write(rel: string, content: string): string;
  read(rel: string): string;
  commit(message?: string): void;
  cleanup(): void;
}

export function createRepo(files: Record<string, string>, { git = true } = {}): Repo {
  const dir = mkdtempSync(path.join(os.tmpdir(), "floe-codemod-test-"));
  const repo: Repo = {
    dir,
    write(rel, content) {
      const file = path.join(dir, rel);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
      return file;
    },
    read: (rel) => readFileSync(path.join(dir, rel), "utf8"),
    commit(message = "snapshot") {
      execFileSync("git", ["add", "-A"], { cwd: dir });
      execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", message], { cwd: dir });
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  for (const [rel, content] of Object.entries(files)) repo.write(rel, content);
  if (git) {
    execFileSync("git", ["init", "-q"], { cwd: dir });
    repo.commit("initial");
  }
  return repo;
}

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function cli(args: readonly string[], cwd: string): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: "1" };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
