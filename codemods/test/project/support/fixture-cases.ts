/**
 * Directory-snapshot fixtures of the project transforms
 * (`test/fixtures/project/<case>/{case.json,input/,output/}`): loading the
 * cases, copying an input package to a temp dir, applying the FileChange[] a
 * transform returns the way the runner would, and reading a tree back.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FileChange, ProjectTransform, TransformOptions } from "../../../src/core/types.js";
import { generateTracing } from "../../../src/transforms/generate-tracing.js";
import { instrumentOperations } from "../../../src/transforms/instrument-operations.js";

export const FIXTURES_DIR = fileURLToPath(new URL("../../fixtures/project/", import.meta.url));

export const TRANSFORMS: Readonly<Record<string, ProjectTransform>> = {
  "generate-tracing": generateTracing,
  "instrument-operations": instrumentOperations,
};

/** What running the transformed package should show (see generated-code-runs.test.ts). */
export interface RuntimeExpectation {
  /** Module of the plugin class, relative to the package. */
  readonly module: string;
  readonly className: string;
  readonly tracerName: string;
  /** An operation to call on an instance, and the span it must produce. */
  readonly call?: { readonly method: string; readonly args: readonly unknown[]; readonly span: string };
}

export interface FixtureCase {
  readonly name: string;
  readonly dir: string;
  readonly transform: ProjectTransform;
  readonly description: string;
  readonly options: TransformOptions;
  /** Pattern the thrown error's message must match; no output/ then. */
  readonly error?: string;
  readonly runtime?: RuntimeExpectation;
}

export async function loadCases(): Promise<FixtureCase[]> {
  const names = (await fs.readdir(FIXTURES_DIR)).sort();
  const cases: FixtureCase[] = [];
  for (const name of names) {
    const dir = path.join(FIXTURES_DIR, name);
    const spec = JSON.parse(await fs.readFile(path.join(dir, "case.json"), "utf8")) as {
      transform: string;
      description: string;
      options?: TransformOptions;
      error?: string;
      runtime?: RuntimeExpectation;
    };
    const transform = TRANSFORMS[spec.transform];
    if (!transform) throw new Error(`${name}/case.json: unknown transform ${spec.transform}`);
    cases.push({ name, dir, transform, description: spec.description, options: spec.options ?? {}, error: spec.error, runtime: spec.runtime });
  }
  return cases;
}

/** Every file under `dir`, as relative path -> content. */
export async function readTree(dir: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  async function walk(current: string): Promise<void> {
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else tree[path.relative(dir, full).split(path.sep).join("/")] = await fs.readFile(full, "utf8");
    }
  }
  await walk(dir);
  return Object.fromEntries(Object.entries(tree).sort(([a], [b]) => a.localeCompare(b)));
}

/** Copies `source` into a fresh temp directory and returns its path. */
export async function copyToTemp(source: string, label: string): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), `floe-codemod-${label}-`));
  const target = path.join(root, "package");
  await fs.cp(source, target, { recursive: true });
  return target;
}

/** Writes the changes as the runner does (content as given, directories created). */
export async function applyChanges(changes: readonly FileChange[]): Promise<void> {
  for (const change of changes) {
    await fs.mkdir(path.dirname(change.path), { recursive: true });
    await fs.writeFile(change.path, change.content);
  }
}

export async function removeTemp(packageDir: string): Promise<void> {
  await fs.rm(path.dirname(packageDir), { recursive: true, force: true });
}
