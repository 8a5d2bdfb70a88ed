/**
 * Evaluates an expression to the string it always produces, when that can be
 * known statically: literals, expression-free templates, `const`s in the
 * same file, `export const` strings of relative modules on disk, and (with
 * type information) string literal types from the checker.
 */
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { literalString, specifierExportName, unwrapTsExpression } from "./ast.js";
import { readExportedConstString } from "./relative-export.js";
import { typeServices } from "./type-services.js";
import type { AnyContext } from "./create-rule.js";

const { DefinitionType } = TSESLint.Scope;

export function staticString(context: AnyContext, node: TSESTree.Node, depth = 0): string | undefined {
  if (depth > 6) return undefined;
  const expr = unwrapTsExpression(node);
  const literal = literalString(expr);
  if (literal !== undefined) return literal;
  const fromTypes = literalTypeString(context, expr);
  if (fromTypes !== undefined) return fromTypes;
  if (expr.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(expr), expr);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return undefined;
  if (def.type === DefinitionType.Variable) {
    const declarator = def.node;
    if (def.parent?.kind !== "const" || declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
    return staticString(context, declarator.init, depth + 1);
  }
  if (def.type === DefinitionType.ImportBinding && def.node.type === AST_NODE_TYPES.ImportSpecifier) {
    const declaration = def.node.parent;
    return declaration.source ? readExportedConstString(context.filename, declaration.source.value, specifierExportName(def.node)) : undefined;
  }
  return undefined;
}

function literalTypeString(context: AnyContext, node: TSESTree.Node): string | undefined {
  const services = typeServices(context);
  if (!services) return undefined;
  const type = services.getTypeAtLocation(node);
  return type.isStringLiteral() ? type.value : undefined;
}
