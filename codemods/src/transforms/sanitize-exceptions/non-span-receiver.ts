/**
 * The Span guard of sanitize-exceptions, part of the transform itself (so it
 * holds standalone, inside `migrate`, in any package, JS or TS): a
 * `recordException` call whose receiver the file (or the relative module it
 * imports the receiver's class from) proves is not an OpenTelemetry Span is
 * not rewritten. `recordSanitizedException(ledger, e)` on an
 * `AuditLedger { recordException(e) {} }` would be a type error and would
 * drop the ledger's behaviour.
 *
 * Proof is syntactic and conservative: the receiver is `this` in a class, a
 * `const x = new C()`, a binding or class field annotated `C` (or `C |
 * undefined`), and `C` is a class or interface declared in this file or in a
 * relative module, whose members (own and inherited, all resolvable) do not
 * include every member of a Span. Anything else (untyped parameters, calls,
 * unresolvable bases) proves nothing and is rewritten, as the lint rule's
 * syntactic mode reports it. The type checker (../../project/non-span-calls.ts)
 * adds the cases syntax cannot see when a pipeline has loaded the package.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { SPAN_MEMBERS } from "@floe/runtime/conventions";
import { parseSource, parserFor } from "../../core/parsers.js";
import { isMemberLike, memberPropertyName, unwrapTs, type AnyNode } from "../shared/ast.js";
import { bindingPath, moduleKind } from "../shared/bindings.js";

const MAX_DEPTH = 4;

/** A parsed module: its Program and where it lives (relative imports resolve from there). */
interface ModuleScope {
  readonly file: string;
  readonly program: AnyNode;
}

type Shape = { kind: "span" } | { kind: "other"; name: string } | undefined;

const FUNCTION_BOUNDARIES = new Set(["FunctionDeclaration", "FunctionExpression", "ObjectMethod"]);
const CLASS_NODES = new Set(["ClassDeclaration", "ClassExpression"]);

/**
 * What the syntax proves about a receiver: a Span (declared with `Span` from `@opentelemetry/api`,
 * a class implementing it, a type with every Span member), not a Span (with the type's name), or
 * nothing (undefined).
 */
export function receiverKind(receiver: AnyNode, callPath: any, filePath: string, program: AnyNode): { span: true } | { span: false; typeName: string } | undefined {
  const scope: ModuleScope = { file: filePath, program };
  const shape = receiverShape(unwrapTs(receiver), callPath, scope);
  if (!shape) return undefined;
  return shape.kind === "span" ? { span: true } : { span: false, typeName: shape.name };
}

function receiverShape(receiver: AnyNode, callPath: any, scope: ModuleScope): Shape {
  if (receiver.type === "ThisExpression") {
    const cls = enclosingClass(callPath);
    return cls ? classShape(cls.node, scope, 0, cls.path) : undefined;
  }
  if (receiver.type === "Identifier") {
    const decl = bindingPath(callPath, receiver.name);
    return decl ? declaredShape(decl, scope) : undefined;
  }
  if (isMemberLike(receiver) && unwrapTs(receiver.object).type === "ThisExpression") {
    const name = memberPropertyName(receiver);
    const cls = enclosingClass(callPath);
    if (!name || !cls) return undefined;
    return fieldShape(cls.node, name, scope, cls.path);
  }
  return undefined;
}

/** The class `this` refers to at `path` (arrow functions see through; other functions do not). */
function enclosingClass(path: any): { node: AnyNode; path: any } | undefined {
  for (let p = path?.parent; p; p = p.parent) {
    const type = p.node.type as string;
    if (FUNCTION_BOUNDARIES.has(type)) return undefined;
    if (CLASS_NODES.has(type)) return { node: p.node, path: p };
  }
  return undefined;
}

/** Shape of a binding from its declaration: a type annotation, or `const x = new C()`. */
function declaredShape(idPath: any, scope: ModuleScope): Shape {
  const id = idPath.node as AnyNode;
  const annotation = id.typeAnnotation?.typeAnnotation as AnyNode | undefined;
  if (annotation) return typeShape(annotation, scope, 0, idPath);
  const parent = idPath.parent?.node as AnyNode | undefined;
  if (parent?.type === "VariableDeclarator" && parent.id === id && parent.init) {
    const declaration = idPath.parent.parent?.node as AnyNode | undefined;
    if (declaration?.type !== "VariableDeclaration" || declaration.kind !== "const") return undefined;
    return constructedShape(parent.init, scope, idPath);
  }
  return undefined;
}

/** `new C(...)` -> the shape of C. */
function constructedShape(init: AnyNode, scope: ModuleScope, path: any): Shape {
  const expr = unwrapTs(init);
  if (expr.type !== "NewExpression" || expr.callee.type !== "Identifier") return undefined;
  return namedShape(expr.callee.name, scope, 0, path);
}

/** `this.name`: a field declared with a type or `new C()`, or a constructor parameter property. */
function fieldShape(cls: AnyNode, name: string, scope: ModuleScope, path: any): Shape {
  for (const member of cls.body.body as AnyNode[]) {
    if ((member.type === "ClassProperty" || member.type === "ClassAccessorProperty") && memberName(member) === name) {
      const annotation = member.typeAnnotation?.typeAnnotation as AnyNode | undefined;
      if (annotation) return typeShape(annotation, scope, 0, path);
      return member.value ? constructedShape(member.value, scope, path) : undefined;
    }
    if (member.type === "ClassMethod" && member.kind === "constructor") {
      for (const param of member.params as AnyNode[]) {
        if (param.type !== "TSParameterProperty") continue;
        const inner = param.parameter.type === "AssignmentPattern" ? param.parameter.left : param.parameter;
        if (inner.type === "Identifier" && inner.name === name && inner.typeAnnotation) return typeShape(inner.typeAnnotation.typeAnnotation, scope, 0, path);
      }
    }
  }
  return undefined;
}

/** `C`, `C | undefined | null`: the shape of C (every non-nullish member of a union must agree). */
function typeShape(type: AnyNode, scope: ModuleScope, depth: number, path?: any): Shape {
  if (type.type === "TSUnionType") {
    const present = (type.types as AnyNode[]).filter((t) => t.type !== "TSUndefinedKeyword" && t.type !== "TSNullKeyword");
    const shapes = present.map((t) => typeShape(t, scope, depth, path));
    if (shapes.length === 0 || shapes.some((s) => s?.kind !== "other")) return shapes.find((s) => s?.kind === "span");
    return shapes[0];
  }
  if (type.type === "TSParenthesizedType") return typeShape(type.typeAnnotation, scope, depth, path);
  if (type.type === "TSTypeReference" && type.typeName.type === "Identifier") return namedShape(type.typeName.name, scope, depth, path);
  if (type.type === "TSTypeLiteral") return membersShape(type.members, "The object type");
  return undefined;
}

function membersShape(members: AnyNode[], name: string): Shape {
  const names = new Set(members.map(memberName).filter((n): n is string => n !== undefined));
  return SPAN_MEMBERS.every((m) => names.has(m)) ? { kind: "span" } : { kind: "other", name };
}

function memberName(member: AnyNode): string | undefined {
  if (member.computed) return member.key?.type === "StringLiteral" ? member.key.value : undefined;
  if (member.key?.type === "Identifier") return member.key.name;
  if (member.key?.type === "StringLiteral") return member.key.value;
  return undefined;
}

/** Shape of a type or class named `name` where `path` (or the top level of `scope`) sees it. */
function namedShape(name: string, scope: ModuleScope, depth: number, path?: any): Shape {
  if (depth > MAX_DEPTH) return undefined;
  const local = path ? bindingPath(path, name) : undefined;
  const localNode = local?.parent?.node as AnyNode | undefined;
  if (localNode && CLASS_NODES.has(localNode.type) && localNode.id === local.node) return classShape(localNode, scope, depth, local.parent);
  const top = topLevelDeclaration(scope.program, name);
  if (!top) return undefined;
  if (top.type === "ImportSpecifier" || top.type === "ImportDefaultSpecifier") return importedShape(top, scope, depth);
  return declarationShape(top, scope, depth);
}

function declarationShape(decl: AnyNode, scope: ModuleScope, depth: number, path?: any): Shape {
  if (CLASS_NODES.has(decl.type)) return classShape(decl, scope, depth, path);
  if (decl.type === "TSInterfaceDeclaration") {
    if ((decl.extends ?? []).length > 0) return undefined; // inherited members unknown: proves nothing
    return membersShape(decl.body.body, decl.id.name);
  }
  if (decl.type === "TSTypeAliasDeclaration") return typeShape(decl.typeAnnotation, scope, depth + 1);
  return undefined;
}

/** A class's own and inherited members (every base must resolve), `implements Span` counting as a Span. */
function classShape(cls: AnyNode, scope: ModuleScope, depth: number, path?: any): Shape {
  if (depth > MAX_DEPTH) return undefined;
  const name = cls.id?.name ?? "(anonymous class)";
  for (const impl of (cls.implements ?? []) as AnyNode[]) {
    if (impl.expression?.type === "Identifier" && impl.expression.name === "Span") return { kind: "span" };
  }
  const own = membersShape(cls.body.body, name);
  if (own?.kind === "span" || !cls.superClass) return own;
  if (cls.superClass.type !== "Identifier") return undefined;
  const base = namedShape(cls.superClass.name, scope, depth + 1, path);
  if (base?.kind !== "other") return base;
  const baseMembers = collectMembers(cls.superClass.name, scope, depth + 1);
  if (!baseMembers) return undefined;
  const names = new Set([...(cls.body.body as AnyNode[]).map(memberName), ...baseMembers]);
  return SPAN_MEMBERS.every((m) => names.has(m)) ? { kind: "span" } : { kind: "other", name };
}

/** Member names of a resolvable class chain, or undefined. */
function collectMembers(name: string, scope: ModuleScope, depth: number): Set<string | undefined> | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let decl = topLevelDeclaration(scope.program, name);
  let where = scope;
  if (decl && (decl.type === "ImportSpecifier" || decl.type === "ImportDefaultSpecifier")) {
    const target = importedDeclaration(decl, scope);
    if (!target) return undefined;
    decl = target.decl;
    where = target.scope;
  }
  if (!decl || !CLASS_NODES.has(decl.type)) return undefined;
  const own = new Set((decl.body.body as AnyNode[]).map(memberName));
  if (!decl.superClass) return own;
  if (decl.superClass.type !== "Identifier") return undefined;
  const base = collectMembers(decl.superClass.name, where, depth + 1);
  return base ? new Set([...own, ...base]) : undefined;
}

/** The top-level class/interface/type alias/import that binds `name` in a program. */
function topLevelDeclaration(program: AnyNode, name: string): AnyNode | undefined {
  for (const stmt of program.body as AnyNode[]) {
    if (stmt.type === "ImportDeclaration" && stmt.importKind !== "typeof") {
      for (const spec of stmt.specifiers as AnyNode[]) if (spec.local?.name === name) return { ...spec, parentImport: stmt };
      continue;
    }
    const decl = stmt.type === "ExportNamedDeclaration" || stmt.type === "ExportDefaultDeclaration" ? stmt.declaration : stmt;
    if (decl && (CLASS_NODES.has(decl.type) || decl.type === "TSInterfaceDeclaration" || decl.type === "TSTypeAliasDeclaration") && decl.id?.name === name) {
      return decl;
    }
  }
  return undefined;
}

function importedShape(spec: AnyNode, scope: ModuleScope, depth: number): Shape {
  const source = spec.parentImport.source.value as string;
  if (moduleKind(source) === "otel") return spec.type === "ImportSpecifier" && importedName(spec) === "Span" ? { kind: "span" } : undefined;
  const target = importedDeclaration(spec, scope);
  return target ? declarationShape(target.decl, target.scope, depth + 1) : undefined;
}

function importedName(spec: AnyNode): string {
  return spec.imported.type === "StringLiteral" ? spec.imported.value : spec.imported.name;
}

/** The declaration an import of a relative module names, read from disk. */
function importedDeclaration(spec: AnyNode, scope: ModuleScope): { decl: AnyNode; scope: ModuleScope } | undefined {
  const source = spec.parentImport.source.value as string;
  if (!source.startsWith("./") && !source.startsWith("../")) return undefined;
  const file = resolveRelative(path.dirname(scope.file), source);
  const program = file ? parsedProgram(file) : undefined;
  if (!file || !program) return undefined;
  const exported = spec.type === "ImportDefaultSpecifier" ? "default" : importedName(spec);
  const decl = exportedDeclaration(program, exported);
  return decl ? { decl, scope: { file, program } } : undefined;
}

function exportedDeclaration(program: AnyNode, exported: string): AnyNode | undefined {
  for (const stmt of program.body as AnyNode[]) {
    if (stmt.type === "ExportDefaultDeclaration" && exported === "default") {
      const d = stmt.declaration;
      return d.type === "Identifier" ? topLevelDeclaration(program, d.name) : d;
    }
    if (stmt.type !== "ExportNamedDeclaration") continue;
    if (stmt.declaration?.id?.name === exported) return stmt.declaration;
    if (stmt.source) continue;
    for (const s of (stmt.specifiers ?? []) as AnyNode[]) {
      const name = s.exported.type === "StringLiteral" ? s.exported.value : s.exported.name;
      if (name === exported) return topLevelDeclaration(program, s.local.name);
    }
  }
  return undefined;
}

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
const JS_TO_TS: Readonly<Record<string, string[]>> = { ".js": [".ts", ".tsx"], ".jsx": [".tsx"], ".mjs": [".mts"], ".cjs": [".cts"] };

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function resolveRelative(dir: string, specifier: string): string | undefined {
  const base = path.resolve(dir, specifier);
  const ext = path.extname(base);
  const candidates = [base, ...(JS_TO_TS[ext] ?? []).map((e) => base.slice(0, -ext.length) + e), ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  return candidates.find((c) => parserFor(c) !== undefined && isFile(c));
}

/** Parsed relative modules, by path and modification time (a run reads each at most once). */
const parsed = new Map<string, { mtimeMs: number; program: AnyNode | undefined }>();

function parsedProgram(file: string): AnyNode | undefined {
  const mtimeMs = statSync(file).mtimeMs;
  const known = parsed.get(file);
  if (known && known.mtimeMs === mtimeMs) return known.program;
  let program: AnyNode | undefined;
  try {
    program = parseSource(readFileSync(file, "utf8").replace(/^\uFEFF/, ""), parserFor(file)!).program;
  } catch {
    program = undefined;
  }
  if (parsed.size > 256) parsed.clear();
  parsed.set(file, { mtimeMs, program });
  return program;
}
