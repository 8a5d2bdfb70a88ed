/**
 * Pieces of behaviour-preserving fixes: side-effect-free checks, source text
 * of a sub-expression that is safe to splice into an argument list, and
 * combining an import edit with the main edit.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { unwrapTsExpression } from "./ast.js";
import type { HelperReference } from "./runtime-import.js";

/** Evaluating the node can neither throw nor run user code (so evaluating it early or twice is harmless). */
export function isSideEffectFree(node: TSESTree.Node): boolean {
  const expr = unwrapTsExpression(node);
  switch (expr.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return expr.expressions.length === 0;
    default:
      return false;
  }
}

/**
 * A receiver that may be read twice without observable effect (`span`, `this.span`,
 * `ctx?.span`, `spans["a"]`): identifiers, `this` and property reads with a static key,
 * optional links included. The same set as the codemod's `isReevaluable`.
 */
export function isDuplicableReceiver(node: TSESTree.Node): boolean {
  const expr = unwrapTsExpression(node);
  if (expr.type === AST_NODE_TYPES.Identifier || expr.type === AST_NODE_TYPES.ThisExpression) return true;
  if (expr.type === AST_NODE_TYPES.ChainExpression) return isDuplicableReceiver(expr.expression);
  if (expr.type === AST_NODE_TYPES.MemberExpression) {
    const staticKey = expr.computed
      ? expr.property.type === AST_NODE_TYPES.Literal && (typeof expr.property.value === "string" || typeof expr.property.value === "number")
      : expr.property.type === AST_NODE_TYPES.Identifier;
    return staticKey && isDuplicableReceiver(expr.object);
  }
  return false;
}

/** Source text of an expression to be used as a call argument (comma expressions keep their parentheses). */
export function argumentText(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  return node.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
}

/** The report fix: the import edit (if any) plus the main edit. */
export function withImport(
  reference: HelperReference,
  main: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix,
): TSESLint.ReportFixFunction {
  return (fixer) => (reference.importFix ? [reference.importFix(fixer), main(fixer)] : [main(fixer)]);
}
