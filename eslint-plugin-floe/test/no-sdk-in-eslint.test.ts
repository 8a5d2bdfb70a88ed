/**
 * ESLint loads every rule of the plugin in every editor and CI run: the rules must not pull the
 * OpenTelemetry SDK (or anything else of the runtime's tracing machinery) into it. Follows the
 * module graph the built plugin loads (relative imports, and @floe/* packages through their
 * package.json exports) and lists every third-party package it reaches.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, it } from "vitest";

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** Third-party packages reached from `entry`, following relative and @floe/* imports (static and dynamic). */
function reachedPackages(entry: string): { packages: Set<string>; files: number } {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName: specifier } of info.importedFiles) {
      if (specifier.startsWith("node:")) continue;
      if (specifier.startsWith(".")) {
        const target = path.resolve(path.dirname(file), specifier);
        if (existsSync(target)) queue.push(target);
        continue;
      }
      const name = packageName(specifier);
      if (!name.startsWith("@floe/")) {
        packages.add(name);
        continue;
      }
      queue.push(createRequire(file).resolve(specifier));
    }
  }
  return { packages, files: seen.size };
}

it("the rules load no @opentelemetry package (the sanitizer comes from @floe/runtime/sanitize)", () => {
  const entry = path.join(PACKAGE_DIR, "dist", "index.js");
  expect(existsSync(entry), "eslint-plugin-floe is built (npm run build)").toBe(true);
  const { packages, files } = reachedPackages(entry);
  expect(files).toBeGreaterThan(20);
  expect(packages.has("@typescript-eslint/utils")).toBe(true); // the walk does reach third-party imports
  expect([...packages].filter((p) => p.startsWith("@opentelemetry/"))).toEqual([]);
});
