/**
 * Relative module specifiers between files of one package: resolving
 * `./base.js` to the `base.ts` it means (NodeNext style), and computing the
 * specifier a file should use to import another (`../tracing.js`).
 */
import path from "node:path";

const JS_TO_TS: Readonly<Record<string, readonly string[]>> = {
  ".js": [".ts", ".tsx", ".js", ".jsx"],
  ".jsx": [".tsx", ".jsx"],
  ".mjs": [".mts", ".mjs"],
  ".cjs": [".cts", ".cjs"],
};
const BARE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier === "." || specifier === ".." || specifier.startsWith("./") || specifier.startsWith("../");
}

/** Candidate file paths a relative specifier may denote, most likely first. */
export function candidateFiles(fromFile: string, specifier: string): string[] {
  const target = path.resolve(path.dirname(fromFile), specifier);
  const ext = path.extname(target);
  const mapped = JS_TO_TS[ext];
  if (mapped) {
    const stem = target.slice(0, -ext.length);
    return mapped.map((e) => stem + e);
  }
  if (BARE_EXTENSIONS.includes(ext)) return [target];
  return [...BARE_EXTENSIONS.map((e) => target + e), ...BARE_EXTENSIONS.map((e) => path.join(target, `index${e}`))];
}

/** Whether `specifier`, written in `fromFile`, denotes `targetFile`. */
export function specifierDenotes(fromFile: string, specifier: string, targetFile: string): boolean {
  if (!isRelativeSpecifier(specifier)) return false;
  return candidateFiles(fromFile, specifier).includes(path.resolve(targetFile));
}

/** The ESM specifier (`./tracing.js`, `../tracing.js`) `fromFile` uses to import `targetFile`. */
export function relativeSpecifier(fromFile: string, targetFile: string): string {
  const ext = path.extname(targetFile);
  const runtimeExt = ext === ".ts" || ext === ".tsx" ? ".js" : ext === ".mts" ? ".mjs" : ext === ".cts" ? ".cjs" : ext;
  const withoutExt = targetFile.slice(0, -ext.length) + runtimeExt;
  let relative = path.relative(path.dirname(fromFile), withoutExt).split(path.sep).join("/");
  if (!relative.startsWith(".")) relative = `./${relative}`;
  return relative;
}
