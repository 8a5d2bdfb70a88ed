/**
 * Adds named imports of a package-local module (`./tracing.js`) to a source
 * file: merged into an existing import of that module, otherwise a new
 * import after the last one, or after the file's header comment.
 */
import { ts, type ImportDeclaration, type SourceFile } from "ts-morph";
import { relativeSpecifier, specifierDenotes } from "./module-specifiers.js";

/** Import declarations of `sourceFile` that load `targetFile` (value imports only). */
function importsOf(sourceFile: SourceFile, targetFile: string): ImportDeclaration[] {
  return sourceFile
    .getImportDeclarations()
    .filter((d) => !d.isTypeOnly() && specifierDenotes(sourceFile.getFilePath(), d.getModuleSpecifierValue(), targetFile));
}

/** Whether `name` is already imported (unaliased) from `targetFile`. */
export function importsName(sourceFile: SourceFile, targetFile: string, name: string): boolean {
  return importsOf(sourceFile, targetFile).some((d) =>
    d.getNamedImports().some((s) => !s.isTypeOnly() && s.getName() === name && (s.getAliasNode()?.getText() ?? name) === name),
  );
}

/** End of the file's header comment (a leading comment followed by a blank line), or undefined. */
function headerCommentEnd(text: string): number | undefined {
  const shebang = /^#![^\n]*\n/.exec(text);
  const start = shebang ? shebang[0].length : 0;
  let end: number | undefined;
  for (const range of ts.getLeadingCommentRanges(text, start) ?? []) {
    if (/^[ \t]*\n[ \t]*\n/.test(text.slice(range.end)) || text.slice(range.end).trim() === "") end = range.end;
  }
  return end ?? (shebang ? shebang[0].length - 1 : undefined);
}

/** Ensures `import { ...names } from "<specifier of targetFile>"` in `sourceFile`. */
export function ensureNamedImports(sourceFile: SourceFile, targetFile: string, names: readonly string[]): void {
  const missing = names.filter((n) => !importsName(sourceFile, targetFile, n));
  if (missing.length === 0) return;
  const existing = importsOf(sourceFile, targetFile).find((d) => !d.getNamespaceImport());
  if (existing) {
    existing.addNamedImports(missing);
    return;
  }
  const specifier = relativeSpecifier(sourceFile.getFilePath(), targetFile);
  const imports = sourceFile.getImportDeclarations();
  const last = imports[imports.length - 1];
  const quote = last && last.getModuleSpecifier().getText().startsWith("'") ? "'" : '"';
  const semicolon = last && !last.getText().trimEnd().endsWith(";") ? "" : ";";
  const line = `import { ${missing.join(", ")} } from ${quote}${specifier}${quote}${semicolon}`;
  if (last) {
    sourceFile.insertText(last.getEnd(), `\n${line}`);
    return;
  }
  const header = headerCommentEnd(sourceFile.getFullText());
  if (header === undefined) sourceFile.insertText(0, `${line}\n\n`);
  else sourceFile.insertText(header, `\n\n${line}`);
}
