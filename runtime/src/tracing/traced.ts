/**
 * `traced`: one API for every instrumented function.
 *
 *   traced(options)(fn)                 wrapper
 *   traced(options, fn)                 wrapper, direct form
 *   @traced(options) method() {}        TC39 decorator or legacy experimentalDecorators
 *
 * `this`, arguments, return values (the same object, promises and thenables
 * included) and thrown errors pass through untouched; errors are recorded with
 * `recordSanitizedException`. Attributes compose: floeAttributes, then
 * attributes, then attributesFn(...args); a throwing attributesFn is contained
 * and noted on the span.
 */
import { type Attributes, type Span, type SpanKind, type SpanOptions, type Tracer } from "@opentelemetry/api";
import { OPERATION_NAME_CODEMOD } from "../conventions.js";
import { sanitizedErrorDescription } from "./record-exception.js";
import { getFloeContext, toFloeAttributes, type FloeAttributesInput, type FloeContext } from "./floe-context.js";
import { endWithError, settle } from "./settle.js";
import { tracerSource } from "./tracer-resolver.js";

export interface TracedOptions<Args extends unknown[] = unknown[]> {
  /** Span name; defaults to `Class.method` for methods and the function's name otherwise. */
  name?: string;
  /** A Tracer, or the name of one on the global provider (default `"floe"`). */
  tracer?: Tracer | string;
  /** Static attributes set on every span. */
  attributes?: Attributes;
  /** `floe.namespace` / `floe.product.*` attributes (structured or raw `floe.*` keys). */
  floeAttributes?: FloeAttributesInput;
  /** Attributes computed from the call's arguments; a throw is contained and noted on the span. */
  attributesFn?: (...args: Args) => Attributes | undefined;
  /** Span kind (default INTERNAL). */
  kind?: SpanKind;
}

/** Attribute and event names `traced` uses to note a failing `attributesFn`. */
export const ATTRIBUTES_FN_ERROR_EVENT = "floe.attributes_fn.error";
export const ATTRIBUTES_FN_FAILED = "floe.attributes_fn.failed";

type AnyFunction = (this: unknown, ...args: never[]) => unknown;

/**
 * A function `traced` accepts for options typed by `Args`: its leading parameters are `Args`, and it
 * may take more (`attributesFn: (table: string) => ...` on `load(table: string, options: LoadOptions)`).
 */
export type TracedFunction<Args extends unknown[]> = (...args: [...Args, ...any[]]) => unknown;

/** What `traced(options)` returns: a wrapper and a method decorator in both dialects. */
export interface TracedDecorator<Args extends unknown[] = unknown[]> {
  <F extends TracedFunction<Args>>(fn: F): F;
  <F extends TracedFunction<Args>>(fn: F, context: ClassMethodDecoratorContext): F;
  (target: object, propertyKey: string | symbol, descriptor: PropertyDescriptor): PropertyDescriptor;
}

export function traced<Args extends unknown[] = any[]>(options?: TracedOptions<Args>): TracedDecorator<Args>;
export function traced<F extends (...args: any[]) => unknown>(options: TracedOptions<Parameters<F>>, fn: F): F;
export function traced(options: TracedOptions<any[]> = {}, fn?: AnyFunction): unknown {
  assertOptions(options);
  const core = new TracedCore(options);
  if (fn !== undefined) {
    if (typeof fn !== "function") throw new TypeError("traced(options, fn): fn must be a function");
    return core.wrapFunction(fn);
  }
  return function tracedDecorator(target: unknown, context?: unknown, descriptor?: unknown): unknown {
    if (typeof target === "function" && isTc39MethodContext(context)) {
      return core.wrapTc39Method(target as AnyFunction, context);
    }
    if (isPropertyDescriptor(descriptor) && (typeof context === "string" || typeof context === "symbol")) {
      return core.wrapLegacyMethod(target as object, context, descriptor);
    }
    if (typeof target === "function" && context === undefined) return core.wrapFunction(target as AnyFunction);
    throw new TypeError(
      "traced(options) must be applied to a function or used as a method decorator",
    );
  };
}

function assertOptions(options: unknown): asserts options is TracedOptions {
  if (options === null || typeof options !== "object") {
    throw new TypeError("traced(options): options must be an object");
  }
  if ("operationName" in options) {
    throw new TypeError(
      'traced(): the legacy "operationName" option is not supported; use "name" instead. ' +
        `Run \`${OPERATION_NAME_CODEMOD} <path>\` to migrate existing code.`,
    );
  }
}

function isTc39MethodContext(context: unknown): context is ClassMethodDecoratorContext {
  return (
    context !== null &&
    typeof context === "object" &&
    "kind" in context &&
    (context as { kind: unknown }).kind === "method"
  );
}

function isPropertyDescriptor(value: unknown): value is PropertyDescriptor {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof (value as PropertyDescriptor).value === "function"
  );
}

function className(holder: unknown, isStatic: boolean): string | undefined {
  if (isStatic) return typeof holder === "function" ? holder.name || undefined : undefined;
  const ctor = (holder as { constructor?: { name?: string } } | null)?.constructor;
  return ctor?.name || undefined;
}

function joinName(cls: string | undefined, method: string | symbol): string {
  const methodName = typeof method === "symbol" ? `[${method.description ?? ""}]` : method;
  return cls ? `${cls}.${methodName}` : methodName;
}

/** Finds the object on `self`'s prototype chain that owns `wrapped` as `key`. */
function ownerOf(self: unknown, key: string | symbol, wrapped: unknown): unknown {
  let current: unknown = self;
  while (current !== null && current !== undefined) {
    const descriptor = Object.getOwnPropertyDescriptor(current, key);
    if (descriptor && descriptor.value === wrapped) return current;
    current = Object.getPrototypeOf(current);
  }
  return undefined;
}

class TracedCore {
  private readonly source;
  private readonly staticAttributes: Attributes | undefined;
  readonly attributesFn: TracedOptions<unknown[]>["attributesFn"];
  private readonly kind: SpanKind | undefined;
  private readonly floeAttributes: FloeAttributesInput | undefined;
  private readonly explicitName: string | undefined;

  constructor(options: TracedOptions<any[]>) {
    this.explicitName = options.name;
    this.source = tracerSource(options.tracer);
    this.floeAttributes = options.floeAttributes;
    this.staticAttributes = options.attributes;
    this.attributesFn = options.attributesFn as TracedOptions<unknown[]>["attributesFn"];
    this.kind = options.kind;
  }

  wrap<F extends AnyFunction>(fn: F, spanName: (self: unknown, wrapped: AnyFunction) => string): F {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const core = this;
    const wrapped = function (this: unknown, ...args: unknown[]): unknown {
      const tracer = core.source.resolve();
      if (tracer === undefined) return fn.apply(this, args as never[]);
      return tracer.startActiveSpan(spanName(this, wrapped), core.spanOptions(), (span) => {
        if (core.attributesFn !== undefined) core.applyAttributesFn(span, args);
        let result: unknown;
        try {
          result = fn.apply(this, args as never[]);
        } catch (error) {
          endWithError(span, error);
          throw error;
        }
        return settle(span, result);
      });
    };
    Object.defineProperty(wrapped, "name", { value: fn.name, configurable: true });
    Object.defineProperty(wrapped, "length", { value: fn.length, configurable: true });
    return wrapped as unknown as F;
  }

  /** A plain function: its span name is fixed once (`name`, else the function's own name). */
  wrapFunction<F extends AnyFunction>(fn: F): F {
    const name = this.explicitName ?? (fn.name || "anonymous");
    return this.wrap(fn, () => name);
  }

  wrapTc39Method(method: AnyFunction, context: ClassMethodDecoratorContext): AnyFunction {
    const explicit = this.explicitName;
    let cachedName: string | undefined;
    return this.wrap(method, (self, wrapped) => {
      if (explicit !== undefined) return explicit;
      if (cachedName !== undefined) return cachedName;
      const owner = ownerOf(self, context.name, wrapped);
      const cls = owner !== undefined ? className(owner, context.static) : className(self, context.static);
      const resolved = joinName(cls, context.name);
      if (owner !== undefined) cachedName = resolved;
      return resolved;
    });
  }

  wrapLegacyMethod(target: object, key: string | symbol, descriptor: PropertyDescriptor): PropertyDescriptor {
    const isStatic = typeof target === "function";
    const name = this.explicitName ?? joinName(className(target, isStatic), key);
    return { ...descriptor, value: this.wrap(descriptor.value as AnyFunction, () => name) };
  }

  private cachedContext: FloeContext | undefined;
  private cachedOptions: SpanOptions = {};

  /** Span options, rebuilt only when the process-wide floe context changes (spans copy attributes). */
  private spanOptions(): SpanOptions {
    const processContext = getFloeContext();
    if (processContext === this.cachedContext) return this.cachedOptions;
    this.cachedContext = processContext;
    const attributes = toFloeAttributes(processContext);
    toFloeAttributes(this.floeAttributes, attributes);
    if (this.staticAttributes) Object.assign(attributes, this.staticAttributes);
    const options: SpanOptions = {};
    if (this.kind !== undefined) options.kind = this.kind;
    if (Object.keys(attributes).length > 0) options.attributes = attributes;
    this.cachedOptions = options;
    return options;
  }

  applyAttributesFn(span: Span, args: unknown[]): void {
    if (!this.attributesFn) return;
    try {
      const computed = this.attributesFn(...args);
      if (computed) span.setAttributes(computed);
    } catch (error) {
      span.setAttribute(ATTRIBUTES_FN_FAILED, true);
      span.addEvent(ATTRIBUTES_FN_ERROR_EVENT, { "exception.message": sanitizedErrorDescription(error) });
    }
  }
}
