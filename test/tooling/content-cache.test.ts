/**
 * The content-keyed cache that lets a second `npm test` skip ESLint and `floe-codemod check`
 * (scripts/lib/content-cache.mjs), on a temp git repository: the key is stable on an unchanged
 * tree and changes with a source file, a built rule, the ESLint config, the conventions, the
 * lockfile or a new untracked file, never with an ignored one; only a remembered pass with the
 * same key counts.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

interface ContentCache {
  contentKey(root: string, options: { sourcePaths: readonly string[]; builtDirs?: readonly string[]; salt?: string }): string | null;
  passedBefore(root: string, name: string, key: string | null): boolean;
  rememberPass(root: string, name: string, key: string | null): void;
}
// A plain .mjs script of the repo (no declarations): loaded by URL and typed here.
const cacheModule = pathToFileURL(path.resolve(import.meta.dirname, "..", "..", "scripts", "lib", "content-cache.mjs")).href;
const { contentKey, passedBefore, rememberPass } = (await import(cacheModule)) as ContentCache;

let root: string;
const write = (rel: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
};
const key = () => contentKey(root, { sourcePaths: ["."], builtDirs: ["plugin/dist"], salt: "eslint" });

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "floe-content-cache-"));
  write(".gitignore", "node_modules/\nplugin/dist/\n*.log\n");
  write("eslint.config.js", "export default [];\n");
  write("package-lock.json", "{}\n");
  write("runtime/src/conventions.ts", "export const CATEGORIES = ['alert'];\n");
  write("src/a.ts", "export const a = 1;\n");
  write("plugin/dist/rules/no-raw-record-exception.js", "export default {};\n");
  execFileSync("git", ["init", "-q"], { cwd: root });
  execFileSync("git", ["add", "-A"], { cwd: root });
  execFileSync("git", ["-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-qm", "init"], { cwd: root });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("content-keyed check cache", () => {
  it("a pass is remembered under the key of an unchanged tree, and only under that key", () => {
    const first = key();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(key()).toBe(first);
    expect(passedBefore(root, "eslint", first)).toBe(false);
    rememberPass(root, "eslint", first);
    expect(passedBefore(root, "eslint", first)).toBe(true);
    expect(passedBefore(root, "floe-codemod-check", first)).toBe(false);
    write("src/a.ts", "export const a = 2;\n");
    expect(passedBefore(root, "eslint", key())).toBe(false);
  });

  it.each([
    ["a source file", "src/a.ts", "export const a = 2;\n"],
    ["a built rule (ignored by git, hashed as a built dir)", "plugin/dist/rules/no-raw-record-exception.js", "export default { changed: true };\n"],
    ["the ESLint config", "eslint.config.js", "export default [{}];\n"],
    ["the conventions", "runtime/src/conventions.ts", "export const CATEGORIES = ['alert', 'secrets'];\n"],
    ["the lockfile", "package-lock.json", '{"lockfileVersion":3}\n'],
    ["a new untracked file", "src/b.ts", "export const b = 1;\n"],
  ])("changes with %s", (_what, file, text) => {
    const before = key();
    write(file, text);
    expect(key()).not.toBe(before);
  });

  it("does not change with an ignored file", () => {
    const before = key();
    write("debug.log", "noise\n");
    write("node_modules/x/index.js", "module.exports = 1;\n");
    expect(key()).toBe(before);
  });

  it("is null outside a git work tree, and null never counts as a pass", () => {
    const plain = mkdtempSync(path.join(os.tmpdir(), "floe-content-cache-nogit-"));
    try {
      const k = contentKey(plain, { sourcePaths: ["."] });
      expect(k).toBeNull();
      rememberPass(plain, "eslint", k);
      expect(passedBefore(plain, "eslint", k)).toBe(false);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
