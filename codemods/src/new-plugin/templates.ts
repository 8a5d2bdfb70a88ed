/**
 * The files of a new plugin package, as text: the same layout as every
 * plugin under plugins/ (package.json with its `floe` block, the tsconfigs
 * extending the repo's, the shared vitest config, an index and the plugin
 * class on `tracing.Plugin(<contract>)` whose operations run in their domain
 * span and throw until implemented). The tracing module and tracing test are
 * not here: generate-tracing writes them, so the scaffold is what `check` expects.
 */
import { CONVENTIONS } from "@floe/runtime/conventions";
import type { PluginKind } from "./plugin-kind.js";

export interface ScaffoldLayout {
  /** From the plugin folder to the repo root (`../..`). */
  readonly toRoot: string;
}

function pluginModuleName(kind: PluginKind): string {
  return `${kind.folder.slice(kind.folder.indexOf("-") + 1)}-plugin`;
}

function packageJson(kind: PluginKind): string {
  const pkg = {
    name: kind.packageName,
    version: "0.1.0",
    description: `floe ${kind.pluginType} plugin (scaffolded by floe-codemod new-plugin), instrumented`,
    type: "module",
    private: true,
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" }, "./package.json": "./package.json" },
    files: ["dist"],
    floe: { plugin: kind.className, type: kind.pluginType },
    scripts: { build: "tsc -p tsconfig.build.json", typecheck: "tsc -p tsconfig.json --noEmit", test: "vitest run" },
    dependencies: { "@floe/runtime": "*", "@opentelemetry/api": "~1.9.0" },
    devDependencies: { vitest: "^4.0.0" },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function pluginClass(kind: PluginKind): string {
  const operations = CONVENTIONS[kind.pluginType].operations;
  const helper = CONVENTIONS[kind.pluginType].spanHelper!;
  const methods = operations.flatMap((operation) => [
    "",
    `  /** Runs in the ${CONVENTIONS[kind.pluginType].category}.${operation} span; replace \`never\` with the contract's return type once implemented. */`,
    `  ${operation}(..._args: Parameters<${kind.baseClass}["${operation}"]>): never {`,
    `    return ${helper}(${JSON.stringify(operation)}, undefined, () => notImplemented(${JSON.stringify(operation)}));`,
    "  }",
  ]);
  return [
    "/**",
    ` * \`${kind.className}\`: the ${kind.pluginType} plugin of ${kind.packageName}. Its name, version and`,
    " * tracer name come from src/tracing.ts (generated from package.json); each operation already runs",
    " * in its conventional span and fails with NotImplementedError until it talks to its real peer.",
    " */",
    `import { ${kind.baseClass} } from "@floe/runtime";`,
    `import { ${helper}, tracing } from "./tracing.js";`,
    "",
    "/** Thrown by an operation nobody has implemented yet. */",
    "export class NotImplementedError extends Error {",
    '  override readonly name = "NotImplementedError";',
    "}",
    "",
    "function notImplemented(operation: string): never {",
    `  throw new NotImplementedError(\`${kind.packageName}: \${operation} is not implemented yet\`);`,
    "}",
    "",
    `export class ${kind.className} extends tracing.Plugin(${kind.baseClass}) {`,
    ...methods.slice(1),
    "}",
    "",
  ].join("\n");
}

/** Every scaffold file by path relative to the plugin folder. */
export function scaffoldFiles(kind: PluginKind, layout: ScaffoldLayout): Record<string, string> {
  const module = pluginModuleName(kind);
  return {
    "package.json": packageJson(kind),
    "tsconfig.json": `${JSON.stringify(
      {
        extends: `${layout.toRoot}/tsconfig.json`,
        compilerOptions: { noEmit: true, rootDir: "." },
        include: ["src/**/*", "test/**/*"],
        exclude: ["test/fixtures/**", "dist"],
      },
      null,
      2,
    )}\n`,
    "tsconfig.build.json": `${JSON.stringify(
      { extends: `${layout.toRoot}/tsconfig.json`, compilerOptions: { outDir: "dist", rootDir: "src" }, include: ["src/**/*"] },
      null,
      2,
    )}\n`,
    "vitest.config.ts": `import { floeVitestConfig } from "${layout.toRoot}/vitest.shared";\n\nexport default floeVitestConfig;\n`,
    "README.md": [
      `# ${kind.packageName}`,
      "",
      `A floe ${kind.pluginType} plugin, scaffolded by \`floe-codemod new-plugin\`. Tracer \`${kind.tracerName}\`;`,
      "identity (name, version, tracer name) declared once, in `src/tracing.ts`, generated from package.json.",
      "",
      `Next: implement the operations of \`src/${module}.ts\` against the real peer, and test them against it`,
      "on loopback next to the generated `test/tracing.test.ts`.",
      "",
    ].join("\n"),
    "src/index.ts": `export { ${kind.className}, NotImplementedError } from "./${module}.js";\n`,
    [`src/${module}.ts`]: pluginClass(kind),
  };
}
