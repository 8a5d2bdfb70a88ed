/**
 * The configuration file: ignores and transform options a repository keeps
 * next to its code instead of repeating them on every command line.
 *
 * Found the way ESLint finds its config: from the working directory upwards,
 * the first directory holding `floe-codemod.config.json`, or a `package.json`
 * with a `"floe-codemod"` key, wins. Shape:
 *
 *   {
 *     "ignores": ["scripts/unfinished.js", "generated/"],      // gitignore syntax, relative to the file
 *     "options": { ... },                                       // every transform
 *     "transforms": { "generate-tracing": { "tracerName": "floe.alert.pagerduty" } }
 *   }
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { IgnoreRules } from "./discover.js";
import type { TransformOptions } from "./types.js";

export const CONFIG_FILE = "floe-codemod.config.json";
export const PACKAGE_JSON_KEY = "floe-codemod";

export interface CodemodConfig {
  /** The file it was read from (`…/floe-codemod.config.json` or `…/package.json`). */
  readonly file: string;
  readonly ignores: IgnoreRules | undefined;
  readonly options: TransformOptions;
  readonly transforms: Readonly<Record<string, TransformOptions>>;
}

/** An invalid configuration file (the runner turns it into a usage error). */
export class ConfigError extends Error {
  constructor(file: string, problem: string) {
    super(`invalid configuration in ${file}: ${problem}`);
    this.name = "ConfigError";
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parse(file: string, raw: unknown, transformNames: readonly string[]): CodemodConfig {
  if (!isObject(raw)) throw new ConfigError(file, "expected an object");
  for (const key of Object.keys(raw)) {
    if (!["ignores", "options", "transforms", "$schema"].includes(key)) throw new ConfigError(file, `unknown key "${key}" (ignores, options, transforms)`);
  }
  const { ignores, options = {}, transforms = {} } = raw;
  if (ignores !== undefined && (!Array.isArray(ignores) || ignores.some((p) => typeof p !== "string" || p.trim() === ""))) {
    throw new ConfigError(file, `"ignores" must be an array of non-empty glob strings`);
  }
  if (!isObject(options)) throw new ConfigError(file, `"options" must be an object`);
  if (!isObject(transforms)) throw new ConfigError(file, `"transforms" must be an object keyed by transform name`);
  for (const [name, value] of Object.entries(transforms)) {
    if (!transformNames.includes(name)) throw new ConfigError(file, `unknown transform "${name}" in "transforms" (${transformNames.join(", ")})`);
    if (!isObject(value)) throw new ConfigError(file, `"transforms.${name}" must be an object of options`);
  }
  for (const [where, value] of [["options", options], ...Object.entries(transforms).map(([n, v]) => [`transforms.${n}`, v])] as [string, Record<string, unknown>][]) {
    if (value.tracerName !== undefined && typeof value.tracerName !== "string") throw new ConfigError(file, `"${where}.tracerName" must be a string`);
  }
  const patterns = (ignores as string[] | undefined) ?? [];
  return {
    file,
    ignores: patterns.length ? { baseDir: path.dirname(file), patterns, source: path.basename(file) } : undefined,
    options: options as TransformOptions,
    transforms: transforms as Record<string, TransformOptions>,
  };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(file, (error as Error).message);
  }
}

/** The configuration that applies in `cwd`, or undefined when no directory up to the root has one. */
export function findConfig(cwd: string, transformNames: readonly string[]): CodemodConfig | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const own = path.join(dir, CONFIG_FILE);
    if (existsSync(own)) return parse(own, readJson(own), transformNames);
    const pkg = path.join(dir, "package.json");
    if (existsSync(pkg)) {
      const json = readJson(pkg);
      if (isObject(json) && json[PACKAGE_JSON_KEY] !== undefined) return parse(pkg, json[PACKAGE_JSON_KEY], transformNames);
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The file given with `config` (a path relative to cwd). */
export function loadConfig(file: string, cwd: string, transformNames: readonly string[]): CodemodConfig {
  const absolute = path.resolve(cwd, file);
  if (!existsSync(absolute)) throw new ConfigError(absolute, "file not found");
  const json = readJson(absolute);
  if (path.basename(absolute) === "package.json") {
    if (!isObject(json) || json[PACKAGE_JSON_KEY] === undefined) throw new ConfigError(absolute, `no "${PACKAGE_JSON_KEY}" key`);
    return parse(absolute, json[PACKAGE_JSON_KEY], transformNames);
  }
  return parse(absolute, json, transformNames);
}

/** Options for one transform: the config's shared options, then its per-transform ones, then the command line's. */
export function optionsFor(name: string, config: CodemodConfig | undefined, overrides: TransformOptions): TransformOptions {
  return { ...config?.options, ...config?.transforms[name], ...overrides };
}
