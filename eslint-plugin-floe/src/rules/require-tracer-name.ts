/**
 * `floe/require-tracer-name`: every instrumented plugin class declares the
 * tracer it traces with, so the audit, the registry and tracing backends can
 * attribute its spans. Telemetry backends are exempt (they are never
 * instrumented). The suggestion derives the conventional name from the
 * nearest package.json and the plugin type.
 */
import { TRACER_NAME_CODEMOD, deriveTracerName, isInstrumentedType } from "@floe/runtime/conventions";
import type { TSESTree } from "@typescript-eslint/utils";
import { isInAmbientContext, isTypeScriptFile } from "../util/ast.js";
import { createRule } from "../util/create-rule.js";
import { mentionsAny } from "../util/text-prefilter.js";
import { packageNameOfFile } from "../util/package-json.js";
import { analyzePluginClass, classReportNode } from "../util/plugin-class.js";

export const RULE_NAME = "require-tracer-name";

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

export default createRule<[], "missingTracerName" | "addTracerName">({
  name: RULE_NAME,
  meta: {
    type: "problem",
    docs: {
      description: "Require floe plugin classes (except telemetry backends) to declare `tracerName`",
      recommended: "error",
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      missingTracerName:
        `Plugin class {{name}} does not declare \`tracerName\`; its spans cannot be attributed (run \`${TRACER_NAME_CODEMOD}\` or add the getter).`,
      addTracerName: 'Add `get tracerName()` returning "{{tracerName}}".',
    },
  },
  defaultOptions: [],
  create(context) {
    if (!mentionsAny(context, ["extends"])) return {};
    const sourceCode = context.sourceCode;
    const typescript = isTypeScriptFile(context.filename);

    function check(node: ClassNode): void {
      // Ambient classes (`declare class`, declaration files, `declare module`) have no implementation to fix.
      if (node.abstract || node.declare || isInAmbientContext(node, context.filename)) return;
      const info = analyzePluginClass(context, node);
      if (!info || info.tracerMember || info.inheritsTracerName) return;
      if (info.pluginType && !isInstrumentedType(info.pluginType)) return;
      const name = node.id ? `\`${node.id.name}\`` : "(anonymous)";
      const packageName = packageNameOfFile(context.filename);
      const tracerName = info.pluginType && packageName ? deriveTracerName(info.pluginType, packageName) : undefined;
      context.report({
        node: classReportNode(node),
        messageId: "missingTracerName",
        data: { name },
        suggest: tracerName
          ? [
              {
                messageId: "addTracerName",
                data: { tracerName },
                fix: (fixer) => {
                  const openBrace = sourceCode.getFirstToken(node.body)!;
                  const indent = memberIndent(node);
                  const signature = typescript ? "override get tracerName(): string" : "get tracerName()";
                  const getter = `\n${indent}${signature} {\n${indent}  return ${JSON.stringify(tracerName)};\n${indent}}\n`;
                  return fixer.insertTextAfter(openBrace, node.body.body.length > 0 ? getter : `${getter}${classIndent(node)}`);
                },
              },
            ]
          : [],
      });
    }

    function classIndent(node: ClassNode): string {
      const line = sourceCode.lines[node.loc.start.line - 1] ?? "";
      return /^\s*/.exec(line)![0];
    }

    function memberIndent(node: ClassNode): string {
      const first = node.body.body[0];
      if (first && first.loc.start.line !== node.body.loc.start.line) {
        const line = sourceCode.lines[first.loc.start.line - 1] ?? "";
        return /^\s*/.exec(line)![0];
      }
      return `${classIndent(node)}  `;
    }

    return { ClassDeclaration: check, ClassExpression: check };
  },
});
