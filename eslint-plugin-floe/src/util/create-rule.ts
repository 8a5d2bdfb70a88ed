/**
 * The one `RuleCreator` every floe rule is built with, so docs URLs and the
 * extra docs fields the README table is generated from stay uniform.
 */
import { ESLintUtils, type TSESLint } from "@typescript-eslint/utils";

/** Extra `meta.docs` fields floe rules declare (read by the README table generator). */
export interface FloeRuleDocs {
  /** Severity in `configs.recommended`; every rule is "error" in `configs.strict`. */
  recommended: "error" | "warn";
  /** Whether the rule needs type information (`parserServices`) to run at all. */
  requiresTypeChecking?: boolean;
  /** Whether the rule becomes stricter (span receivers confirmed) when type information is present. */
  usesTypeInformation?: boolean;
}

export const DOCS_BASE_URL = "https://github.com/floe-dev/floe-instrumentation-toolkit/blob/main/eslint-plugin-floe/docs/rules";

export const createRule = ESLintUtils.RuleCreator<FloeRuleDocs>((name) => `${DOCS_BASE_URL}/${name}.md`);

/** The context type the shared util/ helpers accept: any floe rule's context, whatever its messages and options. */
export type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
