/**
 * Writes a small OpenTelemetry-heavy TypeScript project full of edge cases for
 * `lint-large-tree.mjs` to lint with `configs["recommended-type-checked"]` and
 * type information. Lines that must be reported end with
 * `// expect: <rule>[, <rule>]`; every other floe finding is a false positive and
 * every unmet expectation a miss (the script prints both).
 *
 * The project resolves `@opentelemetry/api` and `@floe/runtime` through a
 * `node_modules` symlink the caller creates.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    jsx: "react-jsx",
    types: [],
  },
  include: ["src/**/*"],
};

const FILES = {
  "package.json": JSON.stringify({ name: "floe-alert-synthetic", version: "0.0.0", type: "module", private: true }, null, 2),
  "tsconfig.json": JSON.stringify(TSCONFIG, null, 2),
  "legacy/tsconfig.json": JSON.stringify(
    { ...TSCONFIG, compilerOptions: { ...TSCONFIG.compilerOptions, experimentalDecorators: true }, include: ["*.ts"] },
    null,
    2,
  ),

  "src/spans.ts": `
import { SpanStatusCode, trace, type Span } from "@opentelemetry/api";
import * as otel from "@opentelemetry/api";
import { sanitizeErrorMessage } from "@floe/runtime";

const tracer = trace.getTracer("synthetic");
const { ERROR } = SpanStatusCode;

export function raw(span: Span, err: unknown): void {
  span.recordException(err as Error); // expect: no-raw-record-exception
  span?.recordException(err as Error); // expect: no-raw-record-exception
  span["recordException"](err as Error); // expect: no-raw-record-exception
}

export function maybe(span: Span | undefined, err: Error): void {
  span?.recordException(err); // expect: no-raw-record-exception
  span?.setStatus({ code: SpanStatusCode.ERROR, message: err.message }); // expect: no-unsanitized-span-status
  span?.setStatus({ code: otel.SpanStatusCode.ERROR, message: \`failed: \${err}\` }); // expect: no-unsanitized-span-status
}

export async function statuses(span: Span, input: { name: string }): Promise<void> {
  try {
    await Promise.resolve(input);
  } catch (e) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: sanitizeErrorMessage(e) });
    span.setStatus({ code: SpanStatusCode.ERROR, message: "upstream timed out" });
    span.setStatus({ code: SpanStatusCode.ERROR, message: \`bad input \${input.name}\` });
    span.setStatus({ code: SpanStatusCode.ERROR });
    span.setStatus({ code: SpanStatusCode.OK, message: String(e) });
    span.setStatus({ code: 2, message: String(e) }); // expect: no-unsanitized-span-status
    span.setStatus({ code: ERROR, message: (e as Error).stack }); // expect: no-unsanitized-span-status
  }
}

export function attributes(span: Span, user: { id: string }): void {
  span.setAttribute("http.request.method", "GET");
  span.setAttribute("secrets.key_name", "db/password");
  span.setAttribute("identity.token_valid", true);
  span.setAttribute("db.password", "x"); // expect: no-sensitive-span-attributes
  span.setAttributes({ "user.id": user.id, [\`peer.\${user.id}\`]: 1, ...{ a: 1 } });
  span.setAttributes({ clientSecret: "s" }); // expect: no-sensitive-span-attributes
  tracer.startActiveSpan("op", { attributes: { "enduser.id": user.id } }, (s) => s.end());
  tracer.startSpan("op", { attributes: { "http.request.header.authorization": "Bearer x" } }).end(); // expect: no-sensitive-span-attributes
}

export const arrow = (span?: Span) => span?.recordException?.(new Error("x")); // expect: no-raw-record-exception
`,

  "src/own-recorder.ts": `
/** A class of our own with span-like method names: not an OpenTelemetry Span. */
export class Recorder {
  #events: unknown[] = [];
  recordException(error: unknown): void {
    this.#events.push(error);
  }
  setStatus(status: { code: number; message?: string }): void {
    this.#events.push(status);
  }
  setAttribute(key: string, value: unknown): this {
    this.#events.push([key, value]);
    return this;
  }
  get tracerName(): string {
    return "not a plugin";
  }
  has(other: object): boolean {
    return #events in other;
  }
}

export function useRecorder(r: Recorder, err: Error): void {
  r.recordException(err);
  r.setStatus({ code: 2, message: err.message });
  r.setAttribute("password", "hunter2");
}
`,

  "src/plugins.ts": `
import { AlertChannelPlugin, PluginMetadata, PluginType, type Alert } from "@floe/runtime";
import * as rt from "@floe/runtime";

export class SlackLike extends AlertChannelPlugin { // expect: require-tracer-name
  readonly name = "slack-like";
  readonly version = "1.0.0";
  readonly floeApiVersion = "1.0";
  async sendAlert(_alert: Alert) { return { delivered: true } as never; }
  async healthCheck() { return { healthy: true } as never; }
}

export class Named extends rt.AlertChannelPlugin {
  readonly name = "named";
  readonly version = "1.0.0";
  readonly floeApiVersion = "1.0";
  override get tracerName(): string {
    return "floe.alert.named";
  }
  async sendAlert(_alert: Alert) { return { delivered: true } as never; }
  async healthCheck() { return { healthy: true } as never; }
}

export class WrongCategory extends AlertChannelPlugin {
  override get tracerName() {
    return "floe.secrets.named"; // expect: valid-tracer-name
  }
  readonly name = "w"; readonly version = "1"; readonly floeApiVersion = "1";
  async sendAlert(_alert: Alert) { return { delivered: true } as never; }
  async healthCheck() { return { healthy: true } as never; }
}

export default class extends PluginMetadata { // expect: require-tracer-name
  readonly name = "anon"; readonly version = "1"; readonly floeApiVersion = "1";
  get pluginType() { return PluginType.ALERT_CHANNEL; }
}

export const Expr = class extends PluginMetadata {
  readonly name = "console"; readonly version = "1"; readonly floeApiVersion = "1";
  get pluginType() { return PluginType.TELEMETRY_BACKEND; }
};

export abstract class Base extends PluginMetadata {
  abstract override get tracerName(): string;
}

class Plain extends Error {
  recordException() {}
  get tracerName() { return "whatever"; }
}
class Emitterish extends Map<string, number> {}
const mixin = <T extends new (...a: any[]) => object>(B: T) => class extends B {};
export class Mixed extends mixin(Object) {}
export class Conditional extends (Math.random() > 0.5 ? Plain : Error) {}
export { Plain, Emitterish };
`,

  "src/syntax.tsx": `
import { trace, SpanStatusCode, type Span } from "@opentelemetry/api";

enum Mode { A = "a", B = "b" }
const enum Flags { X = 1 << 0 }
namespace NS { export const value = Mode.A; export namespace Inner { export type T = typeof value; } }

declare global {
  interface Window { floeSpan?: Span }
}

function over(a: string): string;
function over(a: number): number;
function over(a: unknown) { return a; }

abstract class Shape {
  abstract area(): number;
  abstract accessor label: string;
  protected abstract get tracerName(): string;
  static #count = 0;
  static { Shape.#count++; }
  accessor size = 1;
  declare readonly brand: unique symbol;
  get setStatus() { return 1; }
  set recordException(_v: unknown) {}
  *gen() { yield* [1, 2]; }
  async *agen() { for await (const x of [Promise.resolve(1)]) yield x; }
  ["computed" + "Key"]() {}
  [Symbol.iterator]() { return [][Symbol.iterator](); }
}

const cfg = { mode: Mode.B, flags: Flags.X } satisfies Record<string, unknown>;
const meta = import.meta.url;
const data = await Promise.resolve(NS.value);

export function Component({ span }: { span?: Span }) {
  const onClick = () => span?.setStatus?.({ code: SpanStatusCode.ERROR, message: "clicked" });
  return <button onClick={onClick} data-x={cfg.mode}>{meta}{data}{over(1)}</button>;
}

export async function resources(span: Span) {
  using _a = { [Symbol.dispose]() {} };
  await using _b = { async [Symbol.asyncDispose]() {} };
  const tracer = trace.getTracer("syntax");
  tracer?.startActiveSpan?.("x", (s) => { s.end(); });
  span?.setAttribute?.(\`k\`, 1)?.setAttribute?.("v", "ok");
  label: for (const x of [1]) { if (x) break label; }
  return new (class { #x = 1; static has(o: object) { return #x in o; } })();
}
export { Shape };
`,

  "src/decorators.ts": `
import { traced } from "@floe/runtime";
import type { Span } from "@opentelemetry/api";

function logged<T>(value: T, _context: ClassMethodDecoratorContext | ClassFieldDecoratorContext | ClassAccessorDecoratorContext) { return value as never; }

@((cls: unknown) => cls as never)
export class Service {
  @logged accessor state = 0;
  @logged field = 1;
  @traced({ name: "service.run" })
  async run(span: Span) {
    try { return await Promise.resolve(this.state); }
    catch (err) { span.recordException(err as Error); throw err; } // expect: no-raw-record-exception
  }
  @traced({ operationName: "legacy" }) // expect: no-operation-name
  legacy() {}
  @traced({ name: "attrs", attributes: { "db.user": "app", api_key: "k" } }) // expect: no-sensitive-span-attributes
  withAttributes() {}
}
`,

  "legacy/legacy-decorators.ts": `
import { traced } from "@floe/runtime";
import type { Span } from "@opentelemetry/api";

function param(_target: object, _key: string | symbol | undefined, _index: number) {}

export class Legacy {
  constructor(@param private readonly span: Span) {}
  @traced({ name: "legacy.op" })
  op(@param err: Error) {
    this.span.recordException(err); // expect: no-raw-record-exception
  }
}
`,

  "src/globals.d.ts": `
declare module "some-tracing-lib" {
  import type { Span } from "@opentelemetry/api";
  export function recordException(span: Span, e: unknown): void;
  export default class Plugin { get tracerName(): string }
  export = Other;
}
declare module "*.css" { const text: string; export default text; }
declare global {
  var __floeSpan: import("@opentelemetry/api").Span | undefined;
}
export {};
`,

  "src/commonjs.cts": `
import api = require("@opentelemetry/api");
import type Types = require("@opentelemetry/api");
const { SpanStatusCode: Codes } = api;

function fail(span: Types.Span, err: Error) {
  span.recordException(err); // expect: no-raw-record-exception
  span.setStatus({ code: Codes.ERROR, message: err.message }); // expect: no-unsanitized-span-status
}
export = fail;
`,

  "src/re-export.ts": `
export * from "@opentelemetry/api";
export { trace as default } from "@opentelemetry/api";
export * as rt from "@floe/runtime";
`,

  "src/via-re-export.ts": `
import { SpanStatusCode, type Span } from "./re-export.js";

export function viaReExport(span: Span, err: Error) {
  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message }); // expect: no-unsanitized-span-status
}
`,

  "src/plain.js": `
// Plain JavaScript: checked syntactically.
export function js(span, err) {
  span.recordException(err); // expect: no-raw-record-exception
  span.setStatus({ code: 2, message: "fine" });
}
export default function () {}
export class Anon extends (class {}) {}
`,
};

/** Writes the project under `dir`; returns the absolute paths of the source files to lint. */
export function writeSyntheticProject(dir) {
  const sources = [];
  for (const [relative, text] of Object.entries(FILES)) {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text.replace(/^\n/, ""));
    if (/\.(?:[cm]?[jt]sx?)$/.test(relative)) sources.push(file);
  }
  return sources;
}

/** The findings each file expects: `line -> Set of rule ids` from `// expect:` comments. */
export function expectedFindings(text) {
  const expected = new Map();
  text.split("\n").forEach((line, index) => {
    const match = /\/\/ expect: ([\w, -]+)$/.exec(line);
    if (match) expected.set(index + 1, new Set(match[1].split(",").map((r) => `floe/${r.trim()}`)));
  });
  return expected;
}
