/**
 * Type information when the file has it, undefined otherwise. Unlike
 * `ESLintUtils.getParserServices(context, true)`, this never throws for
 * parsers other than typescript-eslint's (plain JS files under espree), so
 * every rule degrades to its syntactic behaviour.
 */
import type { ParserServicesWithTypeInformation, TSESLint } from "@typescript-eslint/utils";

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export function typeServices(context: AnyContext): ParserServicesWithTypeInformation | undefined {
  const services = context.sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
  if (!services?.program || !services.esTreeNodeToTSNodeMap || typeof services.getTypeAtLocation !== "function") return undefined;
  return services as ParserServicesWithTypeInformation;
}
