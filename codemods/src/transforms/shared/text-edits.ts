/**
 * Position-based text edits on the original source.
 *
 * The transforms find what to change on the jscodeshift AST, then splice text
 * at the nodes' offsets instead of re-printing nodes: everything they do not
 * touch (argument layout, comments, quotes, blank lines) stays byte-identical,
 * which recast's reprinter does not guarantee for rewritten call expressions.
 */

import type { TextEdit, TransformResult } from "../../core/types.js";

interface Edit extends TextEdit {
  readonly order: number;
}

export class TextEdits {
  private readonly edits: Edit[] = [];
  /**
   * The union of the replaced (non-empty) ranges as disjoint intervals sorted by start, so
   * that an overlap check is a binary search: a file with 20,000 rewritten calls checks
   * each group in O(log n), not against every edit so far.
   */
  private readonly covered: { start: number; end: number }[] = [];
  private counter = 0;

  constructor(readonly source: string) {}

  get size(): number {
    return this.edits.length;
  }

  /** Index of the first covered interval ending after `offset`. */
  private firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.covered.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.covered[mid]!.end > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Whether [start, end) overlaps a pending replacement (pure insertions at a point do not). */
  overlaps(start: number, end: number): boolean {
    if (start === end) return false;
    const i = this.firstEndingAfter(start);
    return i < this.covered.length && this.covered[i]!.start < end;
  }

  private push(edit: Edit): void {
    this.edits.push(edit);
    if (edit.end <= edit.start) return;
    // merge with every interval it overlaps (usually none: edits arrive in source order)
    let start = edit.start;
    let end = edit.end;
    const first = this.firstEndingAfter(start);
    let last = first;
    while (last < this.covered.length && this.covered[last]!.start < end) {
      start = Math.min(start, this.covered[last]!.start);
      end = Math.max(end, this.covered[last]!.end);
      last++;
    }
    this.covered.splice(first, last - first, { start, end });
  }

  insert(at: number, text: string): void {
    this.push({ start: at, end: at, text, order: this.counter++ });
  }

  /** Inserts ahead of every other insertion at the same offset (new statements at the top of a file). */
  insertFirst(at: number, text: string): void {
    this.push({ start: at, end: at, text, order: -1 - this.counter++ });
  }

  replace(start: number, end: number, text: string): void {
    this.push({ start, end, text, order: this.counter++ });
  }

  remove(start: number, end: number): void {
    this.replace(start, end, "");
  }

  /**
   * Applies a group of edits only if none of its replaced ranges overlaps an
   * already accepted one; returns false (and applies nothing) otherwise.
   */
  group(build: (draft: TextEdits) => void): boolean {
    const draft = new TextEdits(this.source);
    build(draft);
    for (const e of draft.edits) {
      if (e.end > e.start && this.overlaps(e.start, e.end)) return false;
    }
    for (const e of draft.edits) this.push({ ...e, order: this.counter++ });
    return true;
  }

  apply(): string {
    return this.result().text;
  }

  /** The new text and the edits that made it (sorted, overlapping ones dropped), for the runner's report. */
  result(): TransformResult {
    if (this.edits.length === 0) return { text: this.source, edits: [] };
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
    const parts: string[] = [];
    const applied: TextEdit[] = [];
    let cursor = 0;
    for (const e of sorted) {
      if (e.start < cursor) continue; // overlapping edit: skipped (group() prevents this)
      parts.push(this.source.slice(cursor, e.start), e.text);
      applied.push({ start: e.start, end: e.end, text: e.text });
      cursor = e.end;
    }
    parts.push(this.source.slice(cursor));
    return { text: parts.join(""), edits: applied };
  }
}
