/**
 * rename-operation-name: the legacy `traced({ operationName: "x" })` option is
 * `name` in `@floe/runtime` (calls, `traced(opts)(fn)` wrappers and
 * `@traced(...)` decorators, aliases and namespace imports included), and the
 * legacy `@floe/iceberg/telemetry` import of `traced` moves to `@floe/runtime`,
 * merged into an existing runtime import when there is one.
 */
import { LEGACY_TRACED_MODULE, RUNTIME_MODULE } from "@floe/runtime/conventions";
import type { FileInfo, FileTransform, Parser, TransformResult } from "../core/types.js";
import { parseSource } from "../core/parsers.js";
import { j, propertyKeyName, unwrapTs, type AnyNode } from "./shared/ast.js";
import { ImportPlan } from "./shared/import-plan.js";
import { moduleBindings, refersToExport, requiredModule } from "./shared/module-bindings.js";
import { TextEdits } from "./shared/text-edits.js";

const TRACED = "traced";
const LEGACY_OPTION = "operationName";

/** `{ operationName: x }` -> `{ name: x }` in the options object of a traced call. */
function renameOption(options: AnyNode, source: string, edits: TextEdits): void {
  const props = options.properties as AnyNode[];
  const legacy = props.find((p) => propertyKeyName(p) === LEGACY_OPTION);
  if (!legacy) return;
  if (props.some((p) => propertyKeyName(p) === "name")) return; // both given: ambiguous, leave for a human
  const key = legacy.key as AnyNode;
  if (legacy.shorthand) {
    edits.replace(legacy.start, legacy.end, `name: ${source.slice(key.start, key.end)}`);
  } else if (key.type === "StringLiteral") {
    const quote = source[key.start];
    edits.replace(key.start, key.end, `${quote}name${quote}`);
  } else {
    edits.replace(key.start, key.end, "name");
  }
}

/** Removes one specifier from `{ a, b, c }`, with its separating comma. */
function removeListItem(items: AnyNode[], index: number, edits: TextEdits): void {
  const item = items[index]!;
  if (index < items.length - 1) edits.remove(item.start, items[index + 1]!.start);
  else edits.remove(items[index - 1]!.end, item.end);
}

/** Removes a whole statement and the line break after it. */
function removeStatement(stmt: AnyNode, source: string, edits: TextEdits): void {
  const end = source[stmt.end] === "\n" ? stmt.end + 1 : source.startsWith("\r\n", stmt.end) ? stmt.end + 2 : stmt.end;
  edits.remove(stmt.start, end);
}

function quoteOf(source: string, literal: AnyNode): string {
  return source[literal.start] === "'" ? "'" : '"';
}

interface LegacyImport {
  readonly stmt: AnyNode;
  /** specifier nodes bringing in `traced` */
  readonly traced: AnyNode[];
  /** all specifier nodes (import specifiers or pattern properties) */
  readonly items: AnyNode[];
  /** node of the module string literal */
  readonly sourceLiteral: AnyNode;
  readonly kind: "import" | "require" | "export";
}

function specifierExported(spec: AnyNode): string | undefined {
  if (spec.type === "ImportSpecifier" || spec.type === "ExportSpecifier") {
    const name = spec.type === "ImportSpecifier" ? spec.imported : spec.local;
    return name.type === "StringLiteral" ? name.value : name.name;
  }
  if (spec.type === "ObjectProperty" || spec.type === "Property") return propertyKeyName(spec);
  return undefined;
}

function specifierLocal(spec: AnyNode): string | undefined {
  if (spec.type === "ImportSpecifier") return spec.local.name;
  if (spec.type === "ExportSpecifier") return spec.exported.type === "StringLiteral" ? spec.exported.value : spec.exported.name;
  if ((spec.type === "ObjectProperty" || spec.type === "Property") && spec.value.type === "Identifier") return spec.value.name;
  return undefined;
}

function legacyImports(program: AnyNode): LegacyImport[] {
  const found: LegacyImport[] = [];
  for (const stmt of program.body as AnyNode[]) {
    if (stmt.type === "ImportDeclaration" && stmt.source.value === LEGACY_TRACED_MODULE && stmt.importKind !== "type") {
      const items = stmt.specifiers as AnyNode[];
      found.push({ stmt, items, traced: items.filter((s) => specifierExported(s) === TRACED && s.importKind !== "type"), sourceLiteral: stmt.source, kind: "import" });
    } else if (stmt.type === "ExportNamedDeclaration" && stmt.source?.value === LEGACY_TRACED_MODULE && stmt.exportKind !== "type") {
      const items = stmt.specifiers as AnyNode[];
      found.push({ stmt, items, traced: items.filter((s) => specifierExported(s) === TRACED), sourceLiteral: stmt.source, kind: "export" });
    } else if (stmt.type === "VariableDeclaration" && stmt.declarations.length === 1) {
      const decl = stmt.declarations[0] as AnyNode;
      if (requiredModule(decl.init) === LEGACY_TRACED_MODULE && decl.id.type === "ObjectPattern") {
        const items = decl.id.properties as AnyNode[];
        found.push({ stmt, items, traced: items.filter((s) => specifierExported(s) === TRACED), sourceLiteral: decl.init.arguments[0], kind: "require" });
      }
    }
  }
  return found;
}

/** Whether every use of a namespace binding is `ns.traced`, so the namespace can point at the runtime. */
function namespaceOnlyUsesTraced(ast: AnyNode, local: string, declaration: AnyNode): boolean {
  let ok = true;
  j(ast as any)
    .find(j.Identifier, { name: local })
    .forEach((p: any) => {
      const parent = p.parent?.node as AnyNode;
      if (!parent || parent === declaration) return;
      if (parent.type === "ImportNamespaceSpecifier" || parent.type === "ImportDefaultSpecifier" || parent.type === "VariableDeclarator") return;
      if ((parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") && parent.object === p.node) {
        if (!parent.computed && parent.property.name === TRACED) return;
      }
      if ((parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") && parent.property === p.node && !parent.computed) return;
      if ((parent.type === "ObjectProperty" || parent.type === "Property") && parent.key === p.node && !parent.shorthand) return;
      ok = false;
    });
  return ok;
}

function migrateImports(ast: AnyNode, file: FileInfo, edits: TextEdits): void {
  const program = ast.program;
  const source = file.source;
  for (const legacy of legacyImports(program)) {
    const nsSpec = legacy.kind === "import" ? legacy.items.find((s) => s.type === "ImportNamespaceSpecifier") : undefined;
    if (nsSpec) {
      if (legacy.items.length === 1 && namespaceOnlyUsesTraced(ast, nsSpec.local.name, nsSpec)) {
        const q = quoteOf(source, legacy.sourceLiteral);
        edits.replace(legacy.sourceLiteral.start, legacy.sourceLiteral.end, `${q}${RUNTIME_MODULE}${q}`);
      }
      continue;
    }
    if (legacy.traced.length === 0) continue;
    const onlyTraced = legacy.traced.length === legacy.items.length;
    if (legacy.kind === "export") {
      if (onlyTraced) {
        const q = quoteOf(source, legacy.sourceLiteral);
        edits.replace(legacy.sourceLiteral.start, legacy.sourceLiteral.end, `${q}${RUNTIME_MODULE}${q}`);
      }
      continue;
    }
    const plan = new ImportPlan(program, source, RUNTIME_MODULE, legacy.kind === "require" ? "cjs" : "esm", new Set());
    if (onlyTraced && !plan.hasMergeTarget) {
      // the whole statement only brings `traced`: point it at the runtime
      const q = quoteOf(source, legacy.sourceLiteral);
      edits.replace(legacy.sourceLiteral.start, legacy.sourceLiteral.end, `${q}${RUNTIME_MODULE}${q}`);
      continue;
    }
    for (const spec of legacy.traced) plan.addSpecifier({ exported: TRACED, local: specifierLocal(spec) ?? TRACED });
    if (onlyTraced) {
      removeStatement(legacy.stmt, source, edits);
    } else {
      const indexes = legacy.traced.map((s) => legacy.items.indexOf(s)).sort((a, b) => b - a);
      for (const index of indexes) removeListItem(legacy.items, index, edits);
    }
    plan.commit(edits);
  }
}

export function renameOperationNameSource(file: FileInfo, parser: Parser): TransformResult | undefined {
  const ast = parseSource(file.source, parser);
  const bindings = moduleBindings(ast.program, [RUNTIME_MODULE, LEGACY_TRACED_MODULE]);
  const edits = new TextEdits(file.source);
  if (file.source.includes(LEGACY_OPTION) && (bindings.named.has(TRACED) || bindings.namespaces.size > 0)) {
    j(ast as any)
      .find(j.CallExpression)
      .forEach((p: any) => {
        const call = p.node as AnyNode;
        if (!refersToExport(unwrapTs(call.callee), p, bindings, TRACED)) return;
        const options = call.arguments[0] ? unwrapTs(call.arguments[0]) : undefined;
        if (options?.type === "ObjectExpression") renameOption(options, file.source, edits);
      });
  }
  migrateImports(ast, file, edits);
  return edits.size === 0 ? undefined : edits.result();
}

export const renameOperationName: FileTransform = {
  kind: "file",
  name: "rename-operation-name",
  prefilter: (source) => source.includes(LEGACY_OPTION) || source.includes(LEGACY_TRACED_MODULE),
  prefilterTokens: [LEGACY_OPTION, LEGACY_TRACED_MODULE],
  transform: (file, parser) => renameOperationNameSource(file, parser),
};
