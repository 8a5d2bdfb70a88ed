/**
 * Type information when the file has it, undefined otherwise. Unlike
 * `ESLintUtils.getParserServices(context, true)`, this never throws for
 * parsers other than typescript-eslint's (plain JS files under espree), so
 * every rule degrades to its syntactic behaviour.
 */
import type { ParserServicesWithTypeInformation } from "@typescript-eslint/utils";
import type { AnyContext } from "./create-rule.js";

export function typeServices(context: AnyContext): ParserServicesWithTypeInformation | undefined {
  const services = context.sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
  if (!services?.program || !services.esTreeNodeToTSNodeMap || typeof services.getTypeAtLocation !== "function") return undefined;
  return services as ParserServicesWithTypeInformation;
}
