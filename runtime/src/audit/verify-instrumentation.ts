/**
 * The instrumentation audit: one structured warning per auditable plugin
 * whose `tracerName` is missing, malformed, or in the wrong category (the
 * conventions' `tracerNameProblem` decides), or whose class disagrees with
 * what its package.json declares. Telemetry backends are skipped (they are
 * never instrumented).
 */
import {
  CONVENTIONS,
  TRACER_NAME_CODEMOD,
  isPluginType,
  tracerNameProblem,
  type PluginType,
  type TracerNameProblemCode,
} from "../conventions.js";

/** The part of PluginMetadata the audit reads. */
export interface AuditablePlugin {
  readonly name: string;
  readonly pluginType: PluginType | string;
  readonly tracerName?: string | undefined;
  readonly version?: string;
  /** What package.json declares, when the plugin came through the registry: compared, never overwritten. */
  readonly declaredType?: string;
  readonly packageVersion?: string;
  readonly declaredTracerName?: string;
}

export type InstrumentationWarningCode =
  | "MISSING_TRACER_NAME"
  | "MALFORMED_TRACER_NAME"
  | "TRACER_CATEGORY_MISMATCH"
  | "UNKNOWN_PLUGIN_TYPE"
  | "UNREADABLE_METADATA"
  | "IDENTITY_MISMATCH";

export interface InstrumentationWarning {
  readonly code: InstrumentationWarningCode;
  readonly plugin: string;
  readonly pluginType: string;
  readonly tracerName: string | undefined;
  readonly message: string;
  /** What fixes it, naming the codemod. */
  readonly suggestion: string;
}

function read<T>(get: () => T): { ok: true; value: T } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: get() };
  } catch (error) {
    return { ok: false, error };
  }
}

export function verifyPluginInstrumentation(plugins: Iterable<AuditablePlugin>): InstrumentationWarning[] {
  const warnings: InstrumentationWarning[] = [];
  for (const plugin of plugins) {
    const warning = auditOne(plugin);
    if (warning) warnings.push(warning);
  }
  return warnings;
}

function auditOne(plugin: AuditablePlugin): InstrumentationWarning | undefined {
  const name = read(() => String(plugin.name));
  const type = read(() => plugin.pluginType);
  const tracer = read(() => plugin.tracerName);
  const pluginName = name.ok ? name.value : "<unknown>";
  const fix = `run \`${TRACER_NAME_CODEMOD} <plugin dir>\` to add it`;
  if (!type.ok || !tracer.ok) {
    return {
      code: "UNREADABLE_METADATA", plugin: pluginName, pluginType: type.ok ? String(type.value) : "<unknown>",
      tracerName: undefined, message: `plugin ${pluginName}: reading its metadata threw`, suggestion: fix,
    };
  }
  const pluginType = String(type.value);
  if (!isPluginType(pluginType)) {
    return {
      code: "UNKNOWN_PLUGIN_TYPE", plugin: pluginName, pluginType, tracerName: undefined,
      message: `plugin ${pluginName}: unknown plugin type ${pluginType}`,
      suggestion: `declare one of ${Object.keys(CONVENTIONS).join(", ")}`,
    };
  }
  const mismatch = identityMismatch(plugin, pluginName, pluginType, tracer.value);
  if (mismatch) return mismatch;
  if (!CONVENTIONS[pluginType].instrumented) return undefined;
  const tracerName = tracer.value;
  const problem = tracerNameProblem(pluginType, tracerName);
  if (!problem) return undefined;
  const expected = `floe.${problem.expectedCategory}.<implementation>`;
  const shown = tracerName === undefined || tracerName === null || tracerName === "" ? undefined : String(tracerName);
  const suggestion =
    problem.code === "MISSING"
      ? `override tracerName to return "${expected}": ${fix}`
      : problem.parsed
        ? `use "floe.${problem.expectedCategory}.${problem.parsed.implementation}": ${fix}`
        : `use "${expected}": ${fix}`;
  const message =
    problem.code === "MISSING"
      ? `plugin ${pluginName} (${pluginType}) declares no tracerName; its operations are invisible in traces`
      : `plugin ${pluginName} (${pluginType}): ${problem.message}`;
  return { code: WARNING_CODES[problem.code], plugin: pluginName, pluginType, tracerName: shown, message, suggestion };
}

const WARNING_CODES: Record<TracerNameProblemCode, InstrumentationWarningCode> = {
  NOT_INSTRUMENTED: "MALFORMED_TRACER_NAME",
  MISSING: "MISSING_TRACER_NAME",
  MALFORMED: "MALFORMED_TRACER_NAME",
  CATEGORY_MISMATCH: "TRACER_CATEGORY_MISMATCH",
};

/** The class and its package.json must agree on type, version and (when declared) tracer name. */
function identityMismatch(
  plugin: AuditablePlugin,
  pluginName: string,
  pluginType: string,
  tracerName: string | undefined,
): InstrumentationWarning | undefined {
  const fields: string[] = [];
  const declared = read(() => [plugin.declaredType, plugin.packageVersion, plugin.declaredTracerName, plugin.version] as const);
  if (!declared.ok) return undefined;
  const [declaredType, packageVersion, declaredTracerName, version] = declared.value;
  if (declaredType !== undefined && declaredType !== pluginType) fields.push(`type: package.json ${declaredType}, class ${pluginType}`);
  if (packageVersion !== undefined && version !== undefined && packageVersion !== version) {
    fields.push(`version: package.json ${packageVersion}, class ${String(version)}`);
  }
  if (declaredTracerName !== undefined && declaredTracerName !== tracerName) {
    fields.push(`tracerName: package.json ${declaredTracerName}, class ${String(tracerName)}`);
  }
  if (fields.length === 0) return undefined;
  return {
    code: "IDENTITY_MISMATCH", plugin: pluginName, pluginType, tracerName: tracerName === undefined ? undefined : String(tracerName),
    message: `plugin ${pluginName}: its class and its package.json disagree (${fields.join("; ")})`,
    suggestion: `declare the identity once: run \`${TRACER_NAME_CODEMOD} <plugin dir>\` so src/tracing.ts copies package.json and the class extends tracing.Plugin(...)`,
  };
}
