/**
 * Which module specifiers the rules treat as `@floe/runtime`, as the
 * OpenTelemetry API, or as the legacy `traced` module. Projects that re-export
 * either from a module of their own declare it in shared settings:
 *
 * ```js
 * settings: { floe: { runtimeModules: ["#telemetry"], otelModules: ["./otel.js"] } }
 * ```
 */
import { LEGACY_TRACED_MODULE, RUNTIME_MODULE } from "@floe/runtime/conventions";
import type { AnyContext } from "./create-rule.js";

export const OTEL_API_MODULE = "@opentelemetry/api";

export type ModuleKind = "runtime" | "otel" | "legacy-traced";

export interface FloeSettings {
  runtimeModules?: readonly string[];
  otelModules?: readonly string[];
}

function floeSettings(context: AnyContext): FloeSettings {
  const settings = (context.settings as { floe?: FloeSettings } | undefined)?.floe;
  return settings && typeof settings === "object" ? settings : {};
}

/** Classifies a module specifier; `@floe/runtime/conventions` counts as the runtime (it re-exports a subset). */
export function moduleKind(context: AnyContext, source: string): ModuleKind | undefined {
  if (source === RUNTIME_MODULE || source.startsWith(`${RUNTIME_MODULE}/`)) return "runtime";
  if (source === OTEL_API_MODULE) return "otel";
  if (source === LEGACY_TRACED_MODULE) return "legacy-traced";
  const settings = floeSettings(context);
  if (settings.runtimeModules?.includes(source)) return "runtime";
  if (settings.otelModules?.includes(source)) return "otel";
  return undefined;
}

/** Whether helpers like `recordSanitizedException` can be imported from this specifier (the root, or a declared re-export). */
export function exportsRuntimeHelpers(context: AnyContext, source: string): boolean {
  return source === RUNTIME_MODULE || (floeSettings(context).runtimeModules?.includes(source) ?? false);
}

/** Classifies a package name found through type information (`@floe/runtime`, `@opentelemetry/api`). */
export function packageKind(packageName: string | undefined): ModuleKind | undefined {
  if (packageName === RUNTIME_MODULE) return "runtime";
  if (packageName === OTEL_API_MODULE) return "otel";
  return undefined;
}
