/**
 * Which plugin type `floe-codemod new-plugin <category> <impl>` means: the
 * `<category>` word is a package prefix of the conventions (`alert`, `rbac`,
 * `network-security`, `semantic`, ...) or a tracer-name category naming one
 * type. From it and `<impl>` come the folder, package, class and tracer names.
 */
import {
  CONVENTIONS,
  PLUGIN_TYPES,
  deriveTracerName,
  isInstrumentedType,
  type PluginType,
} from "@floe/runtime/conventions";

export interface PluginKind {
  readonly pluginType: PluginType;
  /** `plugins/<folder>`: `<category>-<impl>`, e.g. `alert-pager`. */
  readonly folder: string;
  readonly packageName: string;
  readonly className: string;
  /** The `@floe/runtime` contract the class extends. */
  readonly baseClass: string;
  readonly tracerName: string;
}

const WORD = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function pascal(words: string): string {
  return words
    .split("-")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

/** The one instrumented type a category word names, or a clear error listing what would. */
function pluginTypeFor(category: string): PluginType {
  const word = category.toLowerCase();
  const byPrefix = PLUGIN_TYPES.filter((t) => (CONVENTIONS[t].packagePrefixes as readonly string[]).includes(word));
  const candidates = byPrefix.length > 0 ? byPrefix : PLUGIN_TYPES.filter((t) => CONVENTIONS[t].category === word);
  const known = PLUGIN_TYPES.filter(isInstrumentedType).map((t) => CONVENTIONS[t].packagePrefixes[0]).join(", ");
  if (candidates.length === 0) throw new Error(`unknown plugin category "${category}" (one of: ${known})`);
  if (candidates.length > 1) {
    const names = candidates.map((t) => CONVENTIONS[t].packagePrefixes[0]).join(", ");
    throw new Error(`"${category}" names several plugin types (${candidates.join(", ")}): say which, one of ${names}`);
  }
  const type = candidates[0]!;
  if (!isInstrumentedType(type)) throw new Error(`${type} plugins are never instrumented: new-plugin scaffolds instrumented plugins only`);
  return type;
}

export function pluginKind(category: string, implementation: string): PluginKind {
  const pluginType = pluginTypeFor(category);
  const prefix = category.toLowerCase();
  if (!WORD.test(implementation)) {
    throw new Error(`implementation "${implementation}" must be lower-case words joined by "-" (e.g. pagerduty, my-vault)`);
  }
  const folder = `${prefix}-${implementation}`;
  const packageName = `@floe/plugin-${folder}`;
  const baseClass = CONVENTIONS[pluginType].baseClass;
  return {
    pluginType,
    folder,
    packageName,
    className: `${pascal(implementation)}${pascal(prefix)}Plugin`,
    baseClass,
    tracerName: deriveTracerName(pluginType, packageName),
  };
}
