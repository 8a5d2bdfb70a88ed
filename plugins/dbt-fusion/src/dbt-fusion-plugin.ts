/**
 * `DbtFusionPlugin`: floe's DBT plugin for dbt Fusion. Detects Fusion, runs
 * through it, and falls back to dbt-core (the same runner dbt-core uses) when
 * Fusion is missing or rejects the adapter. Each operation's `dbt.*` span
 * says which engine ran (`dbt_fusion.mode`) and whether it fell back.
 */
import type { Span } from "@opentelemetry/api";
import { DbtPlugin, type DbtCommand, type DbtInvocation, type DbtRunResult } from "@floe/runtime";
import {
  DbtCli,
  DbtCommandError,
  invocationAttributes,
  parseManifestRecorded,
  runRecorded,
  type DbtManifest,
} from "@floe/plugin-dbt-core";
import { parseFusionConfig, type DbtFusionConfig, type ResolvedDbtFusionConfig } from "./config.js";
import { DbtFusionFallbackUnavailableError, DbtFusionNotFoundError } from "./errors.js";
import { detectFusion, type FusionDetection } from "./fusion-detection.js";
import { ATTRIBUTES, dbtSpan, tracing } from "./tracing.js";

export type DbtEngineMode = "fusion" | "core";
export type FallbackReason = "fusion_not_found" | "adapter_unsupported";

/** Fusion's refusal of an adapter it does not support (yet). */
const ADAPTER_REJECTED = /unsupported adapter|adapter\b[^\n]*\bnot (?:yet )?supported|does not support (?:this|the) adapter/i;

export function isAdapterRejection(error: unknown): boolean {
  return error instanceof DbtCommandError && error.errors.some((message) => ADAPTER_REJECTED.test(message));
}

export class DbtFusionPlugin extends tracing.Plugin(DbtPlugin<DbtManifest>) {
  readonly config: ResolvedDbtFusionConfig;
  readonly core: DbtCli;
  private detection: Promise<FusionDetection> | undefined;

  constructor(config: DbtFusionConfig) {
    super();
    this.config = parseFusionConfig(config);
    this.core = new DbtCli(this.config.core);
  }

  private get floeContext() {
    return this.config.core.floe;
  }

  /** Finds dbt Fusion once per plugin instance. */
  detect(): Promise<FusionDetection> {
    if (!this.detection) {
      const detecting = detectFusion(this.config.core, this.config.fusionExecutable);
      this.detection = detecting;
      detecting.catch(() => {
        if (this.detection === detecting) this.detection = undefined;
      });
    }
    return this.detection;
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

  /** Reads `manifest.json`; Fusion and dbt-core write the same artifact. */
  parseManifest(path?: string): Promise<DbtManifest> {
    return dbtSpan("parseManifest", {}, (span) => parseManifestRecorded(span, this.core, path), { floe: this.floeContext });
  }

  private runCommand(command: DbtCommand, invocation: DbtInvocation): Promise<DbtRunResult> {
    return dbtSpan(
      command,
      invocationAttributes(command, invocation, this.config.core.target),
      (span) => runRecorded(span, () => this.runWithFallback(span, command, invocation)),
      { floe: this.floeContext },
    );
  }

  private async runWithFallback(span: Span, command: DbtCommand, invocation: DbtInvocation): Promise<DbtRunResult> {
    const { mode, fallback } = this.config;
    if (mode === "core") return this.runCore(span, command, invocation, undefined);

    const fusion = await this.detect();
    if (!fusion.available || !fusion.executable) {
      if (mode === "fusion" || !fallback) throw new DbtFusionNotFoundError(fusion.checked);
      return this.runCore(span, command, invocation, "fusion_not_found");
    }
    markMode(span, "fusion", false);
    if (fusion.version) span.setAttribute("dbt_fusion.version", fusion.version);
    try {
      return (await new DbtCli({ ...this.config.core, executable: fusion.executable }).invoke(command, invocation)).result;
    } catch (error) {
      if (mode === "fusion" || !fallback || !isAdapterRejection(error)) throw error;
      if (fusion.executable === this.config.core.executable) throw new DbtFusionFallbackUnavailableError(fusion.executable, { cause: error });
      return this.runCore(span, command, invocation, "adapter_unsupported");
    }
  }

  private async runCore(span: Span, command: DbtCommand, invocation: DbtInvocation, reason: FallbackReason | undefined) {
    markMode(span, "core", reason !== undefined);
    if (reason) span.addEvent("dbt_fusion.fallback", { "dbt_fusion.fallback_reason": reason });
    return (await this.core.invoke(command, invocation)).result;
  }
}

function markMode(span: Span, mode: DbtEngineMode, fallback: boolean): void {
  span.setAttribute(ATTRIBUTES.MODE, mode);
  span.setAttribute(ATTRIBUTES.FALLBACK, fallback);
}
