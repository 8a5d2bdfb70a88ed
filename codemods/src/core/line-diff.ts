/**
 * A line diff whose cost stays near-linear on any file, for the two places
 * that compare whole texts: the unified diff of `--dry`/`check`, and the
 * changed lines of a project transform (which returns only the final text).
 *
 * An edit-length search (Myers, what `diff` does) is O(N*D): a file with
 * 20,000 rewritten calls never finishes. Here: trim the common prefix and
 * suffix, split the rest at lines that occur exactly once on both sides and
 * in the same order (patience anchors), and recurse into the gaps; a gap
 * without anchors is solved exactly when it is small, or reported as one
 * replaced block when it is not. The result is always a correct diff, minimal
 * in the common case (a few lines changed between unique ones).
 */

/** Lines `[aStart, aEnd)` of the old text are replaced by lines `[bStart, bEnd)` of the new one (0-based). */
export interface LineRegion {
  readonly aStart: number;
  readonly aEnd: number;
  readonly bStart: number;
  readonly bEnd: number;
}

/** Gaps up to this many line pairs are diffed exactly (an LCS table of this many cells). */
const EXACT_CELLS = 250_000;
const MAX_DEPTH = 24;

/** Lines with their terminator (`"x\n"`), so that a missing final newline is a difference. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf("\n", start);
    if (nl < 0) break;
    lines.push(text.slice(start, nl + 1));
    start = nl + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** The changed regions between two line arrays, in order. */
export function diffLines(a: readonly string[], b: readonly string[]): LineRegion[] {
  // intern lines as small integers: comparisons and counting become array lookups
  const ids = new Map<string, number>();
  const intern = (lines: readonly string[]) => {
    const out = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      let id = ids.get(lines[i]!);
      if (id === undefined) ids.set(lines[i]!, (id = ids.size));
      out[i] = id;
    }
    return out;
  };
  const A = intern(a);
  const B = intern(b);
  const regions: LineRegion[] = [];
  const countA = new Int32Array(ids.size);
  const countB = new Int32Array(ids.size);
  const posA = new Int32Array(ids.size);
  const posB = new Int32Array(ids.size);

  const push = (aStart: number, aEnd: number, bStart: number, bEnd: number) => {
    const last = regions[regions.length - 1];
    if (last && last.aEnd === aStart && last.bEnd === bStart) regions[regions.length - 1] = { aStart: last.aStart, aEnd, bStart: last.bStart, bEnd };
    else regions.push({ aStart, aEnd, bStart, bEnd });
  };

  /** Exact LCS of a small gap by dynamic programming. */
  const exact = (a0: number, a1: number, b0: number, b1: number) => {
    const n = a1 - a0;
    const m = b1 - b0;
    const w = m + 1;
    const table = new Int32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let k = m - 1; k >= 0; k--) {
        table[i * w + k] = A[a0 + i] === B[b0 + k] ? table[(i + 1) * w + k + 1]! + 1 : Math.max(table[(i + 1) * w + k]!, table[i * w + k + 1]!);
      }
    }
    let i = 0;
    let k = 0;
    let runA = 0;
    let runB = 0;
    while (i < n && k < m) {
      if (A[a0 + i] === B[b0 + k]) {
        if (i > runA || k > runB) push(a0 + runA, a0 + i, b0 + runB, b0 + k);
        i++;
        k++;
        runA = i;
        runB = k;
      } else if (table[(i + 1) * w + k]! >= table[i * w + k + 1]!) i++;
      else k++;
    }
    if (n > runA || m > runB) push(a0 + runA, a1, b0 + runB, b1);
  };

  /** Lines unique on both sides of the gap, in old order, reduced to the longest run increasing on the new side. */
  const anchors = (a0: number, a1: number, b0: number, b1: number): [number, number][] => {
    for (let i = a0; i < a1; i++) {
      countA[A[i]!]++;
      posA[A[i]!] = i;
    }
    for (let k = b0; k < b1; k++) {
      countB[B[k]!]++;
      posB[B[k]!] = k;
    }
    const pairs: [number, number][] = [];
    for (let i = a0; i < a1; i++) {
      const id = A[i]!;
      if (countA[id] === 1 && countB[id] === 1) pairs.push([i, posB[id]!]);
    }
    for (let i = a0; i < a1; i++) countA[A[i]!] = 0;
    for (let k = b0; k < b1; k++) countB[B[k]!] = 0;
    return longestIncreasing(pairs);
  };

  const solve = (a0: number, a1: number, b0: number, b1: number, depth: number) => {
    while (a0 < a1 && b0 < b1 && A[a0] === B[b0]) {
      a0++;
      b0++;
    }
    while (a0 < a1 && b0 < b1 && A[a1 - 1] === B[b1 - 1]) {
      a1--;
      b1--;
    }
    if (a0 === a1 && b0 === b1) return;
    if (a0 === a1 || b0 === b1) {
      push(a0, a1, b0, b1);
      return;
    }
    if ((a1 - a0) * (b1 - b0) <= EXACT_CELLS) {
      exact(a0, a1, b0, b1);
      return;
    }
    const found = depth < MAX_DEPTH ? anchors(a0, a1, b0, b1) : [];
    if (found.length === 0) {
      push(a0, a1, b0, b1);
      return;
    }
    let pa = a0;
    let pb = b0;
    for (const [ia, ib] of found) {
      solve(pa, ia, pb, ib, depth + 1);
      pa = ia + 1;
      pb = ib + 1;
    }
    solve(pa, a1, pb, b1, depth + 1);
  };

  solve(0, A.length, 0, B.length, 0);
  return regions;
}

/** Patience sorting: the longest subsequence of `pairs` (sorted by [0]) increasing in [1]. O(n log n). */
function longestIncreasing(pairs: readonly [number, number][]): [number, number][] {
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length);
  for (let i = 0; i < pairs.length; i++) {
    const value = pairs[i]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pairs[tails[mid]!]![1] < value) lo = mid + 1;
      else hi = mid;
    }
    prev[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  }
  const out: [number, number][] = [];
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) out.push(pairs[i]!);
  return out.reverse();
}

/** 1-based first old line of each changed region (where `diff -U0` would start its hunks). */
export function changedLinesOfTexts(before: string, after: string): number[] {
  if (before === after) return [];
  return diffLines(splitLines(before), splitLines(after)).map((r) => r.aStart + 1);
}

const SEPARATOR = "===================================================================";

/**
 * A unified diff (3 lines of context) in the shape `diff`'s createTwoFilesPatch prints,
 * `\ No newline at end of file` included, so patch tools and reviewers read it as usual.
 */
export function unifiedDiff(oldName: string, newName: string, before: string, after: string, context = 3): string {
  const a = splitLines(before);
  const b = splitLines(after);
  const regions = diffLines(a, b);
  const out: string[] = [`${SEPARATOR}\n--- ${oldName}\n+++ ${newName}\n`];
  const line = (prefix: string, text: string) => {
    if (text.endsWith("\n")) out.push(prefix, text);
    else out.push(prefix, text, "\n\\ No newline at end of file\n");
  };
  let r = 0;
  while (r < regions.length) {
    // a hunk: regions whose surrounding context touches or overlaps
    let last = r;
    while (last + 1 < regions.length && regions[last + 1]!.aStart - regions[last]!.aEnd <= 2 * context) last++;
    const first = regions[r]!;
    const end = regions[last]!;
    const aFrom = Math.max(0, first.aStart - context);
    const bFrom = first.bStart - (first.aStart - aFrom);
    const aTo = Math.min(a.length, end.aEnd + context);
    const bTo = end.bEnd + (aTo - end.aEnd);
    const oldCount = aTo - aFrom;
    const newCount = bTo - bFrom;
    out.push(`@@ -${oldCount === 0 ? aFrom : aFrom + 1},${oldCount} +${newCount === 0 ? bFrom : bFrom + 1},${newCount} @@\n`);
    let cursor = aFrom;
    for (let k = r; k <= last; k++) {
      const region = regions[k]!;
      for (let i = cursor; i < region.aStart; i++) line(" ", a[i]!);
      for (let i = region.aStart; i < region.aEnd; i++) line("-", a[i]!);
      for (let i = region.bStart; i < region.bEnd; i++) line("+", b[i]!);
      cursor = region.aEnd;
    }
    for (let i = cursor; i < aTo; i++) line(" ", a[i]!);
    r = last + 1;
  }
  return out.join("");
}
