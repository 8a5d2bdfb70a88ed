/**
 * Makes a `@floe/runtime` helper (`recordSanitizedException`,
 * `sanitizeErrorMessage`, `traced`) callable at a given node, the way a careful
 * person would edit the file:
 *
 * 1. reuse a value import of the helper that is visible there (alias included);
 * 2. use a namespace import: `rt.recordSanitizedException`;
 * 3. merge into an existing value import of `@floe/runtime` (never into `import type`);
 * 4. otherwise add `import { helper } from "@floe/runtime"` after the last import.
 *
 * A new local name never captures another reference: when the helper's name is
 * taken (a local declaration, a shadowing binding at the node, an unresolved
 * global use), the import is aliased.
 */
import { RUNTIME_MODULE } from "@floe/runtime/conventions";
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { specifierExportName } from "./ast.js";
import { exportsRuntimeHelpers } from "./modules.js";
import type { AnyContext } from "./create-rule.js";

export interface HelperReference {
  /** Expression text that calls the helper at the node, e.g. `recordSanitizedException` or `rt.recordSanitizedException`. */
  readonly text: string;
  /** Edit that adds or extends an import, when one is needed. */
  readonly importFix?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
}

/** Whether `name` at `node` refers to exactly `declaredBy` (not shadowed). */
function visibleAs(context: AnyContext, node: TSESTree.Node, name: string, declaredBy: TSESTree.Node): boolean {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), name);
  return variable?.defs.length === 1 && variable.defs[0]!.node === declaredBy;
}

function isNameTaken(context: AnyContext, node: TSESTree.Node, name: string): boolean {
  if (ASTUtils.findVariable(context.sourceCode.getScope(node), name)) return true;
  const moduleScope = context.sourceCode.scopeManager?.globalScope;
  if (!moduleScope) return true;
  if (moduleScope.through.some((ref) => ref.identifier.name === name)) return true;
  // Any declaration of the name in the module (top-level) scope.
  for (const scope of moduleScope.childScopes) {
    if (scope.type === "module" && scope.set.has(name)) return true;
  }
  return moduleScope.set.has(name);
}

function freeLocalName(context: AnyContext, node: TSESTree.Node, helper: string): string {
  if (!isNameTaken(context, node, helper)) return helper;
  const prefixed = `floe${helper[0]!.toUpperCase()}${helper.slice(1)}`;
  if (!isNameTaken(context, node, prefixed)) return prefixed;
  for (let i = 2; ; i++) {
    if (!isNameTaken(context, node, `${prefixed}${i}`)) return `${prefixed}${i}`;
  }
}

/** Returns how to reference `helper` at `node`, or undefined when the file cannot take an import (CommonJS script). */
export function runtimeHelperReference(context: AnyContext, node: TSESTree.Node, helper: string): HelperReference | undefined {
  const program = context.sourceCode.ast;
  const imports = program.body.filter((s): s is TSESTree.ImportDeclaration => s.type === AST_NODE_TYPES.ImportDeclaration);
  const runtimeValueImports = imports.filter(
    (d) => d.importKind !== "type" && exportsRuntimeHelpers(context, d.source.value),
  );

  for (const declaration of runtimeValueImports) {
    for (const spec of declaration.specifiers) {
      if (
        spec.type === AST_NODE_TYPES.ImportSpecifier &&
        spec.importKind !== "type" &&
        specifierExportName(spec) === helper &&
        visibleAs(context, node, spec.local.name, spec)
      ) {
        return { text: spec.local.name };
      }
    }
  }
  for (const declaration of runtimeValueImports) {
    for (const spec of declaration.specifiers) {
      if (spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier && visibleAs(context, node, spec.local.name, spec)) {
        return { text: `${spec.local.name}.${helper}` };
      }
    }
  }
  const sourceType = context.languageOptions?.sourceType ?? program.sourceType;
  if (sourceType !== "module" || program.sourceType !== "module") return undefined;

  const local = freeLocalName(context, node, helper);
  const specifier = local === helper ? helper : `${helper} as ${local}`;

  const mergeTarget = runtimeValueImports.find((d) => d.source.value === RUNTIME_MODULE && canMergeInto(d));
  if (mergeTarget) {
    const named = mergeTarget.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier);
    const last = named[named.length - 1];
    if (last) return { text: local, importFix: (fixer) => fixer.insertTextAfter(last, `, ${specifier}`) };
    const defaultSpec = mergeTarget.specifiers[0]!;
    return { text: local, importFix: (fixer) => fixer.insertTextAfter(defaultSpec, `, { ${specifier} }`) };
  }

  const style = importStyle(context, imports);
  const statement = `import { ${specifier} } from ${style.quote}${RUNTIME_MODULE}${style.quote}${style.semicolon}`;
  const lastImport = imports[imports.length - 1];
  if (lastImport) return { text: local, importFix: (fixer) => fixer.insertTextAfter(lastImport, `\n${statement}`) };
  const firstStatement = program.body.find((s) => !(s.type === AST_NODE_TYPES.ExpressionStatement && s.directive));
  if (firstStatement) {
    return { text: local, importFix: (fixer) => fixer.insertTextBefore(firstStatement, `${statement}\n`) };
  }
  const lastDirective = program.body[program.body.length - 1];
  if (lastDirective) return { text: local, importFix: (fixer) => fixer.insertTextAfter(lastDirective, `\n${statement}`) };
  return { text: local, importFix: (fixer) => fixer.insertTextBeforeRange([0, 0], `${statement}\n`) };
}

/** A value import with named specifiers, or a lone default import; not `import "x"` nor a namespace import. */
function canMergeInto(declaration: TSESTree.ImportDeclaration): boolean {
  const specs = declaration.specifiers;
  if (specs.length === 0) return false;
  if (specs.some((s) => s.type === AST_NODE_TYPES.ImportNamespaceSpecifier)) return false;
  return true;
}

function importStyle(context: AnyContext, imports: readonly TSESTree.ImportDeclaration[]): { quote: string; semicolon: string } {
  const sample = imports[0];
  if (!sample) return { quote: '"', semicolon: ";" };
  const quote = sample.source.raw.startsWith("'") ? "'" : '"';
  const lastToken = context.sourceCode.getLastToken(sample);
  return { quote, semicolon: lastToken?.value === ";" ? ";" : "" };
}
