/**
 * The instrumentation audit: one structured warning per auditable plugin
 * whose `tracerName` is missing, malformed, or in the wrong category.
 * Telemetry backends are skipped (they are never instrumented).
 */
import {
  CONVENTIONS,
  TRACER_NAME_CODEMOD,
  isPluginType,
  parseTracerName,
  type PluginType,
} from "../conventions.js";

/** The part of PluginMetadata the audit reads. */
export interface AuditablePlugin {
  readonly name: string;
  readonly pluginType: PluginType | string;
  readonly tracerName?: string | undefined;
  readonly version?: string;
}

export type InstrumentationWarningCode =
  | "MISSING_TRACER_NAME"
  | "MALFORMED_TRACER_NAME"
  | "TRACER_CATEGORY_MISMATCH"
  | "UNKNOWN_PLUGIN_TYPE"
  | "UNREADABLE_METADATA";

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
  const convention = CONVENTIONS[pluginType];
  if (!convention.instrumented) return undefined;
  const tracerName = tracer.value;
  const expected = `floe.${convention.category}.<implementation>`;
  if (tracerName === undefined || tracerName === null || tracerName === "") {
    return {
      code: "MISSING_TRACER_NAME", plugin: pluginName, pluginType, tracerName: undefined,
      message: `plugin ${pluginName} (${pluginType}) declares no tracerName; its operations are invisible in traces`,
      suggestion: `override tracerName to return "${expected}": ${fix}`,
    };
  }
  const parsed = parseTracerName(tracerName);
  if (!parsed) {
    return {
      code: "MALFORMED_TRACER_NAME", plugin: pluginName, pluginType, tracerName: String(tracerName),
      message: `plugin ${pluginName} (${pluginType}) has tracerName ${JSON.stringify(tracerName)}, which does not match floe.{category}.{implementation}`,
      suggestion: `use "${expected}": ${fix}`,
    };
  }
  if (parsed.category !== convention.category) {
    return {
      code: "TRACER_CATEGORY_MISMATCH", plugin: pluginName, pluginType, tracerName,
      message: `plugin ${pluginName} (${pluginType}) has tracerName "${tracerName}" in category "${parsed.category}", expected "${convention.category}"`,
      suggestion: `use "floe.${convention.category}.${parsed.implementation}": ${fix}`,
    };
  }
  return undefined;
}
