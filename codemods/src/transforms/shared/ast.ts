/**
 * Small AST helpers shared by the file transforms: node predicates, a
 * jscodeshift Collection over an already-parsed Babel File, and the set of
 * identifier names a file already uses (to pick collision-free new names).
 */
import jscodeshift from "jscodeshift";
import type { AnyNode } from "../../core/parsers.js";

export const j = jscodeshift;

export type { AnyNode };

/** Strips TS-only wrappers (`x!`, `x as T`, `<T>x`, `x satisfies T`) that do not change the value. */
export function unwrapTs(node: AnyNode): AnyNode {
  let current = node;
  while (
    current &&
    (current.type === "TSNonNullExpression" ||
      current.type === "TSAsExpression" ||
      current.type === "TSTypeAssertion" ||
      current.type === "TSSatisfiesExpression" ||
      current.type === "TSInstantiationExpression" ||
      current.type === "ParenthesizedExpression")
  ) {
    current = current.expression;
  }
  return current;
}

export function isMemberLike(node: AnyNode | undefined): boolean {
  return !!node && (node.type === "MemberExpression" || node.type === "OptionalMemberExpression");
}

/** The static name of a member's property (`a.b`, `a["b"]`), or undefined. */
export function memberPropertyName(node: AnyNode): string | undefined {
  const prop = node.property as AnyNode;
  if (!node.computed && prop.type === "Identifier") return prop.name;
  if (node.computed && prop.type === "StringLiteral") return prop.value;
  if (node.computed && prop.type === "TemplateLiteral" && prop.expressions.length === 0) {
    return prop.quasis[0]?.value?.cooked;
  }
  return undefined;
}

/** The static name of an object property key (`a:`, `"a":`), or undefined. */
export function propertyKeyName(prop: AnyNode): string | undefined {
  if (prop.type !== "ObjectProperty" && prop.type !== "Property") return undefined;
  const key = prop.key as AnyNode;
  if (!prop.computed) {
    if (key.type === "Identifier") return key.name;
    if (key.type === "StringLiteral" || key.type === "NumericLiteral") return String(key.value);
    return undefined;
  }
  if (key.type === "StringLiteral") return key.value;
  if (key.type === "TemplateLiteral" && key.expressions.length === 0) return key.quasis[0]?.value?.cooked;
  return undefined;
}

/** Start of the node including wrapping parentheses (Babel keeps them in `extra`). */
export function outerStart(node: AnyNode): number {
  return node.extra?.parenthesized ? node.extra.parenStart : node.start;
}

/** Keys of a Babel node that hold no child nodes worth visiting. */
const NON_CHILD_KEYS = new Set(["loc", "extra", "comments", "leadingComments", "trailingComments", "innerComments", "tokens", "start", "end", "type"]);

/**
 * Identifier names used in the file, excluding non-computed property names. A plain walk
 * over the node objects: ast-types' path visitor costs about ten times more on big files.
 */
export function usedNames(file: AnyNode): Set<string> {
  const names = new Set<string>();
  const visit = (node: any): void => {
    if (node.type === "Identifier") names.add(node.name);
    const skip = (node.type === "MemberExpression" || node.type === "OptionalMemberExpression") && !node.computed ? node.property : undefined;
    for (const key in node) {
      if (NON_CHILD_KEYS.has(key)) continue;
      const child = node[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c.type === "string") visit(c);
      } else if (child && typeof child === "object" && typeof child.type === "string" && child !== skip) {
        visit(child);
      }
    }
  };
  visit(file);
  return names;
}

/** A name not in `taken`: `preferred`, else `preferred2`, `preferred3`... (adds it to `taken`). */
export function uniqueName(preferred: string, taken: Set<string>): string {
  let name = preferred;
  for (let i = 2; taken.has(name); i++) name = `${preferred}${i}`;
  taken.add(name);
  return name;
}

/** Leading whitespace of the line holding `offset`. */
export function indentAt(source: string, offset: number): string {
  const lineStart = source.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart))![0];
}

/** Babel position and bookkeeping fields: never hold child nodes. */
const NOT_CHILDREN = new Set(["loc", "start", "end", "extra", "range", "leadingComments", "trailingComments", "innerComments", "comments", "tokens"]);

/**
 * The calls (`CallExpression`, `OptionalCallExpression`: what `j.CallExpression` matches) of `ast` that `accept` keeps, as jscodeshift paths (scope, parent), in
 * source order (an enclosing call before the calls inside it). A plain walk over the nodes finds
 * them; a path is made only for the calls kept, so a file with few sites costs one walk, not a
 * path per node as `j(ast).find(j.CallExpression)` does.
 */
export function findCalls(ast: AnyNode, accept: (call: AnyNode) => boolean): any[] {
  const found: { node: AnyNode; keys: (string | number)[] }[] = [];
  const keys: (string | number)[] = [];
  const walk = (node: AnyNode): void => {
    if ((node.type === "CallExpression" || node.type === "OptionalCallExpression") && accept(node)) found.push({ node, keys: [...keys] });
    for (const key of Object.keys(node)) {
      if (NOT_CHILDREN.has(key)) continue;
      const value = node[key];
      if (Array.isArray(value)) {
        keys.push(key);
        value.forEach((child, index) => {
          if (child && typeof child.type === "string") {
            keys.push(index);
            walk(child);
            keys.pop();
          }
        });
        keys.pop();
      } else if (value && typeof value === "object" && typeof value.type === "string") {
        keys.push(key);
        walk(value);
        keys.pop();
      }
    }
  };
  walk(ast);
  found.sort((a, b) => a.node.start - b.node.start || b.node.end - a.node.end);
  const root = new j.types.NodePath(ast);
  return found.map(({ keys: chain }) => root.get(...chain));
}
