/**
 * Moves the spans a legacy plugin opens itself onto the plugin's tracer and
 * the conventions, before instrument-operations decorates what is left:
 *
 * - a contract operation's own span (`@traced({ name })`, `traced(opts)(fn)`
 *   on an arrow-function property, `return tracer.startActiveSpan("x", fn)`,
 *   `const span = tracer.startSpan("x")`) becomes the operation's domain span
 *   (`@tracing.operation("op")` or the span helper), named
 *   `{category}.{operation}` with `floe.operation`; a legacy name it replaces
 *   is kept as the `floe.legacy.span_name` attribute, for old dashboards;
 * - an arrow-function property operation without a span gets wrapped in
 *   `tracing.operation("op")(...)`;
 * - everywhere else in src/: `trace.getTracer("anything")` becomes
 *   `tracing.getTracer()` and `traced(...)` from `@floe/runtime` without a
 *   tracer becomes `tracing.traced(...)`, so helper spans (retries, requests)
 *   come from the plugin's tracer too; their names are not operations and are
 *   kept, with a note saying so.
 *
 * What it cannot rewrite safely it leaves, with a note naming the place and the reason.
 */
import path from "node:path";
import {
  Node,
  SyntaxKind,
  type ArrowFunction,
  type CallExpression,
  type ClassDeclaration,
  type Expression,
  type FunctionExpression,
  type MethodDeclaration,
  type ObjectLiteralExpression,
  type SourceFile,
} from "ts-morph";
import { runtimeBindings } from "../../project/runtime-bindings.js";
import { spanEndEdits } from "./span-end.js";
import { applyEdits, removeStatementEdit, type Edit } from "./text-edits.js";
import { wrapMethodBody } from "./wrap-body.js";

const OTEL_API = "@opentelemetry/api";
export const TRACING_KIT = "tracing";
/** Where a migrated span keeps the name the legacy code gave it. */
export const LEGACY_SPAN_NAME_ATTRIBUTE = "floe.legacy.span_name";

export interface LegacySpanContext {
  readonly tracingPath: string;
  readonly tracerName: string;
  readonly category: string;
  readonly spanHelper: string;
  readonly operations: readonly string[];
  /** Notes for the user: what was left and why. */
  readonly notes: string[];
}

/** Names the file must import from the tracing module after the rewrite. */
export type NeededImports = Set<string>;

function where(node: Node): string {
  return `${node.getSourceFile().getBaseName()}:${node.getStartLineNumber()}`;
}

/** Local names bound to `@opentelemetry/api`'s `trace`, and namespace imports of the API. */
function otelBindings(file: SourceFile): { trace: Set<string>; namespaces: Set<string> } {
  const trace = new Set<string>();
  const namespaces = new Set<string>();
  for (const decl of file.getImportDeclarations()) {
    if (decl.getModuleSpecifierValue() !== OTEL_API) continue;
    const ns = decl.getNamespaceImport();
    if (ns) namespaces.add(ns.getText());
    for (const spec of decl.getNamedImports()) {
      if (spec.getName() === "trace") trace.add(spec.getAliasNode()?.getText() ?? "trace");
    }
  }
  return { trace, namespaces };
}

function isOtelTrace(expression: Expression, file: SourceFile): boolean {
  const bindings = otelBindings(file);
  if (Node.isIdentifier(expression)) return bindings.trace.has(expression.getText());
  if (Node.isPropertyAccessExpression(expression) && expression.getName() === "trace") {
    const target = expression.getExpression();
    return Node.isIdentifier(target) && bindings.namespaces.has(target.getText());
  }
  return false;
}

/** `traced` of `@floe/runtime` (named, aliased or through a namespace import). */
function isRuntimeTraced(expression: Expression): boolean {
  const bindings = runtimeBindings(expression.getSourceFile());
  if (Node.isIdentifier(expression)) return bindings.named.get(expression.getText()) === "traced";
  if (Node.isPropertyAccessExpression(expression) && expression.getName() === "traced") {
    const target = expression.getExpression();
    return Node.isIdentifier(target) && bindings.namespaces.has(target.getText());
  }
  return false;
}

function stringValue(node: Node | undefined): string | undefined {
  return node && (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) ? node.getLiteralValue() : undefined;
}

/** Whether a tracer argument (`TRACER_NAME`, `"floe.alert.x"`) already denotes the plugin's tracer. */
function isPluginTracerArgument(node: Node | undefined, context: LegacySpanContext): boolean {
  if (!node) return false;
  if (stringValue(node) === context.tracerName) return true;
  return Node.isIdentifier(node) && node.getText() === "TRACER_NAME";
}

function propertyNamed(object: ObjectLiteralExpression, name: string): Node | undefined {
  return object.getProperties().find((p) => (Node.isPropertyAssignment(p) || Node.isShorthandPropertyAssignment(p)) && p.getName() === name);
}

function propertyValue(property: Node | undefined): Node | undefined {
  if (!property) return undefined;
  if (Node.isPropertyAssignment(property)) return property.getInitializer();
  if (Node.isShorthandPropertyAssignment(property)) return property.getNameNode();
  return undefined;
}

/** `"floe.legacy.span_name": <old name>`, unless the old name is the conventional one. */
function legacyNameEntry(name: Node | undefined, conventional: string): string[] {
  if (!name || stringValue(name) === conventional) return [];
  return [`${JSON.stringify(LEGACY_SPAN_NAME_ATTRIBUTE)}: ${name.getText()}`];
}

/** Attribute entries of an `attributes` value: the literal's properties, or a spread of the expression. */
function attributeEntries(value: Node | undefined): string[] {
  if (!value) return [];
  if (Node.isObjectLiteralExpression(value)) return value.getProperties().map((p) => p.getText());
  return [`...${value.getText()}`];
}

function objectText(entries: readonly string[]): string {
  return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
}

/**
 * `traced({ name, tracer, ...rest })` -> `tracing.operation("op", { ...rest })`, the legacy name kept as an
 * attribute. Undefined when the call is already conventional or its options are not an object literal.
 */
function operationDecoratorText(call: CallExpression, operation: string, context: LegacySpanContext): string | undefined {
  const [options, ...more] = call.getArguments();
  if (more.length > 0) return undefined;
  const conventional = `${context.category}.${operation}`;
  if (options !== undefined && !Node.isObjectLiteralExpression(options)) return undefined;
  const properties = options?.getProperties() ?? [];
  if (properties.some((p) => !Node.isPropertyAssignment(p) && !Node.isShorthandPropertyAssignment(p) && !Node.isMethodDeclaration(p))) {
    return undefined; // a spread: cannot tell which options it carries
  }
  const name = options ? propertyValue(propertyNamed(options, "name")) : undefined;
  const tracer = options ? propertyValue(propertyNamed(options, "tracer")) : undefined;
  if (stringValue(name) === conventional && isPluginTracerArgument(tracer, context)) return undefined;
  const rest: string[] = [];
  let attributes = legacyNameEntry(name, conventional);
  for (const property of properties) {
    const key = Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property) || Node.isMethodDeclaration(property) ? property.getName() : "";
    if (key === "name" || key === "tracer") continue;
    if (key === "attributes") attributes = [...attributes, ...attributeEntries(propertyValue(property))];
    else rest.push(property.getText());
  }
  if (attributes.length > 0) rest.unshift(`attributes: ${objectText(attributes)}`);
  return `${TRACING_KIT}.operation(${JSON.stringify(operation)}${rest.length > 0 ? `, { ${rest.join(", ")} }` : ""})`;
}

/** Splits span options (`{ attributes, kind }`) into helper attributes and helper options; undefined when other options are set. */
function splitSpanOptions(options: Node | undefined): { attributes: string[]; helperOptions: string | undefined } | undefined {
  if (options === undefined) return { attributes: [], helperOptions: undefined };
  if (!Node.isObjectLiteralExpression(options)) return undefined;
  let attributes: string[] = [];
  const helperOptions: string[] = [];
  for (const property of options.getProperties()) {
    if (!Node.isPropertyAssignment(property) && !Node.isShorthandPropertyAssignment(property)) return undefined;
    if (property.getName() === "attributes") attributes = attributeEntries(propertyValue(property));
    else if (property.getName() === "kind") helperOptions.push(property.getText());
    else return undefined;
  }
  return { attributes, helperOptions: helperOptions.length > 0 ? objectText(helperOptions) : undefined };
}

function isFunctionLike(node: Node | undefined): node is ArrowFunction | FunctionExpression {
  return node !== undefined && (Node.isArrowFunction(node) || Node.isFunctionExpression(node));
}

function calledMethod(call: CallExpression): string | undefined {
  const callee = call.getExpression();
  return Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
}

/**
 * `tracer.startActiveSpan("x", [options,] (span) => {...})` -> `helper("op", { legacy name, attributes },
 * (span) => {...}[, { kind }])`, without the callback's own `span.end()`.
 */
function activeSpanEdits(call: CallExpression, operation: string, context: LegacySpanContext): Edit[] | string {
  const args = call.getArguments();
  const fn = args[args.length - 1];
  if (args.length < 2 || args.length > 3 || !isFunctionLike(fn)) return "startActiveSpan with a context argument or a callback that is not a function literal";
  const split = splitSpanOptions(args.length === 3 ? args[1] : undefined);
  if (!split) return "startActiveSpan options other than attributes and kind";
  const conventional = `${context.category}.${operation}`;
  if (stringValue(args[0]) === conventional) return []; // conventional already; its tracer is retargeted with the others
  const attributes = [...legacyNameEntry(args[0], conventional), ...split.attributes];
  const param = fn.getParameters()[0];
  const edits: Edit[] = [
    { start: call.getStart(), end: fn.getStart(), text: `${context.spanHelper}(${JSON.stringify(operation)}, ${objectText(attributes)}, ` },
    ...(param ? spanEndEdits(fn.getBody(), param.getName()) : []),
    { start: fn.getEnd(), end: call.getEnd(), text: split.helperOptions ? `, ${split.helperOptions})` : ")" },
  ];
  return edits;
}

/** The `startActiveSpan` call a function body returns (`return tracer.startActiveSpan(...)`, or an arrow's expression body). */
function returnedActiveSpan(body: Node | undefined): CallExpression | undefined {
  if (!body) return undefined;
  let expression: Node | undefined;
  if (Node.isBlock(body)) {
    const returns = body.getStatements().filter((s) => Node.isReturnStatement(s));
    if (returns.length !== 1) return undefined;
    expression = returns[0]!.asKindOrThrow(SyntaxKind.ReturnStatement).getExpression();
  } else {
    expression = body;
  }
  if (expression && Node.isAwaitExpression(expression)) expression = expression.getExpression();
  if (expression && Node.isParenthesizedExpression(expression)) expression = expression.getExpression();
  return expression && Node.isCallExpression(expression) && calledMethod(expression) === "startActiveSpan" ? expression : undefined;
}

/** `const span = tracer.startSpan("x", options)` among a method body's top-level statements. */
function startSpanDeclaration(method: MethodDeclaration) {
  for (const statement of method.getStatements()) {
    if (!Node.isVariableStatement(statement)) continue;
    const declarations = statement.getDeclarations();
    if (declarations.length !== 1) continue;
    const declaration = declarations[0]!;
    const init = declaration.getInitializer();
    if (init && Node.isCallExpression(init) && calledMethod(init) === "startSpan" && Node.isIdentifier(declaration.getNameNode())) {
      return { statement, param: declaration.getName(), call: init };
    }
  }
  return undefined;
}

type Outcome = { kind: "done"; imports: string[] } | { kind: "skip" } | { kind: "note"; message: string };

function migrateMethod(
  method: MethodDeclaration,
  operation: string,
  context: LegacySpanContext,
  findClass: () => ClassDeclaration,
): Outcome {
  for (const decorator of method.getDecorators()) {
    const call = decorator.getCallExpression();
    if (!call || !isRuntimeTraced(call.getExpression())) continue;
    const text = operationDecoratorText(call, operation, context);
    if (text === undefined) return { kind: "skip" };
    applyEdits(method.getSourceFile(), [{ start: call.getStart(), end: call.getEnd(), text }]);
    return { kind: "done", imports: [TRACING_KIT] };
  }
  if (method.getDecorators().length > 0) return { kind: "skip" };
  const active = returnedActiveSpan(method.getBody());
  if (active) {
    const edits = activeSpanEdits(active, operation, context);
    if (typeof edits === "string") return { kind: "note", message: edits };
    if (edits.length === 0) return { kind: "skip" };
    applyEdits(method.getSourceFile(), edits);
    return { kind: "done", imports: [context.spanHelper] };
  }
  const started = startSpanDeclaration(method);
  if (started) {
    const args = started.call.getArguments();
    if (stringValue(args[0]) === `${context.category}.${operation}`) return { kind: "skip" };
    const split = args.length <= 2 ? splitSpanOptions(args[1]) : undefined;
    if (!split) return { kind: "note", message: "startSpan options other than attributes and kind" };
    const attributes = objectText([...legacyNameEntry(args[0], `${context.category}.${operation}`), ...split.attributes]);
    const body = method.getBodyOrThrow();
    const name = method.getName();
    applyEdits(method.getSourceFile(), [removeStatementEdit(started.statement), ...spanEndEdits(body, started.param, started.statement)]);
    const refreshed = findClass().getMethods().find((m) => m.getName() === name && m.hasBody());
    if (!refreshed) throw new Error(`lost track of method ${name} while editing`);
    wrapMethodBody(refreshed, context.spanHelper, operation, { param: started.param, attributes, options: split.helperOptions });
    return { kind: "done", imports: [context.spanHelper] };
  }
  return { kind: "skip" };
}

function opensAnySpan(node: Node, context: LegacySpanContext): boolean {
  const openers = ["startSpan", "startActiveSpan", "withSpan", "traced", "operation", "span", context.spanHelper];
  return node.getDescendantsOfKind(SyntaxKind.CallExpression).some((c) => openers.includes(calledMethod(c) ?? c.getExpression().getText()));
}

/** An operation declared as a class property: `sendAlert = async (alert) => {...}` or `= traced(opts)(fn)`. */
function migrateProperty(declaration: ClassDeclaration, operation: string, context: LegacySpanContext): Outcome {
  const property = declaration.getProperty(operation);
  if (!property || property.isStatic()) return { kind: "skip" };
  const init = property.getInitializer();
  if (!init) return { kind: "skip" };
  const sourceFile = declaration.getSourceFile();
  if (Node.isCallExpression(init)) {
    const inner = init.getExpression();
    if (Node.isCallExpression(inner) && isRuntimeTraced(inner.getExpression())) {
      const text = operationDecoratorText(inner, operation, context);
      if (text === undefined) return { kind: "skip" };
      applyEdits(sourceFile, [{ start: inner.getStart(), end: inner.getEnd(), text }]);
      return { kind: "done", imports: [TRACING_KIT] };
    }
    return { kind: "skip" };
  }
  if (!isFunctionLike(init)) return { kind: "skip" };
  const active = returnedActiveSpan(init.getBody());
  if (active) {
    const edits = activeSpanEdits(active, operation, context);
    if (typeof edits === "string") return { kind: "note", message: edits };
    if (edits.length === 0) return { kind: "skip" };
    applyEdits(sourceFile, edits);
    return { kind: "done", imports: [context.spanHelper] };
  }
  if (opensAnySpan(init, context)) return { kind: "note", message: "the property's function opens a span in a shape the codemod does not rewrite" };
  applyEdits(sourceFile, [
    { start: init.getStart(), end: init.getStart(), text: `${TRACING_KIT}.operation(${JSON.stringify(operation)})(` },
    { start: init.getEnd(), end: init.getEnd(), text: ")" },
  ]);
  return { kind: "done", imports: [TRACING_KIT] };
}

/** Migrates the plugin class's operations; returns the names to import from the tracing module. */
export function migrateOperations(
  findClass: () => ClassDeclaration,
  context: LegacySpanContext,
): NeededImports {
  const needed: NeededImports = new Set();
  for (const operation of context.operations) {
    const declaration = findClass();
    const method = declaration.getMethods().find((m) => m.getName() === operation && m.hasBody() && !m.isStatic());
    const outcome = method ? migrateMethod(method, operation, context, findClass) : migrateProperty(declaration, operation, context);
    if (outcome.kind === "done") outcome.imports.forEach((name) => needed.add(name));
    if (outcome.kind === "note") {
      const node = method ?? declaration.getProperty(operation) ?? declaration;
      context.notes.push(`${where(node)}: left ${declaration.getName() ?? "default"}.${operation} as it was: ${outcome.message}`);
    }
  }
  return needed;
}

/** Is this call the argument of a decorator? (decorators of operations were handled by migrateOperations) */
function isTracedOptionsWithTracer(call: CallExpression): boolean {
  const options = call.getArguments()[0];
  return options !== undefined && Node.isObjectLiteralExpression(options) && propertyNamed(options, "tracer") !== undefined;
}

/**
 * Everywhere in a file: legacy `trace.getTracer(...)` -> `tracing.getTracer()`, runtime `traced(...)` without a
 * tracer -> on the plugin's tracer. Returns whether the file now uses `tracing`.
 */
export function retargetTracers(file: SourceFile, context: LegacySpanContext): boolean {
  const edits: Edit[] = [];
  for (const call of file.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === "getTracer" && isOtelTrace(callee.getExpression(), file)) {
      if (isPluginTracerArgument(call.getArguments()[0], context)) continue;
      edits.push({ start: call.getStart(), end: call.getEnd(), text: `${TRACING_KIT}.getTracer()` });
      continue;
    }
    if (!isRuntimeTraced(callee) || isTracedOptionsWithTracer(call)) continue;
    const args = call.getArguments();
    const options = args[0];
    const name = options && Node.isObjectLiteralExpression(options) ? stringValue(propertyValue(propertyNamed(options, "name"))) : undefined;
    if (args.length <= 1) {
      edits.push({ start: callee.getStart(), end: callee.getEnd(), text: `${TRACING_KIT}.traced` });
    } else if (options && Node.isObjectLiteralExpression(options)) {
      edits.push({ start: options.getStart() + 1, end: options.getStart() + 1, text: ` tracer: ${TRACING_KIT}.TRACER_NAME,` });
    } else {
      continue;
    }
    if (name !== undefined) {
      context.notes.push(
        `${where(call)}: kept the span name ${JSON.stringify(name)} (not a contract operation of the plugin class); its spans now come from the plugin's tracer`,
      );
    }
  }
  if (edits.length === 0) return false;
  applyEdits(file, edits);
  return true;
}

/** Whether `name` is referenced anywhere in the file outside its own import. */
function isReferenced(file: SourceFile, name: string, importNode: Node): boolean {
  return file
    .getDescendantsOfKind(SyntaxKind.Identifier)
    .some((id) => {
      if (id.getText() !== name || id.getAncestors().includes(importNode)) return false;
      const parent = id.getParent();
      // `x.traced` and `{ traced: ... }` name a property, not the binding
      if (parent && Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) return false;
      if (parent && Node.isPropertyAssignment(parent) && parent.getNameNode() === id) return false;
      return true;
    });
}

/** Drops the OpenTelemetry `trace` / runtime `traced` imports (and namespace imports) the rewrite left unused. */
export function removeUnusedLegacyImports(file: SourceFile, runtimeModule: string): void {
  const relevant = () =>
    file.getImportDeclarations().filter((d) => !d.isTypeOnly() && [OTEL_API, runtimeModule].includes(d.getModuleSpecifierValue()));
  for (const decl of relevant()) {
    const wanted = decl.getModuleSpecifierValue() === OTEL_API ? "trace" : "traced";
    const unused = decl.getNamedImports().filter((spec) => {
      const local = spec.getAliasNode()?.getText() ?? spec.getName();
      return spec.getName() === wanted && !isReferenced(file, local, decl);
    });
    // keep at least one specifier here: a declaration left without bindings is removed below, as text
    if (unused.length < decl.getNamedImports().length || decl.getDefaultImport()) unused.forEach((spec) => spec.remove());
  }
  // Whole declarations go as text, so a header comment above the first import stays.
  const edits: Edit[] = [];
  for (const statement of file.getVariableStatements()) {
    // `const tracer = tracing.getTracer();` whose spans all moved to the span helper
    const declarations = statement.getDeclarations();
    const only = declarations.length === 1 ? declarations[0]! : undefined;
    if (!only || statement.isExported() || only.getInitializer()?.getText() !== `${TRACING_KIT}.getTracer()`) continue;
    if (!isReferenced(file, only.getName(), statement)) edits.push(removeStatementEdit(statement));
  }
  for (const decl of relevant()) {
    const ns = decl.getNamespaceImport();
    const named = decl.getNamedImports();
    const wanted = decl.getModuleSpecifierValue() === OTEL_API ? "trace" : "traced";
    const nsUnused = ns !== undefined && !isReferenced(file, ns.getText(), decl);
    const namedUnused =
      ns === undefined &&
      !decl.getDefaultImport() &&
      named.length > 0 &&
      named.every((spec) => spec.getName() === wanted && !isReferenced(file, spec.getAliasNode()?.getText() ?? wanted, decl));
    if (nsUnused || namedUnused) edits.push(removeStatementEdit(decl));
  }
  applyEdits(file, edits);
}

/** Whether a source file is the package's tracing module. */
export function isTracingModule(file: SourceFile, tracingPath: string): boolean {
  return path.resolve(file.getFilePath()) === path.resolve(tracingPath);
}
