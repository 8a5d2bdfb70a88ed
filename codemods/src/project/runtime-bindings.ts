/**
 * Which local names of a source file denote exports of `@floe/runtime`:
 * named imports (aliases included), namespace imports (`rt.PluginMetadata`)
 * and CommonJS `require` destructuring, so base classes and `PluginType`
 * are recognised by binding, not by spelling.
 */
import { Node, type Expression, type SourceFile } from "ts-morph";
import { RUNTIME_MODULE } from "@floe/runtime/conventions";

export interface RuntimeBindings {
  /** Local name -> exported name. */
  readonly named: ReadonlyMap<string, string>;
  /** Local names bound to the whole module. */
  readonly namespaces: ReadonlySet<string>;
}

const cache = new WeakMap<SourceFile, { text: string; bindings: RuntimeBindings }>();

function isRuntimeModule(specifier: string): boolean {
  return specifier === RUNTIME_MODULE;
}

function collect(sourceFile: SourceFile): RuntimeBindings {
  const named = new Map<string, string>();
  const namespaces = new Set<string>();
  for (const decl of sourceFile.getImportDeclarations()) {
    if (!isRuntimeModule(decl.getModuleSpecifierValue())) continue;
    const ns = decl.getNamespaceImport();
    if (ns) namespaces.add(ns.getText());
    for (const spec of decl.getNamedImports()) {
      named.set(spec.getAliasNode()?.getText() ?? spec.getName(), spec.getName());
    }
  }
  for (const statement of sourceFile.getVariableStatements()) {
    for (const decl of statement.getDeclarations()) {
      const init = decl.getInitializer();
      if (!init || !Node.isCallExpression(init)) continue;
      const [arg] = init.getArguments();
      if (init.getExpression().getText() !== "require" || !arg || !Node.isStringLiteral(arg)) continue;
      if (!isRuntimeModule(arg.getLiteralValue())) continue;
      const nameNode = decl.getNameNode();
      if (Node.isIdentifier(nameNode)) namespaces.add(nameNode.getText());
      if (Node.isObjectBindingPattern(nameNode)) {
        for (const element of nameNode.getElements()) {
          const exported = element.getPropertyNameNode()?.getText() ?? element.getName();
          named.set(element.getName(), exported);
        }
      }
    }
  }
  return { named, namespaces };
}

export function runtimeBindings(sourceFile: SourceFile): RuntimeBindings {
  const text = sourceFile.getFullText();
  const cached = cache.get(sourceFile);
  if (cached && cached.text === text) return cached.bindings;
  const bindings = collect(sourceFile);
  cache.set(sourceFile, { text, bindings });
  return bindings;
}

/** The `@floe/runtime` export an expression names (`Base`, `rt.AlertChannelPlugin`), or undefined. */
export function runtimeExportName(expression: Expression): string | undefined {
  const bindings = runtimeBindings(expression.getSourceFile());
  if (Node.isIdentifier(expression)) return bindings.named.get(expression.getText());
  if (Node.isPropertyAccessExpression(expression)) {
    const target = expression.getExpression();
    if (Node.isIdentifier(target) && bindings.namespaces.has(target.getText())) return expression.getName();
  }
  return undefined;
}
