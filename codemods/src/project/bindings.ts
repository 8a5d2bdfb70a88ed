/**
 * Whether a module-level name is already bound in a source file (by an
 * import, a variable, a function or a class), so generated code neither
 * duplicates an import nor shadows the author's own declaration.
 */
import type { SourceFile } from "ts-morph";

export function hasTopLevelBinding(sourceFile: SourceFile, name: string): boolean {
  for (const decl of sourceFile.getImportDeclarations()) {
    if (decl.getDefaultImport()?.getText() === name) return true;
    if (decl.getNamespaceImport()?.getText() === name) return true;
    if (decl.getNamedImports().some((s) => (s.getAliasNode()?.getText() ?? s.getName()) === name)) return true;
  }
  if (sourceFile.getVariableDeclaration(name)) return true;
  if (sourceFile.getFunction(name)) return true;
  if (sourceFile.getClass(name)) return true;
  return false;
}
