/**
 * Whether an expression carries an error's text: `err.message`, `String(err)`,
 * `` `${err}` ``, `err.toString()`, `JSON.stringify(err)`, text-preserving
 * string methods on those (`err.message.slice(0, 200)`), ternaries,
 * `||`/`??` and concatenations of those, a bare error value (`message: err`),
 * and same-file `const`s holding any of them.
 *
 * This is a rule-for-rule port of eslint-plugin-floe's `util/error-derived.ts`
 * (syntactic mode) to the Babel AST the codemod parses, so that what
 * `floe/no-unsanitized-span-status` reports is what sanitize-exceptions
 * rewrites; test/contract/codemod-lint-agreement.test.ts runs both over the
 * same fixtures. Keep the two in step: same names, same sets, same order.
 */
import { isMemberLike, memberPropertyName, unwrapTs, type AnyNode } from "./ast.js";
import { ERROR_TEXT_VOCABULARY } from "@floe/runtime/conventions";
import { bindingPath, isUnshadowedGlobal } from "./bindings.js";

const ERROR_TEXT_PROPERTIES = ERROR_TEXT_VOCABULARY.textProperties;
const ERROR_HOLDER_PROPERTIES = ERROR_TEXT_VOCABULARY.holderProperties;
const TEXT_PRESERVING_METHODS = ERROR_TEXT_VOCABULARY.textPreservingMethods;
const ERROR_NAME = ERROR_TEXT_VOCABULARY.errorName;
const MAX_DEPTH = 8;

function isCatchBinding(name: string, path: any): boolean {
  const scope = path?.scope?.lookup?.(name);
  return scope?.node?.type === "CatchClause" && scope.node.param?.type === "Identifier" && scope.node.param.name === name;
}

/** Whether an expression holds an error object (a catch parameter, an `err`-named binding, an `x.error` member). */
export function isErrorValue(node: AnyNode, path: any): boolean {
  const expr = unwrapTs(node);
  if (expr.type === "Identifier") return isCatchBinding(expr.name, path) || ERROR_NAME.test(expr.name);
  if (isMemberLike(expr)) {
    const name = memberPropertyName(expr);
    return name !== undefined && ERROR_HOLDER_PROPERTIES.has(name);
  }
  return false;
}

/**
 * Whether `x` in `x.message` is an error: error values, error-named members (`this.lastError`),
 * and values that cannot be named (`toError(e).message`); `alert.message`, `this.message` are not.
 */
function isErrorMessageReceiver(node: AnyNode, path: any): boolean {
  const expr = unwrapTs(node);
  if (isErrorValue(expr, path)) return true;
  if (isMemberLike(expr)) {
    const name = memberPropertyName(expr);
    return name !== undefined && ERROR_NAME.test(name);
  }
  return expr.type !== "Identifier" && expr.type !== "ThisExpression";
}

/** Whether the value of `node` (found at `path`, for scope lookups) is or contains text taken from an error. */
export function isErrorDerived(node: AnyNode, path: any, depth = 0): boolean {
  if (depth > MAX_DEPTH || !node) return false;
  const expr = unwrapTs(node);
  const derived = (n: AnyNode) => isErrorDerived(n, path, depth + 1);
  const derivedOrError = (n: AnyNode) => derived(n) || isErrorValue(n, path);
  switch (expr.type) {
    case "MemberExpression":
    case "OptionalMemberExpression": {
      const name = memberPropertyName(expr);
      if (name === undefined || !ERROR_TEXT_PROPERTIES.has(name)) return false;
      return name === "stack" || isErrorMessageReceiver(expr.object, path);
    }
    case "Identifier":
      return isErrorValue(expr, path) || derivedConst(expr, path, depth);
    case "TemplateLiteral":
      return (expr.expressions as AnyNode[]).some(derivedOrError);
    case "BinaryExpression":
      return expr.operator === "+" && (derivedOrError(expr.left) || derivedOrError(expr.right));
    case "ConditionalExpression":
      return derived(expr.consequent) || derived(expr.alternate);
    case "LogicalExpression":
      return derived(expr.left) || derived(expr.right);
    case "AwaitExpression":
      return derived(expr.argument);
    case "CallExpression":
    case "OptionalCallExpression":
      return isErrorDerivedCall(expr, path, depth);
    default:
      return false;
  }
}

/**
 * Calls. (The lint rule first stops at `sanitizeErrorMessage(...)` calls; no branch below can
 * match one, so the stop is implicit here.)
 */
function isErrorDerivedCall(call: AnyNode, path: any, depth: number): boolean {
  const args = call.arguments as AnyNode[];
  const firstArg = args[0];
  const next = depth + 1;
  const callee = unwrapTs(call.callee);
  if (callee.type === "Identifier") {
    // String(err)
    return (
      callee.name === "String" &&
      firstArg !== undefined &&
      isUnshadowedGlobal(path, "String") &&
      (isErrorValue(firstArg, path) || isErrorDerived(firstArg, path, next))
    );
  }
  if (!isMemberLike(callee)) return false;
  const method = memberPropertyName(callee);
  if (method === undefined) return false;
  const object = callee.object as AnyNode;
  // JSON.stringify(err)
  if (method === "stringify" && object.type === "Identifier" && object.name === "JSON" && isUnshadowedGlobal(path, "JSON")) {
    return firstArg !== undefined && (isErrorValue(firstArg, path) || isErrorDerived(firstArg, path, next));
  }
  if (!TEXT_PRESERVING_METHODS.has(method)) return false;
  // err.toString(), err.message.slice(0, 200), "x".concat(err.message)
  if ((method === "toString" || method === "valueOf") && isErrorValue(object, path)) return true;
  if (isErrorDerived(object, path, next)) return true;
  return method === "concat" && args.some((a) => isErrorDerived(a, path, next) || isErrorValue(a, path));
}

/** `const id = init` (one declaration, a plain identifier, never a destructuring): whether `init` is derived. */
function derivedConst(id: AnyNode, path: any, depth: number): boolean {
  const decl = bindingPath(path, id.name);
  const declarator = decl?.parent?.node as AnyNode | undefined;
  const declaration = decl?.parent?.parent?.node as AnyNode | undefined;
  if (declarator?.type !== "VariableDeclarator" || declarator.id !== decl.node || !declarator.init) return false;
  if (declaration?.type !== "VariableDeclaration" || declaration.kind !== "const") return false;
  return isErrorDerived(declarator.init, decl.parent, depth + 1);
}
