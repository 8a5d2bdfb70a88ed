/**
 * `DbtCorePlugin`: floe's DBT plugin for dbt-core. Each contract operation
 * runs the `dbt` CLI through DbtCli inside a `dbt.*` span that records the
 * command and selection (never the profile, env or vars).
 */
import type { DbtCommand, DbtInvocation, DbtRunResult } from "@floe/runtime";
import { parseDbtCliConfig, type DbtCliConfig } from "./config.js";
import { DbtCli } from "./dbt-cli.js";
import { DbtCommandPlugin } from "./dbt-command-plugin.js";
import { dbtSpan, TRACER_NAME } from "./tracing.js";

export class DbtCorePlugin extends DbtCommandPlugin {
  readonly cli: DbtCli;
  protected readonly dbtSpan = dbtSpan;

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

  protected get manifestCli(): DbtCli {
    return this.cli;
  }

  protected async execute(_span: unknown, command: DbtCommand, invocation: DbtInvocation): Promise<DbtRunResult> {
    return (await this.cli.invoke(command, invocation)).result;
  }
}
