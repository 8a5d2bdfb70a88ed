/**
 * Decides whether an expression carries an error's text: `err.message`,
 * `String(err)`, `` `${err}` ``, `err.toString()`, `JSON.stringify(err)`,
 * ternaries and concatenations of those, and same-file `const`s holding
 * them. Calls to `sanitizeErrorMessage` stop the search: their result is safe.
 */
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { ERROR_TEXT_VOCABULARY } from "@floe/runtime/conventions";
import { constInitializer, staticMemberName, unwrapTsExpression } from "./ast.js";
import { isBindingTo } from "./bindings.js";
import { typeServices } from "./type-services.js";
import type { AnyContext } from "./create-rule.js";

const { DefinitionType } = TSESLint.Scope;

const SANITIZERS = ERROR_TEXT_VOCABULARY.sanitizers;
const ERROR_TEXT_PROPERTIES = ERROR_TEXT_VOCABULARY.textProperties;
const ERROR_HOLDER_PROPERTIES = ERROR_TEXT_VOCABULARY.holderProperties;
const TEXT_PRESERVING_METHODS = ERROR_TEXT_VOCABULARY.textPreservingMethods;
const ERROR_NAME = ERROR_TEXT_VOCABULARY.errorName;

function isUnshadowedGlobal(context: AnyContext, node: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
  return !variable || variable.defs.length === 0;
}

/** Whether an expression holds an error object (a catch parameter, an `err`-named binding, an Error-typed value). */
export function isErrorValue(context: AnyContext, node: TSESTree.Node): boolean {
  const expr = unwrapTsExpression(node);
  if (expr.type === AST_NODE_TYPES.Identifier) {
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(expr), expr);
    if (variable?.defs.some((d) => d.type === DefinitionType.CatchClause)) return true;
    if (ERROR_NAME.test(expr.name)) return true;
    return hasErrorType(context, expr);
  }
  if (expr.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticMemberName(expr);
    return (name !== undefined && ERROR_HOLDER_PROPERTIES.has(name)) || hasErrorType(context, expr);
  }
  return false;
}

function hasErrorType(context: AnyContext, node: TSESTree.Node): boolean {
  const services = typeServices(context);
  if (!services) return false;
  const type = services.getTypeAtLocation(node);
  return type.getProperty("message") !== undefined && type.getProperty("name") !== undefined && type.getProperty("stack") !== undefined;
}

function isSanitizerCall(context: AnyContext, call: TSESTree.CallExpression): boolean {
  return isBindingTo(context, call.callee, "runtime", SANITIZERS) !== undefined;
}

/**
 * Whether `x` in `x.message` is an error: error-named or error-typed bindings and members (`err`,
 * `this.lastError`, `res.error`), and values the rule cannot name (`toError(e).message`,
 * `(await call()).message`). A named value that is not an error (`alert.message`,
 * `response.message`, `this.message`) is ordinary text, not an error's.
 */
function isErrorMessageReceiver(context: AnyContext, node: TSESTree.Node): boolean {
  const expr = unwrapTsExpression(node);
  if (isErrorValue(context, expr)) return true;
  if (expr.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticMemberName(expr);
    return name !== undefined && ERROR_NAME.test(name);
  }
  return expr.type !== AST_NODE_TYPES.Identifier && expr.type !== AST_NODE_TYPES.ThisExpression;
}

/** Whether the value of `node` is (or contains) text taken from an error. */
export function isErrorDerived(context: AnyContext, node: TSESTree.Node, depth = 0): boolean {
  if (depth > 8) return false;
  const expr = unwrapTsExpression(node);
  const derived = (n: TSESTree.Node) => isErrorDerived(context, n, depth + 1);
  const derivedOrError = (n: TSESTree.Node) => derived(n) || isErrorValue(context, n);
  switch (expr.type) {
    case AST_NODE_TYPES.ChainExpression:
      return derived(expr.expression);
    case AST_NODE_TYPES.MemberExpression: {
      const name = staticMemberName(expr);
      if (name === undefined || !ERROR_TEXT_PROPERTIES.has(name)) return false;
      return name === "stack" || isErrorMessageReceiver(context, expr.object);
    }
    case AST_NODE_TYPES.Identifier:
      return isErrorValue(context, expr) || derivedConst(context, expr, depth);
    case AST_NODE_TYPES.TemplateLiteral:
      return expr.expressions.some(derivedOrError);
    case AST_NODE_TYPES.BinaryExpression:
      return expr.operator === "+" && (derivedOrError(expr.left) || derivedOrError(expr.right));
    case AST_NODE_TYPES.ConditionalExpression:
      return derived(expr.consequent) || derived(expr.alternate);
    case AST_NODE_TYPES.LogicalExpression:
      return derived(expr.left) || derived(expr.right);
    case AST_NODE_TYPES.AwaitExpression:
      return derived(expr.argument);
    case AST_NODE_TYPES.CallExpression:
      return isErrorDerivedCall(context, expr, depth);
    default:
      return false;
  }
}

function isErrorDerivedCall(context: AnyContext, call: TSESTree.CallExpression, depth: number): boolean {
  if (isSanitizerCall(context, call)) return false;
  const firstArg = call.arguments[0];
  const callee = unwrapTsExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    // String(err)
    return callee.name === "String" && firstArg !== undefined && isUnshadowedGlobal(context, callee) &&
      (isErrorValue(context, firstArg) || isErrorDerived(context, firstArg, depth + 1));
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticMemberName(callee);
  if (method === undefined) return false;
  // JSON.stringify(err)
  if (
    method === "stringify" &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === "JSON" &&
    isUnshadowedGlobal(context, callee.object)
  ) {
    return firstArg !== undefined && (isErrorValue(context, firstArg) || isErrorDerived(context, firstArg, depth + 1));
  }
  if (!TEXT_PRESERVING_METHODS.has(method)) return false;
  // err.toString(), err.message.slice(0, 200), "x".concat(err.message)
  if ((method === "toString" || method === "valueOf") && isErrorValue(context, callee.object)) return true;
  if (isErrorDerived(context, callee.object, depth + 1)) return true;
  return method === "concat" && call.arguments.some((a) => isErrorDerived(context, a, depth + 1) || isErrorValue(context, a));
}

function derivedConst(context: AnyContext, id: TSESTree.Identifier, depth: number): boolean {
  const init = constInitializer(context, id);
  return init !== undefined && isErrorDerived(context, init, depth + 1);
}
