/**
 * Position-based edits of a ts-morph source file, computed first and applied
 * last-to-first as one new text, so one pass can collect many edits from
 * nodes that each edit would otherwise invalidate. Edits must not overlap;
 * every node of the file must be looked up again afterwards.
 */
import type { Node, SourceFile } from "ts-morph";

export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function applyEdits(sourceFile: SourceFile, edits: readonly Edit[]): void {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.end > sorted[i - 1]!.start) throw new Error("overlapping edits");
  }
  if (sorted.length === 0) return;
  // One whole-text replacement: ts-morph's ranged replaceText fails on some statement removals.
  let text = sourceFile.getFullText();
  for (const edit of sorted) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  sourceFile.replaceWithText(text);
}

/** Removes a statement with its whole line when it is alone on it, otherwise just the statement. */
export function removeStatementEdit(statement: Node): Edit {
  const text = statement.getSourceFile().getFullText();
  const start = statement.getStart();
  const end = statement.getEnd();
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const lineEnd = text.indexOf("\n", end);
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
  if (before.trim() === "" && after.trim() === "") {
    let removedEnd = lineEnd === -1 ? text.length : lineEnd + 1;
    // between two blank lines: take one of them too
    const previousBlank = lineStart >= 2 && /\n[ \t]*\n$/.test(text.slice(Math.max(0, lineStart - 200), lineStart));
    const nextBlank = /^[ \t]*\n/.exec(text.slice(removedEnd));
    if (previousBlank && nextBlank) removedEnd += nextBlank[0].length;
    return { start: lineStart, end: removedEnd, text: "" };
  }
  return { start, end, text: "" };
}

/** The text of a block's statements, each line moved one indentation level (two spaces) to the left. */
export function dedentedBlockContent(block: Node, unit = "  "): string {
  const text = block.getSourceFile().getFullText();
  const open = block.getStart() + 1;
  const close = block.getEnd() - 1;
  const lines = text.slice(open, close).split("\n");
  if (lines.length > 0 && lines[0]!.trim() === "") lines.shift();
  if (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  return lines.map((line) => (line.startsWith(unit) ? line.slice(unit.length) : line.trimStart())).join("\n").trimStart();
}
