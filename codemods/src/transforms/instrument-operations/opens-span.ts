/**
 * Whether a plugin method already opens a span, so instrument-operations
 * leaves it alone: a `traced` / `tracing.operation` / `tracing.traced`
 * decorator, or anywhere in its body a call to `withSpan`, `traced`, the
 * domain span helper (`alertSpan(`), `tracing.span(` or
 * `startSpan` / `startActiveSpan`. Calls to methods of the same class
 * (`this.runCommand(...)`) and to functions of the same file are followed:
 * an operation that delegates to a span-opening helper is instrumented too,
 * and decorating it would nest a duplicate span. Calls to other operations
 * are not followed: their span is theirs, not the caller's.
 */
import { Node, SyntaxKind, type ClassDeclaration, type Expression, type MethodDeclaration } from "ts-morph";

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

/** Code whose calls are inspected: a method, a function declaration, or a function-valued const. */
type Body = Node;

interface Scope {
  readonly spanHelper: string;
  readonly owner: ClassDeclaration | undefined;
  readonly operations: ReadonlySet<string>;
  readonly seen: Set<Node>;
}

function delegatedBodies(name: string, receiver: string | undefined, scope: Scope, from: Node): Body[] {
  if (receiver === "this" && scope.owner) {
    if (scope.operations.has(name)) return [];
    return scope.owner.getMethods().filter((m) => m.getName() === name && m.hasBody());
  }
  if (receiver !== undefined) return [];
  const file = from.getSourceFile();
  const fn = file.getFunction(name);
  if (fn?.hasBody()) return [fn];
  const initializer = file.getVariableDeclaration(name)?.getInitializer();
  if (initializer && (Node.isArrowFunction(initializer) || Node.isFunctionExpression(initializer))) return [initializer];
  return [];
}

function opensSpanIn(node: Body, scope: Scope): boolean {
  if (scope.seen.has(node)) return false;
  scope.seen.add(node);
  if (Node.isMethodDeclaration(node) && hasSpanDecorator(node)) return true;
  for (const call of node.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = calleeName(call.getExpression());
    if (!callee) continue;
    if (BODY_CALLS.has(callee.name) || callee.name === scope.spanHelper) return true;
    if (callee.receiver === "tracing" && KIT_CALLS.has(callee.name)) return true;
    for (const body of delegatedBodies(callee.name, callee.receiver, scope, node)) {
      if (opensSpanIn(body, scope)) return true;
    }
  }
  return false;
}

export function opensSpan(method: MethodDeclaration, spanHelper: string, operations: readonly string[]): boolean {
  const parent = method.getParent();
  const owner = Node.isClassDeclaration(parent) ? parent : undefined;
  return opensSpanIn(method, { spanHelper, owner, operations: new Set(operations), seen: new Set() });
}
