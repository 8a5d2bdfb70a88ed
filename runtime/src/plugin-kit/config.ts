/**
 * Configuration validation shared by every plugin: any schema with zod's
 * `safeParse` contract, errors that list each failing path and what was
 * expected, never the received value (which may be a secret).
 */
import { FloePluginError } from "./errors.js";

export interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** The part of a zod (or compatible) schema `parseConfig` uses. */
export interface SafeParseSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly SchemaIssue[] } };
}

/** Says what a failing field expected (e.g. `describeExpectation`); default: the issue's own message. */
export type IssueDescriber = (issue: SchemaIssue) => string;

export interface ConfigErrorOptions {
  /** Default `CONFIG_INVALID`; a plugin validating several documents may tell them apart. */
  code?: string;
}

export interface ParseConfigOptions extends ConfigErrorOptions {
  describe?: IssueDescriber;
}

export class ConfigError extends FloePluginError {
  override name = "ConfigError";
  readonly issues: readonly string[];

  constructor(plugin: string, issues: readonly string[], options: ConfigErrorOptions = {}) {
    super(`invalid ${plugin} config: ${issues.join("; ")}`, { code: options.code ?? "CONFIG_INVALID" });
    this.issues = issues;
  }
}

/** `path.to.field: message` for each issue (zod messages describe the expectation, not the value). */
export function formatIssues(issues: readonly SchemaIssue[], describe: IssueDescriber = (issue) => issue.message): string[] {
  return issues.map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)"}: ${describe(issue)}`);
}

/** Validates a plugin's configuration or throws ConfigError naming the plugin and the failing paths. */
export function parseConfig<T>(plugin: string, schema: SafeParseSchema<T>, input: unknown, options: ParseConfigOptions = {}): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(plugin, formatIssues(result.error.issues, options.describe), { code: options.code });
}
