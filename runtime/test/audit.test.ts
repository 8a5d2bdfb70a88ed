import { describe, expect, it } from "vitest";
import {
  AlertChannelPlugin,
  compile,
  CompileStage,
  InstrumentationEnforcementError,
  PluginType,
  SecretsPlugin,
  verifyPluginInstrumentation,
  type StructuredLogger,
} from "../src/index.js";

class GoodAlert extends AlertChannelPlugin {
  override get name() { return "alert-good"; }
  override get version() { return "1.0.0"; }
  override get tracerName() { return "floe.alert.good"; }
  async sendAlert() { return { delivered: true, status: "delivered" as const, destination: "x", attempts: 1 }; }
  async healthCheck() { return { healthy: true }; }
}
// eslint-disable-next-line floe/require-tracer-name -- the audit must flag this uninstrumented plugin
class MissingSecrets extends SecretsPlugin {
  override get name() { return "secrets-missing"; }
  override get version() { return "1.0.0"; }
  async getSecret() { return undefined; }
  async setSecret() {}
  async deleteSecret() { return false; }
  async listSecrets() { return []; }
}

function memoryLogger() {
  const records: Record<string, unknown>[] = [];
  const logger: StructuredLogger = { warn: (r) => records.push(r) };
  return { logger, records };
}

describe("verifyPluginInstrumentation", () => {
  it("returns nothing for an instrumented plugin and skips telemetry backends", () => {
    expect(verifyPluginInstrumentation([new GoodAlert()])).toEqual([]);
    expect(verifyPluginInstrumentation([{ name: "telemetry-console", pluginType: PluginType.TELEMETRY_BACKEND }])).toEqual([]);
  });

  it("warns once per plugin without a tracerName, naming the codemod", () => {
    const warnings = verifyPluginInstrumentation([new MissingSecrets(), new GoodAlert()]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: "MISSING_TRACER_NAME", plugin: "secrets-missing", pluginType: "SECRETS" });
    expect(warnings[0]!.suggestion).toContain("floe-codemod generate-tracing");
    expect(warnings[0]!.suggestion).toContain("floe.secrets.");
  });

  it("flags malformed names and category mismatches", () => {
    const warnings = verifyPluginInstrumentation([
      { name: "a", pluginType: "ALERT_CHANNEL", tracerName: "slack-alerts" },
      { name: "b", pluginType: "RBAC", tracerName: "floe.rbac.k8s" },
      { name: "c", pluginType: "NOT_A_TYPE", tracerName: "floe.x.y" },
    ]);
    expect(warnings.map((w) => w.code)).toEqual(["MALFORMED_TRACER_NAME", "TRACER_CATEGORY_MISMATCH", "UNKNOWN_PLUGIN_TYPE"]);
    expect(warnings[1]!.suggestion).toContain('"floe.security.k8s"');
  });

  it("never throws on plugins whose getters throw", () => {
    const hostile = { name: "h", pluginType: "SECRETS", get tracerName(): string { throw new Error("boom"); } };
    expect(verifyPluginInstrumentation([hostile])[0]!.code).toBe("UNREADABLE_METADATA");
  });
});

describe("compile pipeline ENFORCE stage", () => {
  it("logs one structured warning per gap and still compiles", async () => {
    const { logger, records } = memoryLogger();
    const result = await compile({ plugins: [new MissingSecrets(), new GoodAlert()], logger });
    expect(result.success).toBe(true);
    expect(result.stages).toEqual([CompileStage.LOAD, CompileStage.VALIDATE, CompileStage.ENFORCE, CompileStage.GENERATE]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ event: "floe.instrumentation.audit", stage: "ENFORCE", plugin: "secrets-missing" });
  });

  it("fails the compile in strict mode", async () => {
    const { logger } = memoryLogger();
    await expect(compile({ plugins: [new MissingSecrets()], logger, strict: true })).rejects.toBeInstanceOf(
      InstrumentationEnforcementError,
    );
    await expect(compile({ plugins: [new GoodAlert()], logger, strict: true })).resolves.toMatchObject({ success: true, warnings: [] });
  });

  it("runs extra handlers at their stage, after enforcement", async () => {
    const { logger } = memoryLogger();
    const seen: string[] = [];
    await compile({
      plugins: [],
      logger,
      handlers: [
        { stage: CompileStage.GENERATE, run: () => void seen.push("generate") },
        { stage: CompileStage.LOAD, run: () => void seen.push("load") },
      ],
    });
    expect(seen).toEqual(["load", "generate"]);
  });
});
