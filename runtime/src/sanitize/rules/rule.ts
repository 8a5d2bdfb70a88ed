/**
 * The shape every redaction rule has: a cheap pre-check that lets the common
 * message skip the rule entirely, and the rewrite itself. Rules are applied
 * in order by the sanitizer; each must be linear in its input and must leave
 * `<REDACTED>` and text it does not recognise untouched.
 */
import { REDACTED } from "../marker.js";
import { noteRedacted } from "../redaction-log.js";

export interface RedactionRule {
  /** Short identifier, used in tests and benchmarks. */
  readonly name: string;
  /** Cheap test: false means the rule cannot change this text. */
  mayApply(text: string): boolean;
  /** The text with this rule's credentials replaced by the marker. */
  apply(text: string): string;
}

/** Collects replacements in one left-to-right pass and joins them once. */
export class Splicer {
  private readonly parts: string[] = [];
  private last = 0;
  constructor(private readonly text: string) {}

  /** Replaces `[start, end)` of the original text; calls must come in increasing order. */
  replace(start: number, end: number, replacement: string): void {
    if (start < this.last) return;
    if (replacement === REDACTED) noteRedacted(this.text.slice(start, end));
    this.parts.push(this.text.slice(this.last, start), replacement);
    this.last = end;
  }

  get changed(): boolean {
    return this.parts.length > 0;
  }

  toString(): string {
    if (this.parts.length === 0) return this.text;
    return this.parts.join("") + this.text.slice(this.last);
  }
}
