/**
 * Parser choice per file extension, and parsing with jscodeshift's parsers.
 *
 * Every file transform and the runner's "never write what does not parse" check
 * go through here, so a file is always read with the same grammar: `.ts .mts .cts`
 * with TypeScript, `.tsx` with TypeScript + JSX, JavaScript with Babel + JSX
 * (flow-free: a `<T>` in a .js file is JSX, never a Flow type).
 */
import { createRequire } from "node:module";
import path from "node:path";
import type { Parser } from "./types.js";

interface BabelLikeParser {
  parse(source: string): AnyNode;
}

/** Babel AST nodes: the transforms read `type`, `start`, `end` and children. */
export type AnyNode = { type: string; start: number; end: number; [key: string]: any };

const require = createRequire(import.meta.url);

const PARSER_BY_EXTENSION: Readonly<Record<string, Parser>> = {
  ".ts": "ts",
  ".mts": "ts",
  ".cts": "ts",
  ".tsx": "tsx",
  ".js": "babel",
  ".jsx": "babel",
  ".mjs": "babel",
  ".cjs": "babel",
};

export const DEFAULT_EXTENSIONS: readonly string[] = Object.keys(PARSER_BY_EXTENSION);

/** The parser for a file, or undefined when the extension is not a JS/TS source. */
export function parserFor(filePath: string): Parser | undefined {
  const base = path.basename(filePath).toLowerCase();
  if (base.endsWith(".d.ts") || base.endsWith(".d.mts") || base.endsWith(".d.cts")) return "ts";
  return PARSER_BY_EXTENSION[path.extname(base)];
}

/** Babel options for JavaScript: jscodeshift's `babylon` defaults without Flow. */
const JS_PLUGINS = [
  "jsx",
  "asyncGenerators",
  "bigInt",
  "classProperties",
  "classPrivateProperties",
  "classPrivateMethods",
  ["decorators", { decoratorsBeforeExport: false }],
  "decoratorAutoAccessors",
  "doExpressions",
  "dynamicImport",
  "exportDefaultFrom",
  "exportNamespaceFrom",
  "importAttributes",
  "importMeta",
  "logicalAssignment",
  "nullishCoalescingOperator",
  "numericSeparator",
  "objectRestSpread",
  "optionalCatchBinding",
  "optionalChaining",
  "topLevelAwait",
];

const cache = new Map<Parser, BabelLikeParser>();

/**
 * jscodeshift's TypeScript parsers with its own options, minus the token list: the
 * transforms splice text at node offsets and never reprint, and the tokens of a
 * 3 MB file cost hundreds of megabytes and a good part of the parse time.
 */
function typeScriptParser(jsx: boolean): BabelLikeParser {
  const babel = require(require.resolve("@babel/parser", { paths: [require.resolve("jscodeshift")] })) as {
    parse(source: string, options: unknown): AnyNode;
  };
  const base = require("jscodeshift/parser/tsOptions") as { plugins: unknown[] };
  const options = { ...base, tokens: false, plugins: jsx ? ["jsx", ...base.plugins] : base.plugins };
  return { parse: (source) => babel.parse(source, options) };
}

function load(parser: Parser): BabelLikeParser {
  let impl = cache.get(parser);
  if (!impl) {
    const getParser = require("jscodeshift/src/getParser") as (name: string, options?: unknown) => BabelLikeParser;
    impl =
      parser === "babel"
        ? getParser("babylon", {
            sourceType: "module",
            allowImportExportEverywhere: true,
            allowReturnOutsideFunction: true,
            allowHashBang: true,
            startLine: 1,
            tokens: false,
            plugins: JS_PLUGINS,
          })
        : typeScriptParser(parser === "tsx");
    cache.set(parser, impl);
  }
  return impl;
}

/** A parse failure with the parser's message and position. */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
  ) {
    super(message);
    this.name = "ParseError";
  }
}

/** Parses source text into a Babel `File` node; throws ParseError. */
export function parseSource(source: string, parser: Parser): AnyNode {
  try {
    return load(parser).parse(source);
  } catch (error) {
    const e = error as { message?: string; loc?: { line?: number; column?: number } };
    const message = String(e.message ?? error).replace(/\s*\(\d+:\d+\)\s*$/, "");
    throw new ParseError(message, e.loc?.line, e.loc?.column);
  }
}

/** `message (line L, column C)` for any error thrown while parsing or transforming. */
export function describeError(error: unknown): { reason: string; line?: number } {
  if (error instanceof ParseError) {
    const where = error.line !== undefined ? ` (line ${error.line}, column ${(error.column ?? 0) + 1})` : "";
    return { reason: `parse error: ${error.message}${where}`, line: error.line };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { reason: message };
}
