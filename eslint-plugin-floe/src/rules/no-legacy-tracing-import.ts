/**
 * `floe/no-legacy-tracing-import`: `traced` imported (or re-exported) from the legacy
 * `@floe/iceberg/telemetry`. The unified `traced` of `@floe/runtime` replaces it; the fix
 * moves the specifier (merging into an existing `@floe/runtime` import) and keeps the
 * module's other specifiers where they are. The legacy option `operationName` is
 * `floe/no-operation-name`'s business.
 */
import { LEGACY_TRACED_MODULE, RUNTIME_MODULE } from "@floe/runtime/conventions";
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { specifierExportName, staticKeyName } from "../util/ast.js";
import { resolveBinding } from "../util/bindings.js";
import { createRule } from "../util/create-rule.js";
import { mentionsAny } from "../util/text-prefilter.js";

export const RULE_NAME = "no-legacy-tracing-import";

export default createRule<[], "legacyImport">({
  name: RULE_NAME,
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow importing `traced` from the legacy `@floe/iceberg/telemetry`; import it from `@floe/runtime`",
      recommended: "error",
    },
    fixable: "code",
    schema: [],
    messages: {
      legacyImport: "`traced` from {{source}} is the legacy implementation; import it from {{runtime}}.",
    },
  },
  defaultOptions: [],
  create(context) {
    if (!mentionsAny(context, ["@floe/iceberg"])) return {};
    const sourceCode = context.sourceCode;

    function runtimeImportToMergeInto(): TSESTree.ImportDeclaration | undefined {
      return sourceCode.ast.body.find(
        (s): s is TSESTree.ImportDeclaration =>
          s.type === AST_NODE_TYPES.ImportDeclaration &&
          s.source.value === RUNTIME_MODULE &&
          s.importKind !== "type" &&
          s.specifiers.some((x) => x.type === AST_NODE_TYPES.ImportSpecifier),
      );
    }

    function sourceWithSameQuotes(literal: TSESTree.StringLiteral): string {
      const quote = literal.raw.startsWith("'") ? "'" : '"';
      return `${quote}${RUNTIME_MODULE}${quote}`;
    }

    function checkLegacyImport(node: TSESTree.ImportDeclaration): void {
      const tracedSpecs = node.specifiers.filter(
        (s): s is TSESTree.ImportSpecifier => s.type === AST_NODE_TYPES.ImportSpecifier && specifierExportName(s) === "traced",
      );
      const data = { source: LEGACY_TRACED_MODULE, runtime: RUNTIME_MODULE };
      for (const spec of tracedSpecs) {
        context.report({ node: spec, messageId: "legacyImport", data, fix: (fixer) => moveSpecifier(fixer, node, spec) });
      }
      const namespace = node.specifiers.find((s) => s.type === AST_NODE_TYPES.ImportNamespaceSpecifier);
      if (namespace) {
        const usesTraced = sourceCode.getDeclaredVariables(namespace)[0]?.references.some((ref) => {
          const parent = ref.identifier.parent;
          return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === ref.identifier && resolveBinding(context, parent)?.name === "traced";
        });
        if (usesTraced) context.report({ node: namespace, messageId: "legacyImport", data });
      }
    }

    function moveSpecifier(
      fixer: TSESLint.RuleFixer,
      declaration: TSESTree.ImportDeclaration,
      spec: TSESTree.ImportSpecifier,
    ): TSESLint.RuleFix | TSESLint.RuleFix[] | null {
      if (declaration.importKind === "type" || spec.importKind === "type") return null;
      const target = runtimeImportToMergeInto();
      const specText = sourceCode.getText(spec);
      const onlySpecifier = declaration.specifiers.length === 1;
      if (!target) {
        if (onlySpecifier) return fixer.replaceText(declaration.source, sourceWithSameQuotes(declaration.source));
        const statement = `\nimport { ${specText} } from ${sourceWithSameQuotes(declaration.source)};`;
        return [removeSpecifier(fixer, declaration, spec), fixer.insertTextAfter(declaration, statement)];
      }
      const lastNamed = target.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier).pop()!;
      if (sourceCode.getCommentsInside(declaration).length > 0 && onlySpecifier) return null;
      const removal = onlySpecifier ? removeStatement(fixer, declaration) : removeSpecifier(fixer, declaration, spec);
      return [removal, fixer.insertTextAfter(lastNamed, `, ${specText}`)];
    }

    function removeStatement(fixer: TSESLint.RuleFixer, declaration: TSESTree.ImportDeclaration): TSESLint.RuleFix {
      const next = sourceCode.text.slice(declaration.range[1]).match(/^[ \t]*\r?\n/);
      return fixer.removeRange([declaration.range[0], declaration.range[1] + (next ? next[0].length : 0)]);
    }

    /** Removes `spec` and one adjacent comma from a named import list. */
    function removeSpecifier(
      fixer: TSESLint.RuleFixer,
      declaration: TSESTree.ImportDeclaration,
      spec: TSESTree.ImportSpecifier,
    ): TSESLint.RuleFix {
      const named = declaration.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier);
      if (named.length === 1) {
        // `import d, { traced } from ...` -> `import d from ...`
        const open = sourceCode.getTokenBefore(spec, (t) => t.value === "{")!;
        const close = sourceCode.getTokenAfter(spec, (t) => t.value === "}")!;
        const comma = sourceCode.getTokenBefore(open)!;
        return fixer.removeRange([comma.range[0], close.range[1]]);
      }
      const after = sourceCode.getTokenAfter(spec)!;
      if (after.value === ",") return fixer.removeRange([spec.range[0], sourceCode.getTokenAfter(after, { includeComments: true })!.range[0]]);
      const before = sourceCode.getTokenBefore(spec)!;
      return fixer.removeRange([before.range[0], spec.range[1]]);
    }

    function checkLegacyReExport(node: TSESTree.ExportNamedDeclaration): void {
      if (node.source?.value !== LEGACY_TRACED_MODULE) return;
      const source = node.source;
      for (const spec of node.specifiers) {
        if (specifierExportName(spec) !== "traced") continue;
        context.report({
          node: spec,
          messageId: "legacyImport",
          data: { source: LEGACY_TRACED_MODULE, runtime: RUNTIME_MODULE },
          fix: node.specifiers.length === 1 ? (fixer) => fixer.replaceText(source, sourceWithSameQuotes(source)) : null,
        });
      }
    }

    /** `const { traced } = require("@floe/iceberg/telemetry")` in CommonJS; fixed when `traced` is all it takes. */
    function checkLegacyRequire(node: TSESTree.VariableDeclarator): void {
      if (node.id.type !== AST_NODE_TYPES.ObjectPattern || resolveBinding(context, node.init!)?.kind !== "legacy-traced") return;
      const call = node.init as TSESTree.CallExpression;
      const source = call.arguments[0] as TSESTree.StringLiteral;
      const properties = node.id.properties;
      for (const property of properties) {
        if (property.type !== AST_NODE_TYPES.Property || staticKeyName(property) !== "traced") continue;
        context.report({
          node: property,
          messageId: "legacyImport",
          data: { source: LEGACY_TRACED_MODULE, runtime: RUNTIME_MODULE },
          fix: properties.length === 1 ? (fixer) => fixer.replaceText(source, sourceWithSameQuotes(source)) : null,
        });
      }
    }

    return {
      VariableDeclarator(node) {
        if (node.init?.type === AST_NODE_TYPES.CallExpression) checkLegacyRequire(node);
      },
      ImportDeclaration(node) {
        if (node.source.value === LEGACY_TRACED_MODULE) checkLegacyImport(node);
      },
      ExportNamedDeclaration: checkLegacyReExport,
    };
  },
});
