/**
 * Plain-language expectations for schema issues: "expected string",
 * "expected at least 1 item(s)", never what was received (a config value may
 * be a secret). Reads zod's issue fields; a plugin names its own formats
 * (e.g. a regex as "a valid Kubernetes name").
 */
import type { SchemaIssue } from "./config.js";

/** The zod issue fields read here; other schema libraries' issues simply lack them. */
interface DetailedIssue extends SchemaIssue {
  readonly code?: string;
  readonly expected?: unknown;
  readonly origin?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly format?: unknown;
  readonly prefix?: unknown;
  readonly values?: readonly unknown[];
}

/** What a plugin calls an expectation, by format name (`regex`, `url`, `starts_with`) or issue code (`invalid_key`). */
export type ExpectationWording = Readonly<Record<string, string>>;

function unit(origin: unknown): string {
  if (origin === "string") return " characters";
  if (origin === "array" || origin === "set") return " item(s)";
  return "";
}

/** `expected ...` for one issue; custom refinements keep the message their schema gave them. */
export function describeExpectation(issue: SchemaIssue, wording: ExpectationWording = {}): string {
  const detail = issue as DetailedIssue;
  const own = (typeof detail.format === "string" ? wording[detail.format] : undefined) ?? (detail.code ? wording[detail.code] : undefined);
  if (own !== undefined) return `expected ${own}`;
  switch (detail.code) {
    case "invalid_type":
      return `expected ${String(detail.expected)}`;
    case "too_small":
      if (detail.origin === "string" && Number(detail.minimum) === 1) return "expected a non-empty string";
      return `expected at least ${String(detail.minimum)}${unit(detail.origin)}`;
    case "too_big":
      return `expected at most ${String(detail.maximum)}${unit(detail.origin)}`;
    case "invalid_format":
      if (detail.format === "starts_with") return `expected a value starting with ${String(detail.prefix)}`;
      return `expected a valid ${String(detail.format)}`;
    case "invalid_value":
      return `expected one of ${(detail.values ?? []).map((v) => JSON.stringify(v)).join(", ")}`;
    case "custom":
      return issue.message;
    default:
      return "invalid value";
  }
}
