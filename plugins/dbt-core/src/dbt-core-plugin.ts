/**
 * `DbtCorePlugin`: floe's DBT plugin for dbt-core. Each contract operation
 * runs the `dbt` CLI through DbtCli inside a `dbt.*` span that records the
 * command and selection (never the profile, env or vars).
 */
import { DbtPlugin, type DbtCommand, type DbtInvocation, type DbtRunResult } from "@floe/runtime";
import type { DbtManifest } from "./artifacts.js";
import { parseDbtCliConfig, type DbtCliConfig } from "./config.js";
import { DbtCli } from "./dbt-cli.js";
import { invocationAttributes, parseManifestRecorded, runRecorded } from "./dbt-spans.js";
import { dbtSpan, tracing } from "./tracing.js";

export class DbtCorePlugin extends tracing.Plugin(DbtPlugin<DbtManifest>) {
  readonly cli: DbtCli;

  constructor(config: DbtCliConfig) {
    super();
    this.cli = new DbtCli(parseDbtCliConfig(config));
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
    return dbtSpan("parseManifest", {}, (span) => parseManifestRecorded(span, this.cli, path), { floe: this.floeContext });
  }

  private runCommand(command: DbtCommand, invocation: DbtInvocation): Promise<DbtRunResult> {
    return dbtSpan(
      command,
      invocationAttributes(command, invocation, this.cli.config.target),
      (span) => runRecorded(span, async () => (await this.cli.invoke(command, invocation)).result),
      { floe: this.floeContext },
    );
  }
}
