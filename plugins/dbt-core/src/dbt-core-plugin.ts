/**
 * `DbtCorePlugin`: floe's DBT plugin for dbt-core. Each contract operation
 * runs the `dbt` CLI through DbtCli inside a `dbt.*` span that records the
 * command and selection (never the profile, env or vars).
 */
import type { Attributes, Span } from "@opentelemetry/api";
import { DbtPlugin, type DbtCommand, type DbtInvocation, type DbtRunResult } from "@floe/runtime";
import type { DbtManifest } from "./artifacts.js";
import { parseDbtCliConfig, type DbtCliConfig } from "./config.js";
import { DbtCli } from "./dbt-cli.js";
import { ATTRIBUTES, dbtSpan, TRACER_NAME } from "./tracing.js";

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

export class DbtCorePlugin extends DbtPlugin<DbtManifest> {
  readonly cli: DbtCli;

  constructor(config: DbtCliConfig) {
    super();
    this.cli = new DbtCli(parseDbtCliConfig(config));
  }

  override get name(): string {
    return "dbt-core";
  }

  override get version(): string {
    return "0.1.0";
  }

  override get tracerName(): string {
    return TRACER_NAME;
  }

  private get floeContext() {
    return this.cli.config.floe;
  }

  compile(invocation: DbtInvocation = {}): Promise<DbtRunResult> {
    return this.runCommand("compile", invocation);
  }

  run(invocation: DbtInvocation = {}): Promise<DbtRunResult> {
    return this.runCommand("run", invocation);
  }

  test(invocation: DbtInvocation = {}): Promise<DbtRunResult> {
    return this.runCommand("test", invocation);
  }

  build(invocation: DbtInvocation = {}): Promise<DbtRunResult> {
    return this.runCommand("build", invocation);
  }

  /** Reads `manifest.json` (default: the project's target directory). */
  parseManifest(path?: string): Promise<DbtManifest> {
    return dbtSpan(
      "parseManifest",
      {},
      async (span) => {
        const manifest = await this.cli.parseManifest(path);
        span.setAttribute(ATTRIBUTES.NODE_COUNT, Object.keys(manifest.nodes).length);
        span.setAttribute("dbt.manifest_schema_version", manifest.schemaVersion);
        return manifest;
      },
      { floe: this.floeContext },
    );
  }

  private runCommand(command: DbtCommand, invocation: DbtInvocation): Promise<DbtRunResult> {
    return dbtSpan(
      command,
      invocationAttributes(command, invocation, this.cli.config.target),
      async (span) => {
        const { result } = await this.cli.invoke(command, invocation);
        recordRunResult(span, result);
        return result;
      },
      { floe: this.floeContext },
    );
  }
}
