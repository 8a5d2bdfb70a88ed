/**
 * The plugin registry: discovers plugins declared by installed packages
 * (`"floe": { "plugin": "<ExportName>", "type": "<PluginType>" }` in their
 * package.json), loads them, and runs the instrumentation audit at load.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { isPluginType, type PluginType } from "../conventions.js";
import { logInstrumentationWarnings, stderrLogger, type StructuredLogger } from "../audit/logger.js";
import { verifyPluginInstrumentation, type InstrumentationWarning } from "../audit/verify-instrumentation.js";
import type { PluginMetadata } from "./plugin-metadata.js";

/** What a package's `floe` field declares. */
export interface PluginDeclaration {
  readonly packageName: string;
  readonly packageVersion: string;
  readonly packageDir: string;
  /** Export name of the plugin class in the package's entry module. */
  readonly exportName: string;
  readonly declaredType: PluginType;
  /** Optional tracer-name override used by the codemod. */
  readonly tracerName?: string;
}

export type PluginClass = abstract new (...args: never[]) => PluginMetadata;

/**
 * A loaded plugin: its class and the metadata read from its prototype. What package.json declares
 * stays beside it (`declaredType`, `packageVersion`, `declaredTracerName`); the audit reports an
 * IDENTITY_MISMATCH when the two disagree instead of either silently winning.
 */
export interface LoadedPlugin extends PluginDeclaration {
  readonly pluginClass: PluginClass;
  /** package.json `floe.tracerName`, when declared. */
  readonly declaredTracerName: string | undefined;
  readonly name: string;
  readonly version: string;
  readonly pluginType: PluginType;
  readonly tracerName: string | undefined;
}

export interface DiscoverOptions {
  /** Directory whose `node_modules` (and its ancestors') are scanned. Default: process.cwd(). */
  cwd?: string;
  /** Extra package directories to consider (e.g. workspace folders). */
  packageDirs?: string[];
}

async function readJson(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, "utf8")) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

async function listDirs(dir: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() || e.isSymbolicLink()).map((e) => path.join(dir, e.name));
  } catch {
    return [];
  }
}

/** Package directories directly under a node_modules folder (scoped ones included). */
async function packagesIn(nodeModules: string): Promise<string[]> {
  const dirs: string[] = [];
  for (const dir of await listDirs(nodeModules)) {
    const base = path.basename(dir);
    if (base.startsWith(".")) continue;
    if (base.startsWith("@")) dirs.push(...(await listDirs(dir)));
    else dirs.push(dir);
  }
  return dirs;
}

function nodeModulesChain(cwd: string): string[] {
  const chain: string[] = [];
  let current = path.resolve(cwd);
  for (;;) {
    chain.push(path.join(current, "node_modules"));
    const parent = path.dirname(current);
    if (parent === current) return chain;
    current = parent;
  }
}

/** Reads one package's floe declaration, or undefined when it declares no plugin. */
export async function readDeclaration(packageDir: string): Promise<PluginDeclaration | undefined> {
  const pkg = await readJson(path.join(packageDir, "package.json"));
  const floe = pkg?.floe as Record<string, unknown> | undefined;
  if (!pkg || !floe || typeof floe.plugin !== "string" || !isPluginType(floe.type)) return undefined;
  return {
    packageName: String(pkg.name),
    packageVersion: String(pkg.version ?? "0.0.0"),
    packageDir: await fs.realpath(packageDir).catch(() => packageDir),
    exportName: floe.plugin,
    declaredType: floe.type,
    tracerName: typeof floe.tracerName === "string" ? floe.tracerName : undefined,
  };
}

/** Finds every installed package that declares a floe plugin. */
export async function discoverPlugins(options: DiscoverOptions = {}): Promise<PluginDeclaration[]> {
  const candidates = new Set<string>(options.packageDirs ?? []);
  for (const nodeModules of nodeModulesChain(options.cwd ?? process.cwd())) {
    for (const dir of await packagesIn(nodeModules)) candidates.add(dir);
  }
  const byName = new Map<string, PluginDeclaration>();
  for (const dir of candidates) {
    const declaration = await readDeclaration(dir);
    if (declaration && !byName.has(declaration.packageName)) byName.set(declaration.packageName, declaration);
  }
  return [...byName.values()].sort((a, b) => a.packageName.localeCompare(b.packageName));
}

function entryFile(packageDir: string, pkg: Record<string, unknown>): string {
  const exportsField = pkg.exports as unknown;
  let target: unknown = typeof exportsField === "string" ? exportsField : (exportsField as Record<string, unknown> | undefined)?.["."];
  while (target && typeof target === "object") {
    const conditions = target as Record<string, unknown>;
    target = conditions.import ?? conditions.default ?? conditions.node;
  }
  return path.join(packageDir, typeof target === "string" ? target : String(pkg.main ?? "index.js"));
}

/** Reads a property from a class prototype (metadata getters must not depend on constructor state). */
function readPrototype(pluginClass: PluginClass, key: string): unknown {
  try {
    return Reflect.get(pluginClass.prototype as object, key);
  } catch {
    return undefined;
  }
}

/** Imports a declared plugin's module and reads its metadata. */
export async function loadPlugin(declaration: PluginDeclaration): Promise<LoadedPlugin> {
  const pkg = (await readJson(path.join(declaration.packageDir, "package.json"))) ?? {};
  const module = (await import(pathToFileURL(entryFile(declaration.packageDir, pkg)).href)) as Record<string, unknown>;
  const pluginClass = module[declaration.exportName];
  if (typeof pluginClass !== "function") {
    throw new Error(
      `${declaration.packageName}: package.json floe.plugin names "${declaration.exportName}", which the package does not export as a class`,
    );
  }
  const cls = pluginClass as PluginClass;
  const pluginType = readPrototype(cls, "pluginType");
  const tracerName = readPrototype(cls, "tracerName");
  const name = readPrototype(cls, "name");
  const version = readPrototype(cls, "version");
  return {
    ...declaration,
    pluginClass: cls,
    declaredTracerName: declaration.tracerName,
    name: typeof name === "string" ? name : declaration.packageName,
    version: typeof version === "string" ? version : declaration.packageVersion,
    pluginType: isPluginType(pluginType) ? pluginType : declaration.declaredType,
    tracerName: typeof tracerName === "string" ? tracerName : undefined,
  };
}

export interface RegistryOptions extends DiscoverOptions {
  logger?: StructuredLogger;
}

/** Discovers, loads and audits plugins; keeps what it loaded. */
export class PluginRegistry {
  private readonly loaded = new Map<string, LoadedPlugin>();
  private lastWarnings: InstrumentationWarning[] = [];

  constructor(private readonly options: RegistryOptions = {}) {}

  async discover(): Promise<PluginDeclaration[]> {
    return discoverPlugins(this.options);
  }

  /** Loads every discovered plugin and runs the audit, logging one warning per gap. */
  async loadAll(): Promise<LoadedPlugin[]> {
    const plugins: LoadedPlugin[] = [];
    for (const declaration of await this.discover()) plugins.push(await loadPlugin(declaration));
    for (const plugin of plugins) this.loaded.set(plugin.name, plugin);
    this.lastWarnings = verifyPluginInstrumentation(plugins);
    logInstrumentationWarnings(this.lastWarnings, this.options.logger ?? stderrLogger, "load");
    return plugins;
  }

  get plugins(): LoadedPlugin[] {
    return [...this.loaded.values()];
  }

  get warnings(): readonly InstrumentationWarning[] {
    return this.lastWarnings;
  }

  get(name: string): LoadedPlugin | undefined {
    return this.loaded.get(name) ?? this.plugins.find((p) => p.packageName === name);
  }

  /** Instantiates a loaded plugin with its configuration. */
  create<T extends PluginMetadata = PluginMetadata>(name: string, ...args: unknown[]): T {
    const plugin = this.get(name);
    if (!plugin) throw new Error(`no floe plugin named ${name} is loaded`);
    const Ctor = plugin.pluginClass as unknown as new (...a: unknown[]) => T;
    return new Ctor(...args);
  }
}
