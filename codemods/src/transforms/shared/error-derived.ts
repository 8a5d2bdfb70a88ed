/**
 * Recognises a span-status message computed from a caught error: `err.message`,
 * `err?.message`, `String(err)`, `${err}`, `err.toString()`, and ternaries,
 * `||`/`??` and string concatenations of these. An "error" is a catch-clause
 * binding or a value whose name says it is one (`err`, `error`, `cause`, `fooError`).
 */
import { isMemberLike, memberPropertyName, unwrapTs, type AnyNode } from "./ast.js";

const ERROR_NAME = /^(?:e|err|error|ex|exc|exception|cause|reason|failure)$|(?:Error|Err|Exception)$/;

function isCatchBinding(name: string, path: any): boolean {
  const scope = path?.scope?.lookup?.(name);
  return scope?.node?.type === "CatchClause";
}

/** An expression that denotes an error object. */
export function isErrorish(node: AnyNode, path: any): boolean {
  const n = unwrapTs(node);
  if (n.type === "Identifier") return ERROR_NAME.test(n.name) || isCatchBinding(n.name, path);
  if (isMemberLike(n)) {
    const name = memberPropertyName(n);
    return name !== undefined && ERROR_NAME.test(name);
  }
  return false;
}

/** A string expression derived from an error (see module comment). */
export function isErrorDerived(node: AnyNode, path: any): boolean {
  const n = unwrapTs(node);
  const derivedOrError = (x: AnyNode) => isErrorDerived(x, path) || isErrorish(x, path);
  switch (n.type) {
    case "MemberExpression":
    case "OptionalMemberExpression": {
      const name = memberPropertyName(n);
      return (name === "message" || name === "stack") && isErrorish(n.object, path);
    }
    case "CallExpression":
    case "OptionalCallExpression": {
      const callee = unwrapTs(n.callee);
      if (callee.type === "Identifier" && callee.name === "String" && n.arguments.length === 1) {
        return derivedOrError(n.arguments[0]);
      }
      if (isMemberLike(callee) && memberPropertyName(callee) === "toString" && n.arguments.length === 0) {
        return derivedOrError(callee.object);
      }
      return false;
    }
    case "TemplateLiteral":
      return (n.expressions as AnyNode[]).some(derivedOrError);
    case "BinaryExpression":
      return n.operator === "+" && (derivedOrError(n.left) || derivedOrError(n.right));
    case "LogicalExpression":
      return isErrorDerived(n.left, path) || isErrorDerived(n.right, path);
    case "ConditionalExpression":
      return isErrorDerived(n.consequent, path) || isErrorDerived(n.alternate, path);
    default:
      return false;
  }
}
