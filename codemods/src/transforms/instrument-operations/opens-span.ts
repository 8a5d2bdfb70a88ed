/**
 * Whether a plugin method already opens a span, so instrument-operations
 * leaves it alone: a `traced` / `tracing.operation` / `tracing.traced`
 * decorator, or anywhere in its body a call to `withSpan`, `traced`, the
 * domain span helper (`alertSpan(`), `tracing.span(` or
 * `startSpan` / `startActiveSpan`.
 */
import { Node, SyntaxKind, type Expression, type MethodDeclaration } from "ts-morph";

const DECORATORS = new Set(["traced", "operation"]);
const BODY_CALLS = new Set(["withSpan", "traced", "startSpan", "startActiveSpan"]);
const KIT_CALLS = new Set(["span", "operation", "traced"]);

/** The called name: `f` for `f(...)`, `m` for `x.m(...)` / `x?.m(...)`, plus the receiver's text. */
function calleeName(expression: Expression): { name: string; receiver?: string } | undefined {
  if (Node.isIdentifier(expression)) return { name: expression.getText() };
  if (Node.isPropertyAccessExpression(expression)) {
    return { name: expression.getName(), receiver: expression.getExpression().getText() };
  }
  if (Node.isCallExpression(expression)) return calleeName(expression.getExpression()); // traced(opts)(fn)
  return undefined;
}

function hasSpanDecorator(method: MethodDeclaration): boolean {
  return method.getDecorators().some((decorator) => {
    const call = decorator.getCallExpression();
    const callee = calleeName(call ? call.getExpression() : decorator.getExpression());
    return callee !== undefined && DECORATORS.has(callee.name);
  });
}

function callsSpanOpener(method: MethodDeclaration, spanHelper: string): boolean {
  const body = method.getBody();
  if (!body) return false;
  return body.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => {
    const callee = calleeName(call.getExpression());
    if (!callee) return false;
    if (BODY_CALLS.has(callee.name) || callee.name === spanHelper) return true;
    return callee.receiver === "tracing" && KIT_CALLS.has(callee.name);
  });
}

export function opensSpan(method: MethodDeclaration, spanHelper: string): boolean {
  return hasSpanDecorator(method) || callsSpanOpener(method, spanHelper);
}
