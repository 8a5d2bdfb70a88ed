/**
 * Makes the plugin class take its identity from the generated tracing
 * module: the runtime base `X` it extends becomes `tracing.Plugin(X)`, and the
 * hand-written `tracerName`, `name` and `version` members the declaration now
 * answers are removed. What the declaration cannot stand for stays: a `name`
 * other than the one the package implies, a value computed by an expression
 * (both reported as notes, and marked `override` in TypeScript).
 */
import {
  Node,
  SyntaxKind,
  type ClassDeclaration,
  type Expression,
  type GetAccessorDeclaration,
  type PropertyDeclaration,
  type SourceFile,
} from "ts-morph";
import { hasTopLevelBinding } from "../../project/bindings.js";
import { importsName } from "../../project/imports.js";
import type { PluginClassInfo } from "../../project/plugin-class.js";

/** The tracing module's export the class extends `.Plugin(...)` of. */
export const TRACING_KIT = "tracing";
/** The tracer-name constant hand-written getters used to return. */
const TRACER_NAME_CONSTANT = "TRACER_NAME";

export interface DeclaredIdentity {
  readonly name: string;
  readonly version: string;
  readonly tracerName: string;
}

type IdentityMember = "tracerName" | "name" | "version";
const MEMBERS: readonly IdentityMember[] = ["tracerName", "name", "version"];

/** A class's own non-static getter or property named `member`, with the value it yields. */
function ownMember(
  declaration: ClassDeclaration,
  member: IdentityMember,
): { node: GetAccessorDeclaration | PropertyDeclaration; value: Expression | undefined } | undefined {
  const getter = declaration.getGetAccessor(member);
  if (getter && !getter.isStatic()) {
    const statements = getter.getStatements();
    const only = statements.length === 1 ? statements[0] : undefined;
    return { node: getter, value: only && Node.isReturnStatement(only) ? only.getExpression() : undefined };
  }
  const property = declaration.getProperty(member);
  if (property && !property.isStatic()) return { node: property, value: property.getInitializer() };
  return undefined;
}

function literalValue(value: Expression | undefined): string | undefined {
  if (value && (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value))) return value.getLiteralValue();
  return undefined;
}

/** Whether the declaration answers this member, so the hand-written one can go. */
function declarationAnswers(member: IdentityMember, value: Expression | undefined, identity: DeclaredIdentity): boolean {
  const literal = literalValue(value);
  if (member === "tracerName") return literal !== undefined || (value !== undefined && Node.isIdentifier(value) && value.getText() === TRACER_NAME_CONSTANT);
  if (member === "version") return literal !== undefined; // package.json's version is the one truth
  return literal === identity.name;
}

function markOverride(node: GetAccessorDeclaration | PropertyDeclaration): void {
  if (!node.hasModifier(SyntaxKind.OverrideKeyword)) node.toggleModifier("override", true);
}

/** Drops `TRACER_NAME` from the file's imports once nothing else in the file refers to it. */
function dropUnusedTracerNameImport(file: SourceFile): void {
  for (const declaration of file.getImportDeclarations()) {
    for (const specifier of declaration.getNamedImports()) {
      const local = specifier.getAliasNode()?.getText() ?? specifier.getName();
      if (specifier.getName() !== TRACER_NAME_CONSTANT) continue;
      const uses = file.getDescendantsOfKind(SyntaxKind.Identifier).filter((id) => id.getText() === local && !id.getFirstAncestorByKind(SyntaxKind.ImportDeclaration));
      if (uses.length > 0) continue;
      if (declaration.getNamedImports().length === 1 && !declaration.getDefaultImport() && !declaration.getNamespaceImport()) declaration.remove();
      else specifier.remove();
      return;
    }
  }
}

/**
 * Rewrites the class chain. Returns the file that must import `tracing` from the tracing module
 * (the one whose class now extends `tracing.Plugin(...)`), or undefined when none must.
 */
export function ensureIdentityBase(
  plugin: PluginClassInfo,
  identity: DeclaredIdentity,
  tracingPath: string,
  language: "ts" | "js",
  notes: string[],
): SourceFile | undefined {
  const root = plugin.localChain[plugin.localChain.length - 1]!;
  const rootFile = root.getSourceFile();
  let importer: SourceFile | undefined;
  if (plugin.identityBase === "none") {
    if (hasTopLevelBinding(rootFile, TRACING_KIT) && !importsName(rootFile, tracingPath, TRACING_KIT)) {
      throw new Error(
        `${rootFile.getFilePath()}: "${TRACING_KIT}" is already declared; rename it so the plugin class can extend ${TRACING_KIT}.Plugin(...) from its tracing module`,
      );
    }
    const heritage = root.getExtends()!;
    heritage.replaceWithText(`${TRACING_KIT}.Plugin(${heritage.getText()})`);
    importer = rootFile;
  } else if (plugin.identityBase === "kit") {
    importer = rootFile;
  }
  const edited = new Set<SourceFile>();
  for (const declaration of plugin.localChain) {
    for (const member of MEMBERS) {
      const found = ownMember(declaration, member);
      if (!found) continue;
      if (declarationAnswers(member, found.value, identity)) {
        const literal = literalValue(found.value);
        if (member === "version" && literal !== identity.version) {
          notes.push(`${declaration.getName() ?? "the plugin class"} said version ${literal}; it now reports package.json's ${identity.version}`);
        }
        found.node.remove();
        edited.add(declaration.getSourceFile());
      } else {
        notes.push(`kept ${declaration.getName() ?? "the plugin class"}.${member}: its value is not the declared ${member} (${identity[member]})`);
        if (language === "ts") markOverride(found.node);
      }
    }
  }
  // Last: import edits re-parse a file and forget its class nodes.
  for (const file of edited) dropUnusedTracerNameImport(file);
  return importer;
}
