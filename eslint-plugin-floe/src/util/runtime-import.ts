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
 * JavaScript CommonJS files (`.cjs`, `sourceType: "commonjs"`, scripts that already
 * `require`) get the same in CommonJS: reuse `const { helper } = require(...)` or
 * `const rt = require(...)`, add to an existing destructured `require` of `@floe/runtime`,
 * otherwise add `const { helper } = require("@floe/runtime");` after the last top-level
 * `require`. Never an ESM `import` in a CommonJS file.
 *
 * A new local name never captures another reference: when the helper's name is
 * taken (a local declaration, a shadowing binding at the node, an unresolved
 * global use), the import is aliased.
 */
import { RUNTIME_MODULE } from "@floe/runtime/conventions";
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { specifierExportName, staticKeyName } from "./ast.js";
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
  // The module scope, or the function scope a CommonJS file is wrapped in.
  for (const scope of moduleScope.childScopes) {
    if ((scope.type === "module" || scope.block.type === AST_NODE_TYPES.Program) && scope.set.has(name)) return true;
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
  if (imports.length === 0 && isCommonJs(context, sourceType)) return commonJsHelperReference(context, node, helper);
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
  return { text: local, importFix: insertAtTop(context, statement) };
}

/** Inserts a statement before the first statement that is not a directive (`"use strict"` stays first). */
function insertAtTop(context: AnyContext, statement: string): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix {
  const body = context.sourceCode.ast.body;
  const firstStatement = body.find((s) => !(s.type === AST_NODE_TYPES.ExpressionStatement && s.directive));
  if (firstStatement) return (fixer) => fixer.insertTextBefore(firstStatement, `${statement}\n`);
  const lastDirective = body[body.length - 1];
  if (lastDirective) return (fixer) => fixer.insertTextAfter(lastDirective, `\n${statement}`);
  return (fixer) => fixer.insertTextBeforeRange([0, 0], `${statement}\n`);
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

/** `require("<specifier>")` with the global `require` (not a local function of that name). */
function requiredSource(context: AnyContext, node: TSESTree.Node | null | undefined): string | undefined {
  if (node?.type !== AST_NODE_TYPES.CallExpression || node.optional) return undefined;
  const { callee, arguments: args } = node;
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== "require" || args.length !== 1) return undefined;
  const arg = args[0]!;
  if (arg.type !== AST_NODE_TYPES.Literal || typeof arg.value !== "string") return undefined;
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), callee);
  return variable && variable.defs.length > 0 ? undefined : arg.value;
}

interface TopLevelRequire {
  readonly statement: TSESTree.VariableDeclaration;
  readonly declarator: TSESTree.VariableDeclarator;
  readonly source: string;
  readonly call: TSESTree.CallExpression;
}

/** `const x = require("...")` / `const { a } = require("...")` statements at the top of the file. */
function topLevelRequires(context: AnyContext): TopLevelRequire[] {
  const found: TopLevelRequire[] = [];
  for (const statement of context.sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const source = requiredSource(context, declarator.init);
      if (source !== undefined) found.push({ statement, declarator, source, call: declarator.init as TSESTree.CallExpression });
    }
  }
  return found;
}

/** A JavaScript file in CommonJS (TypeScript files, `.cts` included, take `import` syntax). */
function isCommonJs(context: AnyContext, sourceType: string): boolean {
  if (/\.(?:[cm]?ts|tsx)$/.test(context.filename)) return false;
  if (sourceType === "commonjs" || context.filename.endsWith(".cjs")) return true;
  return sourceType === "script" && topLevelRequires(context).length > 0;
}

function commonJsHelperReference(context: AnyContext, node: TSESTree.Node, helper: string): HelperReference {
  const requires = topLevelRequires(context).filter((r) => exportsRuntimeHelpers(context, r.source));
  for (const { declarator } of requires) {
    if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
    for (const property of declarator.id.properties) {
      if (property.type !== AST_NODE_TYPES.Property || staticKeyName(property) !== helper) continue;
      const value = property.value;
      if (value.type === AST_NODE_TYPES.Identifier && visibleAs(context, node, value.name, declarator)) return { text: value.name };
    }
  }
  for (const { declarator } of requires) {
    if (declarator.id.type === AST_NODE_TYPES.Identifier && visibleAs(context, node, declarator.id.name, declarator)) {
      return { text: `${declarator.id.name}.${helper}` };
    }
  }

  const local = freeLocalName(context, node, helper);
  const property = local === helper ? helper : `${helper}: ${local}`;
  const mergeTarget = requires.find(
    (r) => r.source === RUNTIME_MODULE && r.declarator.id.type === AST_NODE_TYPES.ObjectPattern && r.declarator.id.properties.length > 0,
  );
  const lastProperty = mergeTarget && (mergeTarget.declarator.id as TSESTree.ObjectPattern).properties.at(-1);
  if (lastProperty && lastProperty.type === AST_NODE_TYPES.Property) {
    return { text: local, importFix: (fixer) => fixer.insertTextAfter(lastProperty, `, ${property}`) };
  }

  const all = topLevelRequires(context);
  const style = requireStyle(context, all[0]);
  const statement = `const { ${property} } = require(${style.quote}${RUNTIME_MODULE}${style.quote})${style.semicolon}`;
  const last = all.at(-1)?.statement;
  if (last) return { text: local, importFix: (fixer) => fixer.insertTextAfter(last, `\n${statement}`) };
  return { text: local, importFix: insertAtTop(context, statement) };
}

function requireStyle(context: AnyContext, sample: TopLevelRequire | undefined): { quote: string; semicolon: string } {
  if (!sample) return { quote: '"', semicolon: ";" };
  const literal = sample.call.arguments[0] as TSESTree.StringLiteral;
  const lastToken = context.sourceCode.getLastToken(sample.statement);
  return { quote: literal.raw.startsWith("'") ? "'" : '"', semicolon: lastToken?.value === ";" ? ";" : "" };
}
