/**
 * Position-based text edits on the original source.
 *
 * The transforms find what to change on the jscodeshift AST, then splice text
 * at the nodes' offsets instead of re-printing nodes: everything they do not
 * touch (argument layout, comments, quotes, blank lines) stays byte-identical,
 * which recast's reprinter does not guarantee for rewritten call expressions.
 */

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly order: number;
}

export class TextEdits {
  private readonly edits: Edit[] = [];
  private counter = 0;

  constructor(readonly source: string) {}

  get size(): number {
    return this.edits.length;
  }

  /** Whether [start, end) overlaps a pending replacement (pure insertions at a point do not). */
  overlaps(start: number, end: number): boolean {
    return this.edits.some((e) => e.end > e.start && start < e.end && end > e.start && !(start === end));
  }

  insert(at: number, text: string): void {
    this.edits.push({ start: at, end: at, text, order: this.counter++ });
  }

  /** Inserts ahead of every other insertion at the same offset (new statements at the top of a file). */
  insertFirst(at: number, text: string): void {
    this.edits.push({ start: at, end: at, text, order: -1 - this.counter++ });
  }

  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text, order: this.counter++ });
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
    for (const e of draft.edits) this.edits.push({ ...e, order: this.counter++ });
    return true;
  }

  apply(): string {
    if (this.edits.length === 0) return this.source;
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
    let out = "";
    let cursor = 0;
    for (const e of sorted) {
      if (e.start < cursor) continue; // overlapping edit: skipped (group() prevents this)
      out += this.source.slice(cursor, e.start) + e.text;
      cursor = e.end;
    }
    return out + this.source.slice(cursor);
  }
}
