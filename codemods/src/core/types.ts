/**
 * The two kinds of transform one runner drives.
 *
 * - FileTransform: a syntactic rewrite of one file (jscodeshift/recast), run
 *   on every candidate source file that passes its cheap text pre-filter.
 * - ProjectTransform: works on a plugin package as a whole (ts-morph): finds
 *   the plugin class and its PluginType across files, generates modules, adds
 *   members. It returns the file changes; the runner writes them.
 *
 * The runner owns everything else: file discovery, .gitignore, parser choice,
 * BOM / line endings, re-parse before write, atomic writes, diff, reports.
 */

export type Parser = "ts" | "tsx" | "babel";

export interface FileInfo {
  /** Absolute path. */
  readonly path: string;
  /** Source text with BOM removed and line endings normalised to `\n`. */
  readonly source: string;
}

export interface TransformOptions {
  /** `--tracer-name` override (generate-tracing). */
  readonly tracerName?: string;
  readonly [option: string]: unknown;
}

/** One replacement of `[start, end)` in a transform's input by `text` (offsets in UTF-16 code units). */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * What a transform that knows its edits returns: the new text and the non-overlapping
 * edits (sorted by offset) that produce it from the input. The runner reports changed
 * lines from the edits, in time linear in the file, instead of diffing the two texts.
 */
export interface TransformResult {
  readonly text: string;
  readonly edits: readonly TextEdit[];
}

export interface FileTransform {
  readonly kind: "file";
  /** The registry name (its description, options and help live in transforms/index.ts). */
  readonly name: string;
  /** Cheap text test: false means the file certainly needs no change and is not parsed. */
  prefilter(source: string): boolean;
  /**
   * Optional byte-level form of the pre-filter: a file containing none of these ASCII
   * strings needs no change. Lets the runner skip a file from its raw bytes in a reused
   * buffer, without decoding it to a string (flat memory on big trees).
   */
  readonly prefilterTokens?: readonly string[];
  /**
   * Returns the new source (with the edits that made it, when the transform has them), or
   * undefined / the same text for no change. Throws on a parse error.
   */
  transform(file: FileInfo, parser: Parser, options: TransformOptions): string | TransformResult | undefined;
  /**
   * Optional step over the whole set of files before any is transformed (e.g. asking a type
   * checker about them), run in the main thread, standalone and in a pipeline alike. What it
   * returns is merged into this transform's options, so it must be plain data (it crosses to
   * worker threads).
   */
  prepare?(context: FilePreparation): Promise<TransformOptions | undefined>;
}

export interface FilePreparation {
  /** Absolute paths of the files that passed the pre-filter and will be transformed. */
  readonly files: readonly string[];
  /** Current LF text of a file (an earlier pipeline step's output, else disk), undefined when unreadable. */
  readonly read: (absolutePath: string) => string | undefined;
  readonly options: TransformOptions;
}

export interface FileChange {
  readonly path: string;
  /** Full new content (LF line endings; the runner restores the file's own EOL and BOM). */
  readonly content: string;
  /** True when the file does not exist yet. */
  readonly created?: boolean;
}

export interface ProjectTransformContext {
  /** Plugin package directories found under the given paths (a package.json with a `floe` field, or a class extending PluginMetadata). */
  readonly packageDirs: readonly string[];
  readonly options: TransformOptions;
  /**
   * Current text (LF, no BOM) of a file that an earlier step of a pipeline (`migrate`,
   * `check`) changed or created in memory, or undefined to read it from disk. Optional
   * to honour: the runner re-applies earlier file transforms to a project transform's
   * output, so a transform that reads from disk does not drop their edits.
   */
  readonly readFile?: (absolutePath: string) => string | undefined;
}

export interface ProjectTransform {
  readonly kind: "project";
  /** The registry name (its description, options and help live in transforms/index.ts). */
  readonly name: string;
  run(context: ProjectTransformContext): Promise<FileChange[]> | FileChange[];
}

export type Transform = FileTransform | ProjectTransform;
