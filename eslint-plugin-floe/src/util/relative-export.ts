/**
 * Reads `export const NAME = "..."` from a relative module on disk, so that
 * `valid-tracer-name` can check `override get tracerName() { return TRACER_NAME; }`
 * where `TRACER_NAME` comes from the plugin's generated `./tracing.js`. Without
 * type information this is the only way to see across files; results are cached
 * per file and modification time.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";

const cache = new Map<string, { mtimeMs: number; text: string }>();

/** The file's text, read again only when its modification time changed (editors keep the process alive). */
function readCached(file: string): string | undefined {
  // Most candidates do not exist: ask without throwing.
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return undefined;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit.text;
  try {
    const text = readFileSync(file, "utf8");
    cache.set(file, { mtimeMs: stat.mtimeMs, text });
    return text;
  } catch {
    return undefined;
  }
}

/** The TypeScript sources an emitted extension stands for (`./tracing.js` is written as `./tracing.ts`). */
const SOURCE_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  ".js": [".ts", ".tsx"],
  ".mjs": [".mts"],
  ".cjs": [".cts"],
  ".jsx": [".tsx"],
};

/** Candidate files for a relative specifier, TypeScript sources first (`./tracing.js` -> `./tracing.ts`). */
function candidates(fromFile: string, specifier: string): string[] {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const out: string[] = [];
  const ext = path.extname(base);
  for (const e of SOURCE_EXTENSIONS[ext] ?? []) out.push(base.slice(0, -ext.length) + e);
  out.push(base);
  for (const e of [".ts", ".tsx", ".mts", ".js", ".mjs"]) out.push(base + e);
  for (const e of ["index.ts", "index.js"]) out.push(path.join(base, e));
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The string value of `export const <name> = "..."` in the module `specifier` resolves to from `fromFile`. */
export function readExportedConstString(fromFile: string, specifier: string, name: string): string | undefined {
  if (!specifier.startsWith(".") || !path.isAbsolute(fromFile)) return undefined;
  const pattern = new RegExp(
    `export\\s+const\\s+${escapeRegExp(name)}\\s*(?::[^=]+)?=\\s*(?:"([^"\\\\\\n]*)"|'([^'\\\\\\n]*)'|\`([^\`\\\\$]*)\`)`,
  );
  for (const file of candidates(fromFile, specifier)) {
    const text = readCached(file);
    if (text === undefined) continue;
    const match = pattern.exec(text);
    return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
  }
  return undefined;
}
