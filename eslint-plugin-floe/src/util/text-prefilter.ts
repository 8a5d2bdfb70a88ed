/**
 * A cheap text test before any AST work: a file whose source never mentions
 * what a rule looks for cannot violate it, so the rule registers no visitors.
 * Most files of a large tree skip every floe rule this way.
 */
import type { AnyContext } from "./create-rule.js";

/** Whether the file's text contains at least one of the words. */
export function mentionsAny(context: AnyContext, words: readonly string[]): boolean {
  const text = context.sourceCode.text;
  return words.some((word) => text.includes(word));
}
