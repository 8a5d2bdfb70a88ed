/**
 * Robustness: a curated set of unusual but valid syntax (decorators old and new,
 * `satisfies`, `using`, private `#x` and `#x in obj`, JSX, ambient modules,
 * nameless default exports, overloads, accessors, `export =`, ...) linted by
 * every config (recommended, strict, and recommended-type-checked with type
 * information from test/fixtures/robustness) without a crash or a parse error;
 * where a case states findings, they must be exactly those.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { describe, expect, it } from "vitest";
import plugin from "../src/index.js";

const FIXTURE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "robustness");

type ConfigName = "recommended" | "strict" | "recommended-type-checked";
type Ext = "ts" | "tsx" | "cts" | "d.ts" | "js" | "cjs";

interface Case {
  name: string;
  ext: Ext;
  code: string;
  /** Findings as `rule@line` (rule without `floe/`), for every config unless `typed` says otherwise. */
  findings?: string[];
  /** Findings under recommended-type-checked, when they differ. */
  typed?: string[];
}

/** Files of the fixture project the typed linter can attribute text to (tsconfig `include`). */
const TYPED_FILE: Record<Ext, string> = {
  ts: "case.ts",
  tsx: "view.tsx",
  cts: "case.cts",
  "d.ts": "ambient.d.ts",
  js: "case.js",
  cjs: "case.cjs",
};

const CASES: Case[] = [
  {
    name: "TC39 decorators, accessor keyword, auto-accessors named like span methods",
    ext: "ts",
    code: `
import { traced } from "@floe/runtime";
import type { Span } from "@opentelemetry/api";
function log<T>(v: T, _c: DecoratorContext): T { return v; }
@log
export class Service {
  @log accessor recordException = 1;
  @log static accessor setStatus = 2;
  @traced({ name: "svc.run" }) run(span: Span, err: Error) { span.recordException(err); }
  @((t: unknown) => t as never) other() {}
  @traced({ operationName: "old" }) legacy() {}
}`,
    findings: ["no-raw-record-exception@9", "no-operation-name@11"],
  },
  {
    name: "legacy (experimentalDecorators) parameter and property decorators",
    ext: "ts",
    code: `
import type { Span } from "@opentelemetry/api";
function inject(_t: object, _k: string | symbol | undefined, _i: number) {}
function prop(_t: object, _k: string) {}
export class Legacy {
  @prop tracerName!: string;
  constructor(@inject private readonly span: Span) {}
  fail(@inject err: Error) { this.span.recordException(err); }
}`,
    findings: ["no-raw-record-exception@8"],
  },
  {
    name: "satisfies, using / await using, top-level await, import.meta",
    ext: "ts",
    code: `
import { SpanStatusCode, trace, type Span } from "@opentelemetry/api";
const cfg = { code: SpanStatusCode.ERROR } satisfies { code: number };
const span: Span = trace.getTracer(import.meta.url).startSpan("x");
using _res = { [Symbol.dispose]() { span.end(); } };
await using _async = { async [Symbol.asyncDispose]() {} };
try { await Promise.reject(new Error("x")); } catch (err) {
  span.setStatus({ ...cfg, code: SpanStatusCode.ERROR, message: (err as Error).message } satisfies { code: number });
  span.setStatus({ code: cfg.code, message: "benign" });
}`,
    findings: ["no-unsanitized-span-status@8"],
  },
  {
    name: "private members, #x in obj, static blocks, getters/setters named like span methods",
    ext: "ts",
    code: `
export class Holder {
  #span?: { recordException(e: unknown): void };
  static #count = 0;
  static { Holder.#count += 1; }
  get recordException() { return (e: unknown) => this.#span?.recordException(e); }
  set setStatus(_v: unknown) {}
  get tracerName() { return "floe.nothing"; }
  static isHolder(o: object) { return #span in o; }
  #private() { return this.#span; }
}`,
    findings: ["no-raw-record-exception@6"],
    typed: [],
  },
  {
    name: "JSX/TSX with optional chains everywhere",
    ext: "tsx",
    code: `
import { SpanStatusCode, type Span } from "@opentelemetry/api";
export function View({ span, err }: { span?: Span; err?: Error }) {
  const onError = () => span?.setStatus?.({ code: SpanStatusCode.ERROR, message: err?.message });
  return <div onClick={() => span?.recordException?.(err!)} data-attr={span?.setAttribute?.("ok", 1)}>{err?.message ?? <b>none</b>}</div>;
}`,
    findings: ["no-unsanitized-span-status@4", "no-raw-record-exception@5"],
  },
  {
    name: "declare module, declare global, ambient classes in a declaration file",
    ext: "d.ts",
    code: `
import type { Span } from "@opentelemetry/api";
import { AlertChannelPlugin, PluginMetadata } from "@floe/runtime";
declare module "some-plugin" {
  export class Ambient extends AlertChannelPlugin { sendAlert(): Promise<never>; healthCheck(): Promise<never>; }
  export function recordException(span: Span, e: unknown): void;
}
declare global {
  var __span: Span | undefined;
  class GlobalPlugin extends PluginMetadata {}
}
export declare class Declared extends AlertChannelPlugin { get tracerName(): string; }
export declare class Bad extends AlertChannelPlugin { readonly tracerName: "floe.alert.bad"; }
export {};`,
    findings: [],
  },
  {
    name: "nameless default export class, class expressions, computed keys",
    ext: "ts",
    code: `
import { PluginMetadata, PluginType, AlertChannelPlugin } from "@floe/runtime";
export default class extends PluginMetadata {
  readonly name = "n"; readonly version = "1"; readonly floeApiVersion = "1";
  get ["pluginType"]() { return PluginType.ALERT_CHANNEL; }
}
export const Expr = class Named extends AlertChannelPlugin {
  [Symbol.toStringTag] = "x";
  ["tracer" + "Name"] = "floe.alert.x";
  get [\`tracerName\`]() { return "floe.alert.expr"; }
  sendAlert(): Promise<never> { throw new Error(); }
  healthCheck(): Promise<never> { throw new Error(); }
};
export const Inner = class extends class extends PluginMetadata {} {};`,
    // the two anonymous classes of the last line are both concrete plugin classes
    findings: ["require-tracer-name@3", "require-tracer-name@14", "require-tracer-name@14"],
  },
  {
    name: "nameless default export function and generator functions",
    ext: "ts",
    code: `
import type { Span } from "@opentelemetry/api";
export default function (span: Span, e: Error) { span.recordException(e); }
export function* gen(span: Span) { const e: Error = yield; span.recordException(e); }
export async function* agen(span: Span) { for await (const e of [] as Error[]) span.setStatus({ code: 2, message: String(e) }); }`,
    findings: ["no-raw-record-exception@3", "no-raw-record-exception@4", "no-unsanitized-span-status@5"],
  },
  {
    name: "enums, const enums, namespaces, overloads, abstract members",
    ext: "ts",
    code: `
import { PluginMetadata } from "@floe/runtime";
enum Code { OK = 1, ERROR = 2 }
const enum K { A = "password" }
namespace NS { export namespace Deep { export const x = Code.ERROR; } }
declare namespace Ambient { function recordException(e: unknown): void; }
function over(a: string): string;
function over(a: number): number;
function over(a: unknown) { return a; }
export abstract class Base extends PluginMetadata {
  abstract recordException(e: unknown): void;
  abstract accessor tracerName: string;
  protected abstract get pluginTypeName(): string;
}
export const used = [NS.Deep.x, over(1), K.A, Ambient];`,
    findings: [],
  },
  {
    name: "export = and import x = require() in CommonJS TypeScript",
    ext: "cts",
    code: `
import api = require("@opentelemetry/api");
import rt = require("@floe/runtime");
import Alias = api.SpanStatusCode;
function fail(span: api.Span, err: Error) {
  span.recordException(err);
  span.setStatus({ code: Alias.ERROR, message: err.message });
  span.setStatus({ code: api.SpanStatusCode.ERROR, message: rt.sanitizeErrorMessage(err) });
  span.setAttribute("api_key", "x");
}
export = fail;`,
    findings: ["no-raw-record-exception@6", "no-unsanitized-span-status@7", "no-sensitive-span-attributes@9"],
  },
  {
    name: "plain CommonJS JavaScript with require and destructuring",
    ext: "cjs",
    code: `
const { SpanStatusCode: S, trace } = require("@opentelemetry/api");
const span = trace.getActiveSpan();
try { run(); } catch (e) {
  span?.setStatus({ code: S.ERROR, message: e.message });
  span?.["recordException"](e);
}
module.exports = class extends require("@floe/runtime").AlertChannelPlugin {};`,
    findings: ["no-unsanitized-span-status@5", "no-raw-record-exception@6", "require-tracer-name@8"],
  },
  {
    name: "shadowing, labels, sequence expressions, tagged templates, new.target",
    ext: "js",
    code: `
import { traced } from "@floe/runtime";
export function f(span, traced2) {
  const traced = (o) => o;
  traced({ operationName: "local, not the import" });
  label: for (const e of [new Error()]) { span.recordException((0, e)); break label; }
  String.raw\`\${span.setStatus}\`;
  return new.target;
}
traced2: traced({ operationName: "x" });`,
    findings: ["no-raw-record-exception@6", "no-operation-name@10"],
  },
];

function linterFor(config: ConfigName): ESLint {
  const typed = config === "recommended-type-checked";
  return new ESLint({
    cwd: FIXTURE_DIR,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ["**/*.js"], languageOptions: { sourceType: "module", globals: { run: "readonly" } } },
      { files: ["**/*.cjs"], languageOptions: { sourceType: "commonjs", globals: { run: "readonly", require: "readonly", module: "writable" } } },
      {
        files: ["**/*.ts", "**/*.tsx", "**/*.cts"],
        languageOptions: {
          parser: tsParser,
          parserOptions: typed ? { project: "./tsconfig.json", tsconfigRootDir: FIXTURE_DIR } : {},
        },
      },
      plugin.configs[config],
    ],
  });
}

const CONFIGS: ConfigName[] = ["recommended", "strict", "recommended-type-checked"];

describe.each(CONFIGS)("configs[%s] on unusual valid syntax", (config) => {
  const eslint = linterFor(config);
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, testCase) => {
    const filePath = path.join(FIXTURE_DIR, TYPED_FILE[testCase.ext]);
    const [result] = await eslint.lintText(testCase.code, { filePath });
    const messages = result!.messages;
    expect(messages.filter((m) => m.fatal || m.ruleId === null).map((m) => m.message)).toEqual([]);
    const expected = config === "recommended-type-checked" && testCase.typed ? testCase.typed : testCase.findings;
    if (expected) {
      const actual = messages.map((m) => `${m.ruleId!.replace(/^floe\//, "")}@${m.line}`);
      expect(actual.sort()).toEqual([...expected].sort());
    }
  });
});
