/**
 * Makes the plugin class report the generated tracer name: adds
 * `override get tracerName(): string { return TRACER_NAME; }` when no class
 * of its local chain declares one, replaces a wrong string literal with
 * TRACER_NAME, and leaves a correct declaration alone.
 */
import { Node, type ClassDeclaration, type Expression } from "ts-morph";
import type { PluginClassInfo } from "../../project/plugin-class.js";

export const TRACER_NAME_CONSTANT = "TRACER_NAME";
const MEMBER = "tracerName";
const METADATA_MEMBERS = new Set(["name", "version", "pluginType", "floeApiVersion"]);

export type TracerNameMemberResult =
  /** The class now returns TRACER_NAME, which the file must import. */
  | "uses-constant"
  /** A literal with the right value, or an expression we leave to its author. */
  | "kept";

/** The expression a `tracerName` getter returns or a property is initialised with. */
function declaredValue(declaration: ClassDeclaration): Expression | "absent" | "opaque" {
  const getter = declaration.getGetAccessor(MEMBER);
  if (getter && !getter.isStatic()) {
    const statements = getter.getStatements();
    const only = statements.length === 1 ? statements[0] : undefined;
    if (only && Node.isReturnStatement(only)) return only.getExpression() ?? "opaque";
    return "opaque";
  }
  const property = declaration.getProperty(MEMBER);
  if (property && !property.isStatic()) return property.getInitializer() ?? "opaque";
  return "absent";
}

function insertionIndex(declaration: ClassDeclaration): number {
  const members = declaration.getMembers();
  const lastIndexOf = (test: (m: (typeof members)[number]) => boolean): number => {
    for (let i = members.length - 1; i >= 0; i--) if (test(members[i]!)) return i;
    return -1;
  };
  const metadata = lastIndexOf(
    (m) => (Node.isGetAccessorDeclaration(m) || Node.isPropertyDeclaration(m)) && METADATA_MEMBERS.has(m.getName()),
  );
  if (metadata >= 0) return metadata + 1;
  const constructor = lastIndexOf((m) => Node.isConstructorDeclaration(m));
  if (constructor >= 0) return constructor + 1;
  return lastIndexOf((m) => Node.isPropertyDeclaration(m)) + 1;
}

/** The whitespace before `node` on its line. */
function lineIndentOf(node: Node): string {
  const text = node.getSourceFile().getFullText();
  const start = node.getStart();
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, start))![0];
}

/**
 * ts-morph indents inserted members by the TypeScript formatter's idea of the class's level,
 * which is one level too deep after some statements (e.g. `export type { X };` above the class).
 * Align the new member with its siblings instead (the last step on this class: its nodes are forgotten).
 */
function alignWithSiblings(declaration: ClassDeclaration, member: Node): void {
  const sibling = declaration.getMembers().find((m) => m !== member);
  const expected = sibling ? lineIndentOf(sibling) : undefined;
  const actual = lineIndentOf(member);
  if (expected === undefined || expected === actual) return;
  const lines = member.getText().split("\n");
  const realigned = lines.map((line, i) => (i > 0 && line.startsWith(actual) ? expected + line.slice(actual.length) : line)).join("\n");
  const start = member.getStart();
  const lineStart = start - actual.length;
  member.getSourceFile().replaceText([lineStart, member.getEnd()], expected + realigned);
}

function addTracerNameGetter(declaration: ClassDeclaration, language: "ts" | "js"): void {
  const getter = declaration.insertGetAccessor(insertionIndex(declaration), {
    name: MEMBER,
    returnType: language === "ts" ? "string" : undefined,
    statements: [`return ${TRACER_NAME_CONSTANT};`],
  });
  if (language === "ts") getter.toggleModifier("override", true);
  alignWithSiblings(declaration, getter);
}

export function ensureTracerNameMember(
  plugin: PluginClassInfo,
  tracerName: string,
  language: "ts" | "js",
): TracerNameMemberResult {
  const owner = plugin.localChain.find((c) => declaredValue(c) !== "absent");
  if (!owner) {
    addTracerNameGetter(plugin.classDeclaration, language);
    return "uses-constant";
  }
  const value = declaredValue(owner);
  if (value === "absent" || value === "opaque") return "kept";
  if (Node.isIdentifier(value) && value.getText() === TRACER_NAME_CONSTANT) {
    return owner.getSourceFile() === plugin.sourceFile ? "uses-constant" : "kept";
  }
  if (Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)) {
    if (value.getLiteralValue() === tracerName) return "kept";
    if (owner !== plugin.classDeclaration) {
      // A wrong literal on a local base class: override it where the plugin is declared.
      addTracerNameGetter(plugin.classDeclaration, language);
      return "uses-constant";
    }
    value.replaceWithText(TRACER_NAME_CONSTANT);
    return "uses-constant";
  }
  return "kept";
}
