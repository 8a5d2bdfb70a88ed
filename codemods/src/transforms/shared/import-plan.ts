/**
 * Adds the names a transform needs from a module (`@floe/runtime`) with the
 * fewest possible edits: reuse an existing binding (alias, namespace import,
 * `require` destructuring), else merge into an existing value import (never an
 * `import type`), else add one import / require statement in the file's own
 * quote and semicolon style.
 */
import { moduleBindings, requiredModule, type ModuleBindings } from "./module-bindings.js";
import { indentAt, uniqueName, type AnyNode } from "./ast.js";
import type { TextEdits } from "./text-edits.js";
import { isImportEqualsRequire } from "./module-style.js";

export type ModuleStyle = "esm" | "cjs" | "ts-import-equals";

export interface PlannedSpecifier {
  readonly exported: string;
  readonly local: string;
}

export class ImportPlan {
  private readonly bindings: ModuleBindings;
  private readonly pending: PlannedSpecifier[] = [];
  /** `import <namespace> = require(module)` to add (ts-import-equals style). */
  private namespace: string | undefined;

  constructor(
    private readonly program: AnyNode,
    private readonly source: string,
    private readonly moduleName: string,
    private readonly style: ModuleStyle,
    private readonly taken: Set<string>,
  ) {
    this.bindings = moduleBindings(program, [moduleName]);
  }

  /** Expression text that refers to `exported` once the plan is committed. */
  use(exported: string): string {
    const local = this.bindings.named.get(exported);
    if (local && local.size > 0) return [...local][0]!;
    const pending = this.pending.find((p) => p.exported === exported);
    if (pending) return pending.local;
    if (this.bindings.namespaces.size > 0) return `${[...this.bindings.namespaces][0]}.${exported}`;
    if (this.style === "ts-import-equals") {
      this.namespace ??= uniqueName(camelCase(this.moduleName), this.taken);
      return `${this.namespace}.${exported}`;
    }
    const name = this.taken.has(exported) ? uniqueName(`floe${exported[0]!.toUpperCase()}${exported.slice(1)}`, this.taken) : exported;
    this.taken.add(name);
    this.pending.push({ exported, local: name });
    return name;
  }

  /** Schedules an existing-specifier text (e.g. `traced as t`) to be added. */
  addSpecifier(spec: PlannedSpecifier): void {
    if (this.bindings.named.get(spec.exported)?.has(spec.local)) return;
    if (this.pending.some((p) => p.exported === spec.exported && p.local === spec.local)) return;
    this.pending.push(spec);
  }

  /** Whether a value import/require of the module exists that can take more specifiers. */
  get hasMergeTarget(): boolean {
    return this.mergeTarget() !== undefined;
  }

  commit(edits: TextEdits): void {
    if (this.namespace) {
      const q = `${detectQuote(this.program, this.source)}${this.moduleName}${detectQuote(this.program, this.source)}`;
      insertStatement(this.program, this.source, `import ${this.namespace} = require(${q})${detectSemicolon(this.program, this.source)}`, this.style, edits);
    }
    if (this.pending.length === 0) return;
    const target = this.mergeTarget();
    if (target) {
      mergeSpecifiers(this.source, target, this.pending.map((p) => this.specifierText(p, target.type === "ObjectPattern")), edits);
      return;
    }
    insertStatement(this.program, this.source, this.statementText(), this.style, edits);
  }

  private specifierText(p: PlannedSpecifier, destructuring: boolean): string {
    if (p.exported === p.local) return p.local;
    return destructuring ? `${p.exported}: ${p.local}` : `${p.exported} as ${p.local}`;
  }

  /** The ImportDeclaration (with braces or only a default) or require ObjectPattern to merge into. */
  private mergeTarget(): AnyNode | undefined {
    for (const stmt of this.program.body as AnyNode[]) {
      if (
        this.style === "esm" &&
        stmt.type === "ImportDeclaration" &&
        stmt.source.value === this.moduleName &&
        stmt.importKind !== "type" &&
        !stmt.specifiers.some((s: AnyNode) => s.type === "ImportNamespaceSpecifier")
      ) {
        return stmt;
      }
      if (this.style === "cjs" && stmt.type === "VariableDeclaration") {
        for (const decl of stmt.declarations as AnyNode[]) {
          if (requiredModule(decl.init) === this.moduleName && decl.id.type === "ObjectPattern") return decl.id;
        }
      }
    }
    return undefined;
  }

  private statementText(): string {
    const quote = detectQuote(this.program, this.source);
    const semi = detectSemicolon(this.program, this.source);
    const q = `${quote}${this.moduleName}${quote}`;
    if (this.style === "cjs") {
      const props = this.pending.map((p) => this.specifierText(p, true)).join(", ");
      return `const { ${props} } = require(${q})${semi}`;
    }
    const specs = this.pending.map((p) => this.specifierText(p, false)).join(", ");
    return `import { ${specs} } from ${q}${semi}`;
  }
}

/** `@floe/runtime` -> `floeRuntime`: a namespace name for a module. */
function camelCase(moduleName: string): string {
  const words = moduleName.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join("");
  return /^[A-Za-z_$]/.test(name) ? name : `m${name}`;
}

/** Appends specifiers to `import { a } from "m"` / `import d from "m"` / `const { a } = require("m")`. */
function mergeSpecifiers(source: string, target: AnyNode, specs: string[], edits: TextEdits): void {
  if (target.type === "ImportDeclaration") {
    const named = (target.specifiers as AnyNode[]).filter((s) => s.type === "ImportSpecifier");
    if (named.length === 0) {
      const def = (target.specifiers as AnyNode[]).find((s) => s.type === "ImportDefaultSpecifier");
      if (def) {
        edits.insert(def.end, `, { ${specs.join(", ")} }`);
      } else {
        // `import {} from "m"` or a side-effect import `import "m"`
        const brace = source.indexOf("{", target.start);
        if (brace !== -1 && brace < target.source.start) {
          const close = source.indexOf("}", brace);
          edits.replace(brace, close + 1, `{ ${specs.join(", ")} }`);
        } else {
          edits.insert(target.source.start, `{ ${specs.join(", ")} } from `);
        }
      }
      return;
    }
    appendToList(source, named, specs, edits);
    return;
  }
  appendToList(source, target.properties as AnyNode[], specs, edits);
}

/** Appends items after the last element of a `{ a, b }` list, following its single- or multi-line layout. */
function appendToList(source: string, items: AnyNode[], specs: string[], edits: TextEdits): void {
  const last = items[items.length - 1]!;
  const first = items[0]!;
  const open = source.lastIndexOf("{", first.start);
  const multiline = source.slice(open + 1, first.start).includes("\n");
  const close = source.indexOf("}", last.end);
  const between = source.slice(last.end, close);
  const trailingComma = /^\s*,/.test(between);
  if (multiline) {
    const indent = indentAt(source, first.start);
    const at = trailingComma ? last.end + between.indexOf(",") + 1 : last.end;
    const text = (trailingComma ? "" : ",") + specs.map((s) => `\n${indent}${s}`).join(",") + (trailingComma ? "," : "");
    edits.insert(at, text);
  } else {
    edits.insert(last.end, specs.map((s) => `, ${s}`).join(""));
  }
}

function detectQuote(program: AnyNode, source: string): string {
  for (const stmt of program.body as AnyNode[]) {
    if (stmt.type === "ImportDeclaration") return source[stmt.source.start] === "'" ? "'" : '"';
    if (isImportEqualsRequire(stmt)) return source[stmt.moduleReference.expression.start] === "'" ? "'" : '"';
    if (stmt.type === "VariableDeclaration") {
      const init = stmt.declarations[0]?.init as AnyNode | undefined;
      if (requiredModule(init)) return source[init!.arguments[0].start] === "'" ? "'" : '"';
    }
  }
  return '"';
}

function detectSemicolon(program: AnyNode, source: string): string {
  const stmt = (program.body as AnyNode[]).find(
    (s) => s.type === "ImportDeclaration" || isImportEqualsRequire(s) || s.type === "VariableDeclaration" || s.type === "ExpressionStatement",
  );
  if (!stmt) return ";";
  return source[stmt.end - 1] === ";" ? ";" : "";
}

function isRequireStatement(stmt: AnyNode): boolean {
  return stmt.type === "VariableDeclaration" && (stmt.declarations as AnyNode[]).some((d) => requiredModule(d.init) !== undefined);
}

/** Comments a file's header may hold that must stay first: licenses, copyright, pragmas. */
const HEADER_COMMENT = /^\/\*!|@license|@copyright|\bcopyright\b|SPDX-License-Identifier|@ts-(?:no)?check|@jsx|@flow|@format|^\/\*\s*eslint-disable(?!-)|^\/\/\s*eslint-disable(?!-)/i;

/** The comments in `[start, end)` of a region that holds only comments and whitespace. */
function commentsIn(source: string, start: number, end: number): { start: number; end: number; text: string }[] {
  const found: { start: number; end: number; text: string }[] = [];
  let i = start;
  while (i < end) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    let close: number;
    if (source.startsWith("//", i)) {
      close = source.indexOf("\n", i);
      if (close === -1 || close > end) close = end;
    } else if (source.startsWith("/*", i)) {
      close = source.indexOf("*/", i + 2);
      if (close === -1) return found;
      close += 2;
    } else {
      return found;
    }
    found.push({ start: i, end: close, text: source.slice(i, close) });
    i = close;
  }
  return found;
}

/**
 * Inserts a new import/require statement after the last one; in a file without any, after
 * the shebang, the directives (`"use strict"`, `"use client"`) and the header comments
 * (a license or pragma, or any comment run a blank line separates from the code), and
 * before a comment attached to the first statement (its JSDoc stays with it).
 */
export function insertStatement(program: AnyNode, source: string, text: string, style: ModuleStyle, edits: TextEdits): void {
  const body = program.body as AnyNode[];
  const isAnchor = (s: AnyNode) =>
    style === "cjs" ? isRequireStatement(s) : s.type === "ImportDeclaration" || isImportEqualsRequire(s);
  const anchor = [...body].reverse().find(isAnchor);
  if (anchor) {
    edits.insert(anchor.end, `\n${text}`);
    return;
  }
  const directives = (program.directives ?? []) as AnyNode[];
  const lastDirective = directives[directives.length - 1];
  const shebangEnd = source.startsWith("#!") ? (source.indexOf("\n") === -1 ? source.length : source.indexOf("\n")) : undefined;
  let headerEnd: number | undefined = lastDirective ? lastDirective.end : shebangEnd;
  const codeStart = body[0] ? body[0].start : source.length;
  const comments = commentsIn(source, headerEnd ?? 0, codeStart);
  for (let i = 0; i < comments.length; i++) {
    const c = comments[i]!;
    const nextStart = comments[i + 1]?.start ?? codeStart;
    const detached = /\n[ \t]*\n/.test(source.slice(c.end, nextStart)) || nextStart >= source.length;
    // a trailing comment on the directive's own line belongs to the directive
    const sameLine = headerEnd !== undefined && !source.slice(headerEnd, c.start).includes("\n");
    if (detached || sameLine || HEADER_COMMENT.test(c.text)) headerEnd = c.end;
  }
  if (headerEnd === undefined) {
    edits.insertFirst(0, body.length > 0 || comments.length > 0 ? `${text}\n\n` : `${text}\n`);
    return;
  }
  const rest = /^\s*/.exec(source.slice(headerEnd))![0];
  const atEnd = headerEnd + rest.length >= source.length;
  const gap = headerEnd === shebangEnd && !lastDirective ? "\n" : "\n\n";
  edits.replace(headerEnd, headerEnd + rest.length, `${gap}${text}\n${atEnd ? "" : "\n"}`);
}
