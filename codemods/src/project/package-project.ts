/**
 * One plugin package loaded for a project transform: its package.json and
 * its source files under `src/` parsed into an in-memory ts-morph Project
 * (nothing is ever written to disk here). Edits happen on the in-memory
 * files; `changes()` reports the files whose content differs from disk.
 *
 * Within a run (core/run-scope.ts) a package is loaded once: the next project
 * transform gets the same project, brought up to date with what the runner
 * accepted (the reader's current text), so package.json is parsed and the
 * sources are parsed once per run, not once per transform.
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
import { discover } from "../core/discover.js";
import { runScoped } from "../core/run-scope.js";
import type { FileChange } from "../core/types.js";
import { readPackageJson, type PackageJsonInfo } from "./package-json.js";
import { readSourceText, type TextReader } from "./source-text.js";

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
const TS_EXTENSIONS = new Set([".ts", ".tsx", ".mts", ".cts"]);

export type PackageLanguage = "ts" | "js";

export function isSourceFile(file: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(file)) && !/\.d\.[cm]?ts$/.test(file);
}

export function isTypeScriptFile(file: string): boolean {
  return TS_EXTENSIONS.has(path.extname(file)) && !/\.d\.[cm]?ts$/.test(file);
}

/** Files under `dir` accepted by `accept`, found by the codemod's one walker (git's view, node_modules/dist skipped), outside dot folders. */
export async function listFiles(dir: string, accept: (file: string) => boolean): Promise<string[]> {
  if (!(await fs.stat(dir).catch(() => undefined))?.isDirectory()) return [];
  const { files } = await discover([dir], { cwd: dir });
  return files.filter((file) => accept(file) && !path.relative(dir, file).split(path.sep).slice(0, -1).some((seg) => seg.startsWith(".")));
}

export class PackageProject {
  readonly project: Project;
  /** Pending new content of files that are not source files of the project (package.json, tests). */
  private readonly extraFiles = new Map<string, { content: string; original: string | undefined }>();
  private readonly originals = new Map<string, string>();

  private constructor(
    readonly dir: string,
    private packageJsonInfo: PackageJsonInfo,
    private read: TextReader,
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

  /**
   * Loads the package at `packageDir`. `read` supplies current file text (the
   * runner's in-memory overlay in a pipeline), disk by default.
   */
  static async load(packageDir: string, read: TextReader = readSourceText): Promise<PackageProject> {
    const dir = path.resolve(packageDir);
    const loaded = runScoped("packages", () => new Map<string, PackageProject>());
    const cached = loaded?.get(dir);
    if (cached) {
      await cached.refresh(read);
      return cached;
    }
    const pkg = new PackageProject(dir, await readPackageJson(dir, read), read);
    loaded?.set(dir, pkg);
    for (const file of await listFiles(pkg.srcDir, isSourceFile)) {
      const text = await read(file);
      if (text === undefined) continue;
      pkg.originals.set(file, text);
      pkg.project.createSourceFile(file, text, { overwrite: true });
    }
    return pkg;
  }

  get packageJson(): PackageJsonInfo {
    return this.packageJsonInfo;
  }

  /**
   * Brings a project loaded earlier in the run up to date with `read` (what the runner kept of
   * the previous transforms' output): pending edits are dropped, each source file takes the
   * reader's text (a file only this project created, and nobody kept, goes), package.json is
   * parsed again only when its text changed.
   */
  private async refresh(read: TextReader): Promise<void> {
    this.read = read;
    this.extraFiles.clear();
    for (const sourceFile of this.project.getSourceFiles()) {
      const file = sourceFile.getFilePath() as string;
      const text = await read(file);
      if (text === undefined) this.project.removeSourceFile(sourceFile);
      else if (text !== sourceFile.getFullText()) this.project.createSourceFile(file, text, { overwrite: true });
    }
    const manifest = await read(this.packageJsonInfo.path);
    if (manifest !== this.packageJsonInfo.text) this.packageJsonInfo = await readPackageJson(this.dir, read);
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

  /** Whether Node runs `file` as CommonJS (where the generated ESM imports would not load). */
  isCommonJs(file: string): boolean {
    const ext = path.extname(file);
    if (ext === ".cjs" || ext === ".cts") return true;
    if (ext === ".js" || ext === ".jsx") return !this.packageJson.isModule;
    return false;
  }

  /** Throws a clear error when `file` is CommonJS JavaScript: the transforms write ES modules. */
  assertEsm(file: string): void {
    if (this.isCommonJs(file)) {
      throw new Error(
        `${this.packageJson.name}: ${path.relative(this.dir, file)} is CommonJS; the generated tracing module and imports ` +
          `are ES modules (set "type": "module" in package.json or use .mjs)`,
      );
    }
  }

  /** Path of the generated tracing module for this package. */
  get tracingModulePath(): string {
    return path.join(this.srcDir, this.language === "ts" ? "tracing.ts" : "tracing.js");
  }

  /** Current (possibly edited) content of a non-source file, or its disk content. */
  async readExtra(file: string): Promise<string | undefined> {
    const pending = this.extraFiles.get(file);
    if (pending) return pending.content;
    return this.read(file);
  }

  /** Records the new content of a file outside the parsed sources (package.json, a test). */
  async writeExtra(file: string, content: string): Promise<void> {
    const pending = this.extraFiles.get(file);
    const original = pending ? pending.original : await this.read(file);
    this.extraFiles.set(file, { content, original });
  }

  /**
   * Creates or replaces a source file of the project (e.g. src/tracing.ts).
   * A file not loaded yet (outside src/ scanning, or only in the overlay) is
   * read first, so `changes()` compares with its current text.
   */
  async setSourceFile(file: string, content: string): Promise<SourceFile> {
    const resolved = path.resolve(file);
    if (!this.originals.has(resolved)) {
      const current = await this.read(resolved);
      if (current !== undefined) this.originals.set(resolved, current);
    }
    return this.project.createSourceFile(resolved, content, { overwrite: true });
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
