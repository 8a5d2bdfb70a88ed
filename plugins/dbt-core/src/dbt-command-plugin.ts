/**
 * The DBT contract's five operations, written once for every dbt engine
 * plugin (dbt-core, dbt-fusion): `compile`/`run`/`test`/`build` open a
 * `dbt.<command>` span with the invocation's attributes and record the run's
 * result; `parseManifest` opens `dbt.parseManifest`. A subclass says which
 * tracer's span helper to use and how a command executes.
 */
import type { Span } from "@opentelemetry/api";
import { DbtPlugin, type DbtCommand, type DbtInvocation, type DbtRunResult, type DomainSpan } from "@floe/runtime";
import type { DbtManifest } from "./artifacts.js";
import type { DbtCli } from "./dbt-cli.js";
import { invocationAttributes, parseManifestRecorded, runRecorded } from "./dbt-spans.js";

export abstract class DbtCommandPlugin extends DbtPlugin<DbtManifest> {
  /** The plugin's own `dbt.*` span helper (from its generated tracing module). */
  protected abstract readonly dbtSpan: DomainSpan;
  /** The runner whose config gives the default target, the floe context and the manifest location. */
  protected abstract readonly manifestCli: DbtCli;
  /** Runs one command inside its span. */
  protected abstract execute(span: Span, command: DbtCommand, invocation: DbtInvocation): Promise<DbtRunResult>;

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
    const cli = this.manifestCli;
    return this.dbtSpan("parseManifest", {}, (span) => parseManifestRecorded(span, cli, path), { floe: cli.config.floe });
  }

  private runCommand(command: DbtCommand, invocation: DbtInvocation): Promise<DbtRunResult> {
    const { config } = this.manifestCli;
    return this.dbtSpan(
      command,
      invocationAttributes(command, invocation, config.target),
      (span) => runRecorded(span, () => this.execute(span, command, invocation)),
      { floe: config.floe },
    );
  }
}
