/**
 * Installs the plugin into a scratch project's node_modules the way npm would: `dist/`
 * (compiled from the current src/, so the test never runs a stale build) and package.json,
 * with the package's dependencies linked to the repo's copies. Tests that exercise the
 * package entry points (`require("eslint-plugin-floe")`, `import`) load it from there.
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync, existsSync, copyFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const packageRequire = createRequire(path.join(PACKAGE_DIR, "package.json"));

/** The folder of an installed package: its main entry, up to the package.json naming it. */
function packageRoot(name: string): string {
  let dir = path.dirname(packageRequire.resolve(name));
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === name) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package root for ${name}`);
    dir = parent;
  }
}

function compileTree(srcDir: string, outDir: string): void {
  for (const entry of readdirSync(srcDir, { withFileTypes: true })) {
    const from = path.join(srcDir, entry.name);
    if (entry.isDirectory()) {
      compileTree(from, path.join(outDir, entry.name));
    } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
      const { outputText } = ts.transpileModule(readFileSync(from, "utf8"), {
        fileName: from,
        compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
      });
      mkdirSync(outDir, { recursive: true });
      writeFileSync(path.join(outDir, entry.name.replace(/\.ts$/, ".js")), outputText);
    }
  }
}

/** Installs eslint-plugin-floe (and links its dependencies) under `projectDir/node_modules`. */
export function installPlugin(projectDir: string): string {
  const target = path.join(projectDir, "node_modules", "eslint-plugin-floe");
  compileTree(path.join(PACKAGE_DIR, "src"), path.join(target, "dist"));
  copyFileSync(path.join(PACKAGE_DIR, "package.json"), path.join(target, "package.json"));
  const manifest = JSON.parse(readFileSync(path.join(PACKAGE_DIR, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  for (const dependency of Object.keys(manifest.dependencies)) {
    const link = path.join(projectDir, "node_modules", dependency);
    mkdirSync(path.dirname(link), { recursive: true });
    if (!existsSync(link)) symlinkSync(packageRoot(dependency), link, "dir");
  }
  return target;
}
