/**
 * A plugin package's package.json as the project transforms need it: the
 * package name, module kind, dependencies and the `floe` field (plugin export
 * name, declared type, tracer-name override, extra attribute constants).
 */
import path from "node:path";
import { isPluginType, type PluginType } from "@floe/runtime/conventions";
import { readSourceText, type TextReader } from "./source-text.js";

export interface FloeField {
  readonly plugin?: string;
  readonly type?: PluginType;
  readonly tracerName?: string;
  /** Extra attribute constants, in package.json order. */
  readonly attributes?: Readonly<Record<string, string>>;
}

export interface PackageJsonInfo {
  readonly path: string;
  /** Normalised text (LF, no BOM). */
  readonly text: string;
  readonly name: string;
  /** `version`, or undefined when the package has none (the generated identity then says 0.0.0). */
  readonly version: string | undefined;
  readonly isModule: boolean;
  /** The `floe` field, or undefined when the package has none. */
  readonly floe: FloeField | undefined;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly peerDependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
  readonly scripts: Readonly<Record<string, string>>;
}

function stringRecord(value: unknown, where: string): Record<string, string> {
  if (value === undefined) return {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Error(`${where} must be an object`);
  }
  const entries = Object.entries(value as Record<string, unknown>);
  for (const [key, v] of entries) {
    if (typeof v !== "string") throw new Error(`${where}.${key} must be a string`);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

function parseFloeField(value: unknown, file: string): FloeField | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Error(`${file}: "floe" must be an object`);
  }
  const raw = value as Record<string, unknown>;
  if (raw.type !== undefined && !isPluginType(raw.type)) {
    throw new Error(`${file}: floe.type ${JSON.stringify(raw.type)} is not a PluginType`);
  }
  if (raw.tracerName !== undefined && typeof raw.tracerName !== "string") {
    throw new Error(`${file}: floe.tracerName must be a string`);
  }
  if (raw.plugin !== undefined && typeof raw.plugin !== "string") {
    throw new Error(`${file}: floe.plugin must be a string`);
  }
  return {
    plugin: raw.plugin as string | undefined,
    type: raw.type as PluginType | undefined,
    tracerName: raw.tracerName as string | undefined,
    attributes: raw.attributes === undefined ? undefined : stringRecord(raw.attributes, `${file}: floe.attributes`),
  };
}

export async function readPackageJson(packageDir: string, read: TextReader = readSourceText): Promise<PackageJsonInfo> {
  const file = path.join(packageDir, "package.json");
  const text = await read(file);
  if (text === undefined) throw new Error(`${packageDir}: no package.json`);
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${file}: invalid JSON (${(error as Error).message})`);
  }
  return {
    path: file,
    text,
    name: typeof data.name === "string" ? data.name : path.basename(packageDir),
    version: typeof data.version === "string" && data.version !== "" ? data.version : undefined,
    isModule: data.type === "module",
    floe: parseFloeField(data.floe, file),
    dependencies: stringRecord(data.dependencies, `${file}: dependencies`),
    peerDependencies: stringRecord(data.peerDependencies, `${file}: peerDependencies`),
    devDependencies: stringRecord(data.devDependencies, `${file}: devDependencies`),
    scripts: stringRecord(data.scripts, `${file}: scripts`),
  };
}
