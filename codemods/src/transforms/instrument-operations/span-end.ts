/**
 * Edits that drop a callback's own `span.end()` calls when the callback moves
 * into a domain span helper, which ends the span itself (and sets its status
 * first: a span ended by the callback could no longer get OK). A `finally`
 * left empty goes too; a `try { ... } finally { span.end(); }` without catch
 * becomes its block's statements.
 */
import { Node, SyntaxKind } from "ts-morph";
import { dedentedBlockContent, removeStatementEdit, type Edit } from "./text-edits.js";

/** `span.end()` as a statement of its own. */
function isSpanEnd(statement: Node, param: string): boolean {
  if (!Node.isExpressionStatement(statement)) return false;
  const call = statement.getExpression();
  if (!Node.isCallExpression(call) || call.getArguments().length > 1) return false;
  const callee = call.getExpression();
  return Node.isPropertyAccessExpression(callee) && callee.getName() === "end" && callee.getExpression().getText() === param;
}

/** Edits removing `param.end()` statements under `root` (skipping `exclude`, e.g. a statement removed already). */
export function spanEndEdits(root: Node, param: string, exclude?: Node): Edit[] {
  const edits: Edit[] = [];
  const handledTries = new Set<Node>();
  for (const statement of root.getDescendantsOfKind(SyntaxKind.ExpressionStatement)) {
    if (!isSpanEnd(statement, param)) continue;
    if (exclude && (statement === exclude || statement.getAncestors().includes(exclude))) continue;
    const block = statement.getParent();
    const tryStatement = block?.getParent();
    if (
      block &&
      Node.isBlock(block) &&
      tryStatement &&
      Node.isTryStatement(tryStatement) &&
      tryStatement.getFinallyBlock() === block &&
      block.getStatements().every((s) => isSpanEnd(s, param))
    ) {
      if (handledTries.has(tryStatement)) continue;
      handledTries.add(tryStatement);
      const catchClause = tryStatement.getCatchClause();
      if (catchClause) {
        edits.push({ start: catchClause.getEnd(), end: block.getEnd(), text: "" });
      } else {
        edits.push({ start: tryStatement.getStart(), end: tryStatement.getEnd(), text: dedentedBlockContent(tryStatement.getTryBlock()) });
      }
      continue;
    }
    edits.push(removeStatementEdit(statement));
  }
  return edits;
}
