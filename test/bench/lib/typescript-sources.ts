/**
 * Real TypeScript files to build benchmark trees from: the sources and
 * declaration files of installed packages, walked in a stable order.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

const DEFAULT_PACKAGES = ["@opentelemetry", "@typescript-eslint", "zod", "vitest", "@types", "vite", "@ts-morph", "typescript-eslint"];

/** Up to `limit` `.ts` files (smaller than `maxBytes`, `.d.mts` excluded) under `node_modules/<package>` for each package, in order. */
export function collectTypeScriptSources(root: string, limit: number, { packages = DEFAULT_PACKAGES, maxBytes = 200_000 } = {}): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (out.length >= limit) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= limit) return;
      const full = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== "node_modules") walk(full);
      else if (e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.mts") && statSync(full).size < maxBytes) out.push(full);
    }
  };
  for (const name of packages) walk(path.join(root, "node_modules", name));
  return out;
}
