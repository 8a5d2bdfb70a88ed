/**
 * Formatting-preserving edits of a JSON document (package.json): adds a
 * property to an object without re-serialising the file, so key order,
 * indentation, inline objects and the final newline stay the author's.
 */
import { ts } from "ts-morph";

type JsonObject = ts.ObjectLiteralExpression;

function parseRootObject(text: string): { file: ts.JsonSourceFile; root: JsonObject } {
  const file = ts.parseJsonText("package.json", text);
  const statement = file.statements[0];
  if (!statement || !ts.isObjectLiteralExpression(statement.expression)) {
    throw new Error("package.json does not contain a JSON object");
  }
  return { file, root: statement.expression };
}

function propertyName(property: ts.ObjectLiteralElementLike): string | undefined {
  if (!ts.isPropertyAssignment(property)) return undefined;
  const name = property.name;
  return ts.isStringLiteral(name) || ts.isIdentifier(name) ? name.text : undefined;
}

function findProperty(object: JsonObject, key: string): ts.PropertyAssignment | undefined {
  return object.properties.find((p): p is ts.PropertyAssignment => propertyName(p) === key);
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf("\n", pos - 1) + 1;
}

function indentAt(text: string, pos: number): string {
  const start = lineStart(text, pos);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

function sameLine(text: string, a: number, b: number): boolean {
  return !text.slice(Math.min(a, b), Math.max(a, b)).includes("\n");
}

/** The document's indentation unit, taken from its first top-level property (default two spaces). */
function detectIndentUnit(text: string, root: JsonObject, file: ts.JsonSourceFile): string {
  const first = root.properties[0];
  if (!first) return "  ";
  const start = first.getStart(file);
  if (sameLine(text, root.getStart(file), start)) return "  ";
  return indentAt(text, start) || "  ";
}

/** JSON for a value, nested lines indented under `baseIndent`. */
function renderValue(value: unknown, unit: string, baseIndent: string): string {
  return JSON.stringify(value, null, unit).replace(/\n/g, `\n${baseIndent}`);
}

/** The property a new key goes before to keep an alphabetically sorted object sorted, if any. */
function sortedSuccessor(object: JsonObject, key: string): ts.ObjectLiteralElementLike | undefined {
  const names = object.properties.map((p) => propertyName(p) ?? "");
  const isSorted = names.every((name, i) => i === 0 || names[i - 1]! <= name);
  if (!isSorted) return undefined;
  return object.properties.find((_p, i) => names[i]! > key);
}

/**
 * Inserts `"key": value` into `object` (a node of `text`), matching the
 * surrounding layout: before the first greater key when `sorted` and the
 * object is sorted, otherwise last. Returns the new text.
 */
function insertProperty(
  text: string,
  file: ts.JsonSourceFile,
  object: JsonObject,
  key: string,
  value: unknown,
  unit: string,
  sorted: boolean,
): string {
  const open = object.getStart(file);
  const close = object.getEnd() - 1;
  const properties = object.properties;
  const successor = sorted ? sortedSuccessor(object, key) : undefined;
  if (successor) {
    const at = successor.getStart(file);
    const inline = sameLine(text, open, at);
    const indent = inline ? "" : indentAt(text, at);
    const rendered = `${JSON.stringify(key)}: ${inline ? JSON.stringify(value) : renderValue(value, unit, indent)}`;
    return `${text.slice(0, at)}${rendered},${inline ? " " : `\n${indent}`}${text.slice(at)}`;
  }
  const last = properties[properties.length - 1];
  if (last) {
    const lastStart = last.getStart(file);
    if (sameLine(text, open, lastStart)) {
      // Inline object: `{ "a": "1" }` -> `{ "a": "1", "key": value }`.
      const rendered = `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
      return `${text.slice(0, last.getEnd())}, ${rendered}${text.slice(last.getEnd())}`;
    }
    const indent = indentAt(text, lastStart);
    const rendered = `${JSON.stringify(key)}: ${renderValue(value, unit, indent)}`;
    return `${text.slice(0, last.getEnd())},\n${indent}${rendered}${text.slice(last.getEnd())}`;
  }
  const outerIndent = indentAt(text, open);
  const indent = outerIndent + unit;
  const rendered = `${JSON.stringify(key)}: ${renderValue(value, unit, indent)}`;
  return `${text.slice(0, open + 1)}\n${indent}${rendered}\n${outerIndent}${text.slice(close)}`;
}

/**
 * Sets `path` (e.g. `["dependencies", "@floe/runtime"]`) to `value` unless it
 * already exists. `sorted`: keep an alphabetically sorted object sorted (as
 * npm keeps dependency lists).
 */
export function addJsonProperty(
  text: string,
  path: readonly string[],
  value: unknown,
  options: { sorted?: boolean } = {},
): string {
  if (path.length === 0) throw new Error("addJsonProperty: empty path");
  const { file, root } = parseRootObject(text);
  const unit = detectIndentUnit(text, root, file);
  let object = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const existing = findProperty(object, key);
    if (!existing) {
      const rest = path.slice(i + 1);
      const nested = rest.reduceRight<unknown>((inner, k) => ({ [k]: inner }), value);
      return insertProperty(text, file, object, key, nested, unit, options.sorted === true && rest.length === 0);
    }
    if (i === path.length - 1) return text;
    if (!ts.isObjectLiteralExpression(existing.initializer)) {
      throw new Error(`package.json: "${path.slice(0, i + 1).join(".")}" is not an object`);
    }
    object = existing.initializer;
  }
  return text;
}

/**
 * Removes `path` (e.g. `["dependencies", "@floe/iceberg"]`) with its separating comma and line, keeping
 * the rest of the layout. Returns the text unchanged when the property does not exist.
 */
export function removeJsonProperty(text: string, path: readonly string[]): string {
  if (path.length === 0) throw new Error("removeJsonProperty: empty path");
  const { file, root } = parseRootObject(text);
  let object = root;
  for (let i = 0; i < path.length - 1; i++) {
    const next = findProperty(object, path[i]!);
    if (!next || !ts.isObjectLiteralExpression(next.initializer)) return text;
    object = next.initializer;
  }
  const property = findProperty(object, path[path.length - 1]!);
  if (!property) return text;
  const properties = object.properties;
  const index = properties.indexOf(property);
  const start = property.getStart(file);
  if (properties.length === 1) {
    // the only property: leave `{}` (on one line)
    return `${text.slice(0, object.getStart(file) + 1)}${text.slice(object.getEnd() - 1)}`;
  }
  if (index < properties.length - 1) {
    // up to the next property's line (or position, when inline)
    const next = properties[index + 1]!.getStart(file);
    const removeFrom = sameLine(text, start, next) ? start : lineStart(text, start);
    const removeTo = sameLine(text, start, next) ? next : lineStart(text, next);
    return text.slice(0, removeFrom) + text.slice(removeTo);
  }
  // the last property: from the end of the previous one (its comma goes)
  return text.slice(0, properties[index - 1]!.getEnd()) + text.slice(property.getEnd());
}
