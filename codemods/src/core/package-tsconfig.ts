/**
 * Which tsconfig.json types a file: its package's (the nearest folder with a
 * package.json, or a tsconfig.json on the way there). Plain file-system
 * checks, so deciding whether a type checker is needed never loads TypeScript.
 */
import { existsSync } from "node:fs";
import path from "node:path";

/** The tsconfig.json of the package holding `file`, or undefined (none, or inside node_modules). */
export function packageTsconfig(file: string): string | undefined {
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    if (dir.split(path.sep).includes("node_modules")) return undefined;
    const tsconfig = path.join(dir, "tsconfig.json");
    if (existsSync(tsconfig)) return tsconfig;
    if (existsSync(path.join(dir, "package.json")) || path.dirname(dir) === dir) return undefined;
  }
}
