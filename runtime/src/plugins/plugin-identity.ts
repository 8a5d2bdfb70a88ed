/**
 * A plugin's identity (name, version, tracer name), declared once: the
 * generated `src/tracing.ts` copies package.json's name and version into
 * `defineTracing({ package })`, and the plugin class extends
 * `tracing.Plugin(<contract>)`, a base built here whose getters answer from
 * that declaration. No plugin hand-writes `name`/`version`/`tracerName`.
 * Telemetry backends (never traced) get the same base from their package.json.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pluginNameFromPackageName } from "../conventions.js";
import { defaultMember, type PluginMetadata } from "./plugin-metadata.js";

/** The package a plugin ships in: package.json `name` and `version`. */
export interface PackageIdentity {
  readonly name: string;
  readonly version: string;
}

/** What a plugin class reports about itself. */
export interface PluginIdentity {
  readonly name: string;
  readonly version: string;
  readonly tracerName?: string;
}

/** `PluginMetadata` or one of the per-type contracts (`AlertChannelPlugin`, ...). */
export type PluginBaseClass = abstract new (...args: any[]) => PluginMetadata;

/** The base `withIdentity` returns: the contract, with `name`, `version` and `tracerName` answered. */
export type IdentifiedBase<B extends PluginBaseClass, T extends string | undefined> = B &
  (abstract new (...args: any[]) => { readonly name: string; readonly version: string; readonly tracerName: T });

function checkedPackage(pkg: PackageIdentity, where: string): PackageIdentity {
  if (typeof pkg?.name !== "string" || pkg.name === "" || typeof pkg.version !== "string" || pkg.version === "") {
    throw new TypeError(`${where}: package needs a non-empty name and version, got ${JSON.stringify(pkg)}`);
  }
  return pkg;
}

/** The identity a package implies: plugin name `alert-slack` for `@floe/plugin-alert-slack`, its version. */
export function identityOfPackage(pkg: PackageIdentity, tracerName?: string): PluginIdentity {
  checkedPackage(pkg, "plugin identity");
  return { name: pluginNameFromPackageName(pkg.name), version: pkg.version, tracerName };
}

/**
 * A subclass of `base` whose `name`, `version` and `tracerName` getters return `identity`. The getters
 * live on the prototype, so the registry reads them without constructing the plugin.
 */
export function withIdentity<B extends PluginBaseClass, T extends string | undefined = undefined>(
  base: B,
  identity: PluginIdentity & { readonly tracerName?: T },
): IdentifiedBase<B, T> {
  if (typeof base !== "function") throw new TypeError(`withIdentity: the base must be a plugin class, got ${String(base)}`);
  const { name, version, tracerName } = identity;
  abstract class Identified extends base {}
  Object.defineProperty(Identified, "name", { value: `${base.name}(${name})` });
  // Prototype getters a subclass may still override, as an accessor or a field (assigned or defined).
  Object.defineProperties(Identified.prototype, {
    name: defaultMember("name", name),
    version: defaultMember("version", version),
    tracerName: defaultMember("tracerName", tracerName),
  });
  return Identified as unknown as IdentifiedBase<B, T>;
}

/**
 * The identity of the package a module belongs to (the nearest package.json with a name above
 * `moduleUrl`, e.g. `import.meta.url`), for plugins without a tracing module: telemetry backends.
 */
export function readPackageIdentity(moduleUrl: string | URL): PackageIdentity {
  let dir = path.dirname(fileURLToPath(moduleUrl));
  for (;;) {
    const file = path.join(dir, "package.json");
    let text: string | undefined;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      const pkg = JSON.parse(text) as Partial<PackageIdentity>;
      if (typeof pkg.name === "string") return checkedPackage({ name: pkg.name, version: String(pkg.version ?? "") }, file);
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`readPackageIdentity: no package.json with a name above ${String(moduleUrl)}`);
    dir = parent;
  }
}

/** `identityOfPackage(readPackageIdentity(moduleUrl))`: a telemetry backend's whole identity, from its package.json. */
export function identityFromPackageJson(moduleUrl: string | URL): PluginIdentity {
  return identityOfPackage(readPackageIdentity(moduleUrl));
}
