/**
 * Whether a class is exported, decided from syntax alone (`export class`,
 * `export default class`, `export { Name }`, `export default Name`). ts-morph's
 * own `isExported()` builds a type checker, which costs a program per package.
 */
import type { ClassDeclaration } from "ts-morph";

export function isDefaultExportedClass(declaration: ClassDeclaration): boolean {
  if (declaration.hasDefaultKeyword()) return true;
  const name = declaration.getName();
  if (!name) return false;
  const file = declaration.getSourceFile();
  return (
    file.getExportAssignments().some((a) => !a.isExportEquals() && a.getExpression().getText() === name) ||
    file
      .getExportDeclarations()
      .some((d) => !d.getModuleSpecifier() && d.getNamedExports().some((e) => e.getName() === name && e.getAliasNode()?.getText() === "default"))
  );
}

/** The name other modules import the class by (`default` for a default export), or undefined when not exported. */
export function exportNameOf(declaration: ClassDeclaration): string | undefined {
  if (isDefaultExportedClass(declaration)) return "default";
  if (declaration.hasExportKeyword()) return declaration.getName();
  const name = declaration.getName();
  if (!name) return undefined;
  for (const exportDeclaration of declaration.getSourceFile().getExportDeclarations()) {
    if (exportDeclaration.getModuleSpecifier()) continue;
    const specifier = exportDeclaration.getNamedExports().find((e) => e.getName() === name);
    if (specifier) return specifier.getAliasNode()?.getText() ?? name;
  }
  return undefined;
}

export function isExportedClass(declaration: ClassDeclaration): boolean {
  return exportNameOf(declaration) !== undefined;
}

