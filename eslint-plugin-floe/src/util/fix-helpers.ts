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

/** A receiver that may be read twice (`span`, `this.span`, `ctx.span`): identifiers and plain property reads. */
export function isDuplicableReceiver(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    return !node.computed && !node.optional && node.property.type === AST_NODE_TYPES.Identifier && isDuplicableReceiver(node.object);
  }
  return false;
}

/** Whether any `?.` occurs along a member/call chain ending at `node`. */
export function containsOptionalLink(node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      if (current.optional) return true;
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      if (current.optional) return true;
      current = current.callee;
    } else if (current.type === AST_NODE_TYPES.TSNonNullExpression) {
      current = current.expression;
    } else {
      return false;
    }
  }
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
