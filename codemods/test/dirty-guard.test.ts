/**
 * The dirty-tree guard on temp git repositories: the whole work tree counts
 * (not only the given paths), untracked files that are not ignored count as
 * @next/codemod counts them (ignored ones never), the message names a few
 * dirty files, and --force / --allow-dirty / --dry get past it.
 */
import { execFileSync } from "node:child_process";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { runCodemod, UsageError } from "../src/runner.js";
import { cli, createRepo, ensureBuilt, type Repo } from "./helpers.js";

const RECORDS = `export function fail(span, err) {\n  span.recordException(err);\n}\n`;

let repos: Repo[] = [];
function repo(files: Record<string, string>): Repo {
  const r = createRepo(files);
  repos.push(r);
  return r;
}
afterEach(() => {
  for (const r of repos) r.cleanup();
  repos = [];
});

async function refusal(r: Repo, paths: string[]): Promise<string> {
  try {
    await runCodemod({ transform: "sanitize-exceptions", cwd: r.dir, paths });
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("the run was not refused");
}

describe("dirty-tree guard", () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it("refuses when a tracked file outside the given paths has changes, and names it", async () => {
    const r = repo({ "src/a.js": RECORDS, "docs/notes.md": "notes\n" });
    r.write("docs/notes.md", "edited\n");
    const message = await refusal(r, ["src"]);
    expect(message).toMatch(/uncommitted changes/);
    expect(message).toContain("1 changed file");
    expect(message).toContain("docs/notes.md");
    expect(message).toMatch(/--allow-dirty/);
    expect(r.read("src/a.js")).toBe(RECORDS);
  });

  it("counts staged changes too and lists at most five files", async () => {
    const files: Record<string, string> = { "src/a.js": RECORDS };
    for (let i = 0; i < 8; i++) files[`f${i}.txt`] = "x\n";
    const r = repo(files);
    for (let i = 0; i < 8; i++) r.write(`f${i}.txt`, "y\n");
    execFileSync("git", ["add", "f0.txt", "f1.txt"], { cwd: r.dir }); // staged, the rest unstaged
    const message = await refusal(r, ["."]);
    expect(message).toContain("8 changed files");
    expect(message).toContain("... and 3 more");
  });

  it("untracked files that are not ignored make the tree dirty, wherever they are; ignored ones do not", async () => {
    const r = repo({ "src/a.js": RECORDS, ".gitignore": "build/\n*.log\n" });
    r.write("build/out.js", "ignored\n");
    r.write("debug.log", "ignored\n");
    const report = await runCodemod({ transform: "sanitize-exceptions", cwd: r.dir, paths: ["src"] });
    expect(report.summary.changed).toBe(1);

    const u = repo({ "src/a.js": RECORDS });
    u.write("scratch/new-idea.txt", "untracked\n");
    const message = await refusal(u, ["src"]);
    expect(message).toContain("1 untracked file");
    expect(message).toContain("scratch/new-idea.txt (untracked)");
    expect(message).toContain("git stash -u");
    expect(u.read("src/a.js")).toBe(RECORDS);
  });

  it("--force and --allow-dirty run anyway; --dry never needs either", async () => {
    const r = repo({ "src/a.js": RECORDS, "other.js": "export const x = 1;\n" });
    r.write("other.js", "export const x = 2;\n");
    const dry = cli(["sanitize-exceptions", "src", "--dry"], r.dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("+  recordSanitizedException(span, err);");
    const refused = cli(["sanitize-exceptions", "src"], r.dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("other.js");
    const allowed = cli(["sanitize-exceptions", "src", "--allow-dirty"], r.dir);
    expect(allowed.code).toBe(0);
    expect(r.read("src/a.js")).toContain("recordSanitizedException(span, err);");
  });
});
