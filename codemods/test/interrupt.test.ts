/**
 * Interrupted runs lose nothing: the CLI is killed (SIGKILL, then SIGINT) on
 * a generated tree right after its first write; every file must then parse
 * and be either its old text or its fully rewritten text, SIGINT must leave no
 * temp file behind, and a re-run completes the job (and removes what a
 * SIGKILL left).
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { verifyParses } from "../src/core/process-file.js";
import { cli, createRepo, ensureBuilt, PACKAGE_DIR, type Repo } from "./helpers.js";

const BIN = path.join(PACKAGE_DIR, "bin", "floe-codemod.js");
const FILES = 800;

const name = (i: number) => `src/m${String(i).padStart(4, "0")}.ts`;
const before = (i: number) => `import type { Span } from "@opentelemetry/api";\n\nexport function fail${i}(span: Span, err: Error): void {\n  span.recordException(err);\n}\n`;
const after = (i: number) =>
  `import type { Span } from "@opentelemetry/api";\nimport { recordSanitizedException } from "@floe/runtime";\n\nexport function fail${i}(span: Span, err: Error): void {\n  recordSanitizedException(span, err);\n}\n`;

let repos: Repo[] = [];
afterEach(() => {
  for (const r of repos) r.cleanup();
  repos = [];
});

function tree(): Repo {
  const files: Record<string, string> = {};
  for (let i = 0; i < FILES; i++) files[name(i)] = before(i);
  const r = createRepo(files, { git: false });
  repos.push(r);
  return r;
}

/** Starts the CLI, waits until the first file (in write order) is rewritten, sends `signal`, resolves with how it ended. */
async function interruptAfterFirstWrite(r: Repo, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [BIN, "sanitize-exceptions", "."], { cwd: r.dir, env: { ...process.env, CI: "1" }, stdio: "ignore" });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, sig) => resolve({ code, signal: sig })));
  let done = false;
  void exited.then(() => (done = true));
  while (!done && r.read(name(0)) === before(0)) await new Promise((resolve) => setTimeout(resolve, 1));
  if (!done) child.kill(signal);
  return exited;
}

/** Every file parses and is old or new; returns how many are new. */
function checkAllOldOrNew(r: Repo): number {
  let rewritten = 0;
  for (let i = 0; i < FILES; i++) {
    const text = r.read(name(i));
    expect([before(i), after(i)], name(i)).toContain(text);
    expect(verifyParses(path.join(r.dir, name(i)), text)).toBeUndefined();
    if (text === after(i)) rewritten++;
  }
  return rewritten;
}

const temps = (r: Repo) => readdirSync(path.join(r.dir, "src")).filter((f) => f.endsWith(".tmp"));

describe("interrupted runs", () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it("SIGKILL mid-run: every file old or fully new, and a re-run completes the job", async () => {
    const r = tree();
    const ended = await interruptAfterFirstWrite(r, "SIGKILL");
    const rewritten = checkAllOldOrNew(r);
    expect(rewritten).toBeGreaterThan(0);
    if (ended.signal === "SIGKILL") expect(rewritten).toBeLessThan(FILES); // it did die mid-run
    const rerun = cli(["sanitize-exceptions", "."], r.dir);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(checkAllOldOrNew(r)).toBe(FILES);
    expect(temps(r)).toEqual([]);
    expect(readFileSync(path.join(r.dir, name(FILES - 1)), "utf8")).toBe(after(FILES - 1));
  }, 120_000);

  it("SIGINT mid-run: the process dies by the signal, no temp file is left, every file old or new", async () => {
    const r = tree();
    const ended = await interruptAfterFirstWrite(r, "SIGINT");
    if (ended.signal !== null) expect(ended.signal).toBe("SIGINT");
    expect(temps(r)).toEqual([]);
    expect(checkAllOldOrNew(r)).toBeGreaterThan(0);
    expect(cli(["sanitize-exceptions", "."], r.dir).code).toBe(0);
    expect(checkAllOldOrNew(r)).toBe(FILES);
  }, 120_000);
});
