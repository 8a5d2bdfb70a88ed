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

export type ModuleStyle = "esm" | "cjs";

export interface PlannedSpecifier {
  readonly exported: string;
  readonly local: string;
}

export class ImportPlan {
  private readonly bindings: ModuleBindings;
  private readonly pending: PlannedSpecifier[] = [];

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
    if (stmt.type === "VariableDeclaration") {
      const init = stmt.declarations[0]?.init as AnyNode | undefined;
      if (requiredModule(init)) return source[init!.arguments[0].start] === "'" ? "'" : '"';
    }
  }
  return '"';
}

function detectSemicolon(program: AnyNode, source: string): string {
  const stmt = (program.body as AnyNode[]).find((s) => s.type === "ImportDeclaration" || s.type === "VariableDeclaration" || s.type === "ExpressionStatement");
  if (!stmt) return ";";
  return source[stmt.end - 1] === ";" ? ";" : "";
}

function isRequireStatement(stmt: AnyNode): boolean {
  return stmt.type === "VariableDeclaration" && (stmt.declarations as AnyNode[]).some((d) => requiredModule(d.init) !== undefined);
}

/** Inserts a new import/require statement after the last one, or at the top (after directives and a detached header comment). */
export function insertStatement(program: AnyNode, source: string, text: string, style: ModuleStyle, edits: TextEdits): void {
  const body = program.body as AnyNode[];
  const anchor = [...body].reverse().find((s) => (style === "esm" ? s.type === "ImportDeclaration" : isRequireStatement(s)));
  if (anchor) {
    edits.insert(anchor.end, `\n${text}`);
    return;
  }
  const first = body[0];
  if (!first) {
    const directives = program.directives as AnyNode[] | undefined;
    const lastDirective = directives?.[directives.length - 1];
    if (lastDirective) edits.insertFirst(lastDirective.end, `\n${text}\n`);
    else edits.insertFirst(source.startsWith("#!") ? source.indexOf("\n") + 1 : 0, `${text}\n`);
    return;
  }
  let at = first.start;
  const comments = (first.leadingComments ?? []) as AnyNode[];
  for (let i = comments.length - 1; i >= 0; i--) {
    const c = comments[i]!;
    const gap = source.slice(c.end, at);
    if (/\n[ \t]*\n/.test(gap)) break; // a blank line: the comment above is a detached header
    at = c.start;
  }
  const afterDirective = (program.directives as AnyNode[] | undefined)?.length ? true : false;
  const prefix = afterDirective && !/\n\s*\n\s*$/.test(source.slice(0, at)) ? "\n" : "";
  edits.insertFirst(at, `${prefix}${text}\n\n`);
}
