/**
 * Wraps a JS method's body in the domain span helper, for files that cannot
 * use decorators at run time:
 *
 *   async sendAlert(alert) {            async sendAlert(alert) {
 *     ...body...                  ->      return alertSpan("sendAlert", {}, async () => {
 *   }                                       ...body...
 *                                         });
 *                                       }
 *
 * An arrow function keeps `this`, `arguments` and `super`; a sync method gets
 * a sync arrow. The body is re-indented one level, except lines inside
 * multi-line template literals (their whitespace is content).
 */
import { Node, SyntaxKind, type MethodDeclaration } from "ts-morph";

const INDENT = "  ";

function lineIndent(text: string, pos: number): string {
  const start = text.lastIndexOf("\n", pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** Absolute [start, end) ranges of template literals in the body. */
function templateRanges(method: MethodDeclaration): Array<readonly [number, number]> {
  const body = method.getBodyOrThrow();
  return [
    ...body.getDescendantsOfKind(SyntaxKind.TemplateExpression),
    ...body.getDescendantsOfKind(SyntaxKind.NoSubstitutionTemplateLiteral),
  ].map((node) => [node.getStart(), node.getEnd()] as const);
}

/** What the helper call gets besides the operation: the callback's span parameter, attributes, options. */
export interface HelperArguments {
  /** Name of the callback's span parameter (none by default). */
  readonly param?: string;
  /** Object literal text of the span attributes (`{}` by default). */
  readonly attributes?: string;
  /** Object literal text of the helper options (`{ kind: ... }`), if any. */
  readonly options?: string;
}

/** Replaces the method's body text; the method node (and others of the file) must be re-fetched afterwards. */
export function wrapMethodBody(
  method: MethodDeclaration,
  spanHelper: string,
  operation: string,
  helperArguments: HelperArguments = {},
): void {
  const body = method.getBodyOrThrow();
  if (!Node.isBlock(body)) throw new Error(`${method.getName()}: method body is not a block`);
  const sourceFile = method.getSourceFile();
  const text = sourceFile.getFullText();
  const open = body.getStart();
  const close = body.getEnd() - 1;
  const methodIndent = lineIndent(text, open);
  const templates = templateRanges(method);
  const insideTemplate = (pos: number) => templates.some(([start, end]) => start < pos && pos < end);

  const inner = text.slice(open + 1, close);
  const lines: Array<{ text: string; pos: number }> = [];
  let offset = open + 1;
  for (const line of inner.split("\n")) {
    lines.push({ text: line, pos: offset });
    offset += line.length + 1;
  }
  if (lines.length > 0 && lines[0]!.text.trim() === "") lines.shift();
  else if (lines.length > 0) lines[0] = { ...lines[0]!, text: methodIndent + INDENT + lines[0]!.text.trim() };
  if (lines.length > 0 && lines[lines.length - 1]!.text.trim() === "") lines.pop();

  const reindented = lines.map(({ text: line, pos }) => {
    if (line.trim() === "" || insideTemplate(pos)) return line.trim() === "" && !insideTemplate(pos) ? "" : line;
    return INDENT + line;
  });
  const arrow = `${method.isAsync() ? "async " : ""}(${helperArguments.param ?? ""}) =>`;
  const attributes = helperArguments.attributes ?? "{}";
  const call = `return ${spanHelper}(${JSON.stringify(operation)}, ${attributes}, ${arrow} {`;
  const closing = helperArguments.options ? `}, ${helperArguments.options});` : "});";
  const wrapped =
    reindented.length === 0
      ? `\n${methodIndent}${INDENT}${call}${closing}\n${methodIndent}`
      : `\n${methodIndent}${INDENT}${call}\n${reindented.join("\n")}\n${methodIndent}${INDENT}${closing}\n${methodIndent}`;
  sourceFile.replaceText([open + 1, close], wrapped);
}
