/**
 * The sanitizer as it was at another git revision (default: the merge base
 * with `main`, override with SANITIZER_BASELINE_REF), so the sanitizer bench
 * can run old and new side by side in one process. `runtime/src/sanitize/`
 * is self-contained, so its files at that revision are written to a scratch
 * directory and imported (the bench runs under tsx, which loads TypeScript).
 * Returns undefined with a reason when git or the revision is unavailable.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

export type Sanitize = (message: unknown, options?: { maxLength?: number }) => string;

function git(args: string[]): string {
  return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 << 20 });
}

export async function loadBaselineSanitizer(): Promise<{ sanitize?: Sanitize; revision: string; reason?: string }> {
  let revision = process.env.SANITIZER_BASELINE_REF ?? "";
  try {
    if (revision === "") revision = git(["merge-base", "HEAD", "main"]).trim();
    const commit = git(["rev-parse", "--verify", `${revision}^{commit}`]).trim();
    const files = git(["ls-tree", "-r", "--full-tree", "--name-only", commit, "runtime/src/sanitize"]).split("\n").filter((f) => f.endsWith(".ts"));
    if (files.length === 0) return { revision, reason: "no runtime/src/sanitize at that revision" };
    const root = path.join(os.tmpdir(), `floe-sanitizer-baseline-${commit.slice(0, 12)}`);
    for (const file of files) {
      const target = path.join(root, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, git(["show", `${commit}:${file}`]));
    }
    const module = (await import(pathToFileURL(path.join(root, "runtime/src/sanitize/index.ts")).href)) as { sanitizeErrorMessage: Sanitize };
    return { sanitize: module.sanitizeErrorMessage, revision: commit.slice(0, 12) };
  } catch (error) {
    return { revision, reason: `baseline unavailable (${error instanceof Error ? error.message.split("\n")[0] : String(error)})` };
  }
}
