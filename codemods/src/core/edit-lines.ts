/**
 * The lines a transform changed, read off the edits it made (one pass over
 * the source, however many edits): what the report's `changes[].lines` and
 * SARIF regions show. Comparing the two texts instead costs an edit-length
 * search on big files; the edits already say where the changes are.
 */
import { changedLinesOfTexts } from "./line-diff.js";
import type { TextEdit, TransformResult } from "./types.js";

/**
 * 1-based first line (in `source`) of each changed region, regions on adjacent lines
 * merged, as `diff -U0` would number its hunks: lines inserted before line L count as L,
 * text inserted at the end of line L starting with a newline counts as L + 1.
 */
export function changedLinesOfEdits(source: string, edits: readonly TextEdit[]): number[] {
  const sorted = [...edits].filter((e) => e.start !== e.end || e.text !== "").sort((a, b) => a.start - b.start || a.end - b.end);
  const lines: number[] = [];
  let offset = 0;
  let line = 1;
  /** Line of `at`, counting newlines from the last position (positions only increase). */
  const lineAt = (at: number): number => {
    for (let i = source.indexOf("\n", offset); i !== -1 && i < at; i = source.indexOf("\n", i + 1)) line++;
    offset = Math.max(offset, at);
    return line;
  };
  let lastEnd = -Infinity;
  for (const edit of sorted) {
    if (edit.text === source.slice(edit.start, edit.end)) continue;
    const startLine = lineAt(edit.start);
    const atLineStart = edit.start === 0 || source[edit.start - 1] === "\n";
    let first = startLine;
    let last = startLine;
    if (edit.start === edit.end) {
      if (atLineStart && edit.text.endsWith("\n")) last = startLine - 1; // whole lines before this one
      else if (edit.text.startsWith("\n") && (edit.start === source.length || source[edit.start] === "\n")) {
        first = startLine + 1; // whole lines after this one
        last = startLine;
      }
    } else {
      last = lineAt(edit.end - 1);
    }
    if (first <= lastEnd + 1 && lines.length > 0) lastEnd = Math.max(lastEnd, last);
    else {
      lines.push(first);
      lastEnd = last;
    }
  }
  return lines;
}

/** The output text of a transform result (a string, or text plus edits). */
export function resultText(result: string | TransformResult): string {
  return typeof result === "string" ? result : result.text;
}

/** Changed lines of one transform step: from its edits when it reports them, else a linear text comparison. */
export function stepChangedLines(before: string, result: string | TransformResult): number[] {
  return typeof result === "string" ? changedLinesOfTexts(before, result) : changedLinesOfEdits(before, result.edits);
}
