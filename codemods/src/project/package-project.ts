/**
 * One plugin package loaded for a project transform: its package.json and
 * its source files under `src/` parsed into an in-memory ts-morph Project
 * (nothing is ever written to disk here). Edits happen on the in-memory
 * files; `changes()` reports the files whose content differs from disk.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import {
  IndentationText,
  NewLineKind,
  Project,
  QuoteKind,
  ts,
  type SourceFile,
} from "ts-morph";
import type { FileChange } from "../core/types.js";
import { readPackageJson, type PackageJsonInfo } from "./package-json.js";
import { readSourceText } from "./source-text.js";

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
const TS_EXTENSIONS = new Set([".ts", ".tsx", ".mts", ".cts"]);
const SKIPPED_DIRS = new Set(["node_modules", "dist", "build", "coverage", ".git", ".turbo"]);

export type PackageLanguage = "ts" | "js";

export function isSourceFile(file: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(file)) && !/\.d\.[cm]?ts$/.test(file);
}

export function isTypeScriptFile(file: string): boolean {
  return TS_EXTENSIONS.has(path.extname(file)) && !/\.d\.[cm]?ts$/.test(file);
}

/** Files under `dir` (recursively, skipping node_modules, dist and dot folders) accepted by `accept`. */
export async function listFiles(dir: string, accept: (file: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || entry.name.startsWith(".")) continue;
      found.push(...(await listFiles(full, accept)));
    } else if (entry.isFile() && accept(full)) {
      found.push(full);
    }
  }
  return found;
}

export class PackageProject {
  readonly project: Project;
  /** Pending new content of files that are not source files of the project (package.json, tests). */
  private readonly extraFiles = new Map<string, { content: string; original: string | undefined }>();
  private readonly originals = new Map<string, string>();

  private constructor(
    readonly dir: string,
    readonly packageJson: PackageJsonInfo,
  ) {
    this.project = new Project({
      useInMemoryFileSystem: true,
      skipAddingFilesFromTsConfig: true,
      compilerOptions: { allowJs: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext },
      manipulationSettings: {
        indentationText: IndentationText.TwoSpaces,
        quoteKind: QuoteKind.Double,
        newLineKind: NewLineKind.LineFeed,
        useTrailingCommas: true,
      },
    });
  }

  static async load(packageDir: string): Promise<PackageProject> {
    const dir = path.resolve(packageDir);
    const pkg = new PackageProject(dir, await readPackageJson(dir));
    for (const file of await listFiles(pkg.srcDir, isSourceFile)) {
      const text = (await readSourceText(file))!;
      pkg.originals.set(file, text);
      pkg.project.createSourceFile(file, text, { overwrite: true });
    }
    return pkg;
  }

  get srcDir(): string {
    return path.join(this.dir, "src");
  }

  sourceFiles(): SourceFile[] {
    return this.project.getSourceFiles();
  }

  /** `js` when the package has no TypeScript source file. */
  get language(): PackageLanguage {
    return this.sourceFiles().some((f) => isTypeScriptFile(f.getFilePath())) ? "ts" : "js";
  }

  /** Path of the generated tracing module for this package. */
  get tracingModulePath(): string {
    return path.join(this.srcDir, this.language === "ts" ? "tracing.ts" : "tracing.js");
  }

  /** Current (possibly edited) content of a non-source file, or its disk content. */
  async readExtra(file: string): Promise<string | undefined> {
    const pending = this.extraFiles.get(file);
    if (pending) return pending.content;
    return readSourceText(file);
  }

  /** Records the new content of a file outside the parsed sources (package.json, a test). */
  async writeExtra(file: string, content: string): Promise<void> {
    const pending = this.extraFiles.get(file);
    const original = pending ? pending.original : await readSourceText(file);
    this.extraFiles.set(file, { content, original });
  }

  /** Creates or replaces a source file of the project (e.g. src/tracing.ts). */
  setSourceFile(file: string, content: string): SourceFile {
    return this.project.createSourceFile(file, content, { overwrite: true });
  }

  /** Every file whose content now differs from disk. */
  changes(): FileChange[] {
    const changes: FileChange[] = [];
    for (const sourceFile of this.project.getSourceFiles()) {
      const file = sourceFile.getFilePath();
      const content = sourceFile.getFullText();
      const original = this.originals.get(file);
      if (content !== original) changes.push({ path: file, content, ...(original === undefined ? { created: true } : {}) });
    }
    for (const [file, { content, original }] of this.extraFiles) {
      if (content !== original) changes.push({ path: file, content, ...(original === undefined ? { created: true } : {}) });
    }
    return changes.sort((a, b) => a.path.localeCompare(b.path));
  }
}
