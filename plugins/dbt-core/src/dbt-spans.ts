/**
 * What every dbt plugin (dbt-core, dbt-fusion, quality-dbt) records on its
 * spans, in one place: the invocation's attributes, what a finished run says,
 * and what a parsed manifest says. Each plugin still opens the span with its
 * own tracer's helper; these only fill it.
 */
import type { Attributes, Span } from "@opentelemetry/api";
import type { DbtInvocation, DbtRunResult } from "@floe/runtime";
import type { DbtManifest } from "./artifacts.js";
import type { DbtCli } from "./dbt-cli.js";
import { ATTRIBUTES } from "./tracing.js";

/** Span attributes describing an invocation: command, selection, target. */
export function invocationAttributes(command: string, invocation: DbtInvocation, defaultTarget?: string): Attributes {
  const attributes: Attributes = { [ATTRIBUTES.COMMAND]: command };
  if (invocation.select?.length) attributes[ATTRIBUTES.SELECT] = invocation.select.join(" ");
  if (invocation.exclude?.length) attributes["dbt.exclude"] = invocation.exclude.join(" ");
  if (invocation.selector) attributes["dbt.selector"] = invocation.selector;
  const target = invocation.target ?? defaultTarget;
  if (target) attributes[ATTRIBUTES.TARGET] = target;
  return attributes;
}

/** Adds what a finished run tells: node count, success, exit code, dbt version. */
export function recordRunResult(span: Span, result: DbtRunResult): void {
  span.setAttribute(ATTRIBUTES.NODE_COUNT, result.results.length);
  span.setAttribute("dbt.success", result.success);
  if (result.exitCode !== undefined) span.setAttribute("dbt.exit_code", result.exitCode);
  if (result.dbtVersion) span.setAttribute("dbt.version", result.dbtVersion);
  if (result.invocationId) span.setAttribute("dbt.invocation_id", result.invocationId);
}

/** The body of a command span (`dbt.compile`, `dbt.run` ...): runs the command, records its result. */
export async function runRecorded(span: Span, run: () => Promise<DbtRunResult>): Promise<DbtRunResult> {
  const result = await run();
  recordRunResult(span, result);
  return result;
}

/** The body of a `dbt.parseManifest` span: reads the manifest, records its node count and schema version. */
export async function parseManifestRecorded(span: Span, cli: DbtCli, path?: string): Promise<DbtManifest> {
  const manifest = await cli.parseManifest(path);
  span.setAttribute(ATTRIBUTES.NODE_COUNT, Object.keys(manifest.nodes).length);
  span.setAttribute("dbt.manifest_schema_version", manifest.schemaVersion);
  return manifest;
}
