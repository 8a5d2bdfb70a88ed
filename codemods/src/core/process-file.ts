/**
 * One file through a sequence of file transforms: read, pre-filter, transform,
 * re-parse the result. Pure function of its inputs, so it runs the same in a
 * worker thread and in-process.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { describeError, parserFor, parseSource } from "./parsers.js";
import { decodeSource } from "./source-text.js";
import { resultText, stepChangedLines } from "./edit-lines.js";
import { bytesHaveIgnoreMarker, hasIgnoreMarker, IGNORED_BY_MARKER } from "./ignore-marker.js";
import type { FileTransform, TransformOptions, TransformResult } from "./types.js";

export type FileStatus = "changed" | "unchanged" | "skipped" | "error";

/** Where one transform changed a file: the first line of each hunk (1-based, in that step's input). */
export interface TransformChange {
  readonly transform: string;
  readonly lines: number[];
}

export interface FileTask {
  readonly path: string;
  /** Current LF text when an earlier pipeline step changed or created the file. */
  readonly content?: string;
}

export interface FileOutcome {
  readonly path: string;
  readonly status: FileStatus;
  readonly reason?: string;
  readonly line?: number;
  /** New LF text (status "changed"). */
  readonly content?: string;
  readonly changes?: TransformChange[];
}

/** One read buffer reused for every file: skipped files are never decoded into strings. */
let scratch = Buffer.alloc(1 << 20);

function readBytes(filePath: string): Buffer {
  const fd = openSync(filePath, "r");
  try {
    const size = fstatSync(fd).size;
    if (size > scratch.length) scratch = Buffer.alloc(Math.max(size, scratch.length * 2));
    let read = 0;
    while (read < size) {
      const n = readSync(fd, scratch, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return scratch.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Byte-level pre-filter: undefined when some transform has no tokens (use the string test). */
function bytesMayMatch(bytes: Buffer, transforms: readonly FileTransform[]): boolean | undefined {
  if (transforms.some((t) => !t.prefilterTokens)) return undefined;
  return transforms.some((t) => t.prefilterTokens!.some((token) => bytes.includes(token)));
}

/**
 * The pre-filter on its own, from raw bytes: the outcome of a file that needs no parsing
 * (an ignore marker, nothing a transform rewrites, not a source file), or undefined when
 * it must be parsed. Lets the runner decide how many files really need parsing before
 * starting workers.
 */
export function prefilterOutcome(task: FileTask, transforms: readonly FileTransform[]): FileOutcome | undefined {
  if (!parserFor(task.path)) return { path: task.path, status: "skipped", reason: "unsupported extension" };
  try {
    if (task.content !== undefined) {
      if (hasIgnoreMarker(task.content)) return { path: task.path, status: "skipped", reason: IGNORED_BY_MARKER };
      return transforms.some((t) => t.prefilter(task.content!)) ? undefined : PREFILTERED(task);
    }
    const bytes = readBytes(task.path);
    if (bytesHaveIgnoreMarker(bytes)) return { path: task.path, status: "skipped", reason: IGNORED_BY_MARKER };
    const byBytes = bytesMayMatch(bytes, transforms);
    if (byBytes !== undefined) return byBytes ? undefined : PREFILTERED(task);
    const text = decodeSource(bytes.toString("utf8")).text;
    return transforms.some((t) => t.prefilter(text)) ? undefined : PREFILTERED(task);
  } catch {
    return undefined; // let processFile report the read error
  }
}

const PREFILTERED = (task: FileTask): FileOutcome => ({ path: task.path, status: "skipped", reason: "pre-filter: nothing to change" });

/** Whether some transform may change the file (see prefilterOutcome). */
export function mayNeedChange(task: FileTask, transforms: readonly FileTransform[]): boolean {
  return prefilterOutcome(task, transforms) === undefined;
}

export function processFile(
  task: FileTask,
  transforms: readonly FileTransform[],
  options: TransformOptions,
  usePrefilter = true,
  /** Options of single transforms (from the configuration file), taking the place of `options` for them. */
  optionsByTransform?: Readonly<Record<string, TransformOptions>>,
): FileOutcome {
  const parser = parserFor(task.path);
  if (!parser) return { path: task.path, status: "skipped", reason: "unsupported extension" };
  let text: string;
  try {
    if (task.content !== undefined) {
      text = task.content;
    } else {
      const bytes = readBytes(task.path);
      if (bytesHaveIgnoreMarker(bytes)) return { path: task.path, status: "skipped", reason: IGNORED_BY_MARKER };
      if (usePrefilter && bytesMayMatch(bytes, transforms) === false) {
        return { path: task.path, status: "skipped", reason: "pre-filter: nothing to change" };
      }
      text = decodeSource(bytes.toString("utf8")).text;
    }
  } catch (error) {
    return { path: task.path, status: "error", reason: `cannot read: ${describeError(error).reason}` };
  }
  if (task.content !== undefined && hasIgnoreMarker(text)) return { path: task.path, status: "skipped", reason: IGNORED_BY_MARKER };
  let current = text;
  let parsed = false;
  const changes: TransformChange[] = [];
  for (const transform of transforms) {
    if (usePrefilter && !transform.prefilter(current)) continue;
    parsed = true;
    let result: string | TransformResult | undefined;
    try {
      result = transform.transform({ path: task.path, source: current }, parser, optionsByTransform?.[transform.name] ?? options);
    } catch (error) {
      const { reason, line } = describeError(error);
      return { path: task.path, status: "error", reason, line };
    }
    const output = result === undefined ? undefined : resultText(result);
    if (output !== undefined && output !== current) {
      changes.push({ transform: transform.name, lines: stepChangedLines(current, result!) });
      current = output;
    }
  }
  if (!parsed) return { path: task.path, status: "skipped", reason: "pre-filter: nothing to change" };
  if (current === text) return { path: task.path, status: "unchanged" };
  const problem = verifyParses(task.path, current);
  if (problem) return { path: task.path, status: "error", reason: `output would not parse, file left unchanged: ${problem.reason}`, line: problem.line };
  return { path: task.path, status: "changed", content: current, changes };
}

/** undefined when `text` parses with the file's parser, else the parse problem. */
export function verifyParses(filePath: string, text: string): { reason: string; line?: number } | undefined {
  const parser = parserFor(filePath);
  if (!parser) return undefined;
  try {
    parseSource(text, parser);
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}
