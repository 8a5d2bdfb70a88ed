import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { ATTRIBUTES_FN_ERROR_EVENT, ATTRIBUTES_FN_FAILED, setFloeContext, traced } from "../src/index.js";
import { createTestTracing } from "../src/testing/index.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => {
  tracing.reset();
  setFloeContext({});
});

const SECRET = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";

describe("traced as a wrapper", () => {
  it("passes this, arguments and the return value through untouched", () => {
    const result = { ok: true };
    const target = {
      factor: 3,
      compute(this: { factor: number }, a: number, b: number) {
        return { value: (a + b) * this.factor, result };
      },
    };
    target.compute = traced({ name: "compute" })(target.compute);
    const out = target.compute(1, 2);
    expect(out.value).toBe(9);
    expect(out.result).toBe(result);
    expect(tracing.getSpan("compute").status.code).toBe(SpanStatusCode.OK);
  });

  it("supports the direct form traced(options, fn) and keeps name and length", () => {
    function add(a: number, b: number) {
      return a + b;
    }
    const wrapped = traced({}, add);
    expect(wrapped(2, 3)).toBe(5);
    expect(wrapped.name).toBe("add");
    expect(wrapped.length).toBe(2);
    expect(tracing.spanNames()).toEqual(["add"]);
  });

  it("rethrows the very same error and records it sanitized", () => {
    const error = new Error(`GET https://api.github.com?access_token=${SECRET} failed`);
    const fail = traced({ name: "fail" })(() => {
      throw error;
    });
    let caught: unknown;
    try {
      fail();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBe(error);
    const span = tracing.getSpan("fail");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.events.map((e) => e.name)).toEqual(["exception"]);
    expect(tracing.findLeaks([SECRET])).toEqual([]);
  });

  it("returns the same promise object and ends the span when it settles", async () => {
    let resolve!: (v: string) => void;
    const promise = new Promise<string>((r) => (resolve = r));
    const fn = traced({ name: "async" })(() => promise);
    const returned = fn();
    expect(returned).toBe(promise);
    expect(tracing.spans()).toHaveLength(0);
    resolve("done");
    await expect(returned).resolves.toBe("done");
    await new Promise((r) => setImmediate(r));
    expect(tracing.getSpan("async").status.code).toBe(SpanStatusCode.OK);
  });

  it("records async rejections sanitized and rejects with the same error", async () => {
    const error = new Error(`Authorization: Bearer ${SECRET}`);
    const fn = traced({ name: "rejects" })(async () => {
      throw error;
    });
    await expect(fn()).rejects.toBe(error);
    await new Promise((r) => setImmediate(r));
    expect(tracing.getSpan("rejects").status.code).toBe(SpanStatusCode.ERROR);
    expect(tracing.findLeaks([SECRET])).toEqual([]);
  });

  it("handles custom thenables and keeps their identity", async () => {
    const thenable = {
      cancel: () => "cancelled",
      then(onFulfilled: (v: number) => unknown) {
        setTimeout(() => onFulfilled(7), 1);
        return this;
      },
    };
    const fn = traced({ name: "thenable" })(() => thenable);
    const out = fn();
    expect(out).toBe(thenable);
    expect(out.cancel()).toBe("cancelled");
    await new Promise((r) => setTimeout(r, 10));
    expect(tracing.getSpan("thenable").status.code).toBe(SpanStatusCode.OK);
  });

  it("composes floeAttributes, attributes and attributesFn", () => {
    setFloeContext({ namespace: "analytics" });
    const fn = traced<[string, number]>({
      name: "composed",
      floeAttributes: { productName: "orders", productVersion: "1.2.0" },
      attributes: { "alert.channel": "slack" },
      attributesFn: (key, n) => ({ "secrets.key_name": key, "app.count": n }),
      kind: SpanKind.CLIENT,
    })((_key: string, n: number) => n * 2);
    expect(fn("db-password", 21)).toBe(42);
    const span = tracing.getSpan("composed");
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.attributes).toMatchObject({
      "floe.namespace": "analytics",
      "floe.product.name": "orders",
      "floe.product.version": "1.2.0",
      "alert.channel": "slack",
      "secrets.key_name": "db-password",
      "app.count": 21,
    });
  });

  it("contains a throwing attributesFn and notes it on the span", () => {
    const fn = traced({
      name: "attrs-throw",
      attributesFn: () => {
        throw new Error(`bad attrs password=${SECRET}`);
      },
    })(() => "still works");
    expect(fn()).toBe("still works");
    const span = tracing.getSpan("attrs-throw");
    expect(span.status.code).toBe(SpanStatusCode.OK);
    expect(span.attributes[ATTRIBUTES_FN_FAILED]).toBe(true);
    expect(span.events.map((e) => e.name)).toContain(ATTRIBUTES_FN_ERROR_EVENT);
    expect(tracing.findLeaks([SECRET])).toEqual([]);
  });

  it("parents nested calls", async () => {
    const inner = traced({ name: "inner" })(async () => 1);
    const outer = traced({ name: "outer" })(async () => {
      await new Promise((r) => setTimeout(r, 1));
      return (await inner()) + 1;
    });
    expect(await outer()).toBe(2);
    await new Promise((r) => setImmediate(r));
    const parent = tracing.getSpan("outer");
    const child = tracing.getSpan("inner");
    expect(child.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(child.spanContext().traceId).toBe(parent.spanContext().traceId);
  });

  it("uses the tracer it is given, by instance or by name", () => {
    traced({ name: "by-name", tracer: "floe.alert.slack" })(() => 1)();
    traced({ name: "by-instance", tracer: tracing.tracer("custom") })(() => 1)();
    expect(tracing.getSpan("by-name").instrumentationScope.name).toBe("floe.alert.slack");
    expect(tracing.getSpan("by-instance").instrumentationScope.name).toBe("custom");
  });

  it("defaults the span name to the function's name, or anonymous", () => {
    traced()(function namedThing() {})();
    traced()(() => undefined)();
    expect(tracing.spanNames()).toEqual(["namedThing", "anonymous"]);
  });
});

describe("traced as a decorator", () => {
  it("TC39 decorators name spans Class.method, keep this, and work on static methods", async () => {
    class Repo {
      constructor(private readonly prefix: string) {}
      @traced()
      get(key: string) {
        return `${this.prefix}${key}`;
      }
      @traced({ name: "Repo.custom" })
      async load() {
        return this.prefix;
      }
      @traced()
      static create() {
        return new Repo("s:");
      }
    }
    const repo = Repo.create();
    expect(repo.get("k")).toBe("s:k");
    expect(await repo.load()).toBe("s:");
    await new Promise((r) => setImmediate(r));
    // Transpilers may rename the class binding (esbuild lowers decorated classes to `_Repo`): use its runtime name.
    expect(tracing.spanNames()).toEqual([`${Repo.name}.create`, `${Repo.name}.get`, "Repo.custom"]);
  });

  it("names inherited decorated methods after the declaring class", () => {
    class Base {
      @traced()
      run() {
        return "base";
      }
    }
    class Child extends Base {}
    expect(new Child().run()).toBe("base");
    expect(tracing.spanNames()).toEqual(["Base.run"]);
  });

  it("works as a legacy experimentalDecorators method decorator", () => {
    class Legacy {
      value = 5;
      read(add: number) {
        return this.value + add;
      }
    }
    const descriptor = Object.getOwnPropertyDescriptor(Legacy.prototype, "read")!;
    const decorated = (traced() as (t: object, k: string, d: PropertyDescriptor) => PropertyDescriptor)(
      Legacy.prototype,
      "read",
      descriptor,
    );
    Object.defineProperty(Legacy.prototype, "read", decorated);
    expect(new Legacy().read(1)).toBe(6);
    expect(tracing.spanNames()).toEqual(["Legacy.read"]);
  });

  it("rejects the legacy operationName option with a TypeError naming the codemod", () => {
    // eslint-disable-next-line floe/no-operation-name -- proves the legacy option is rejected
    expect(() => traced({ operationName: "x" } as never)).toThrow(TypeError);
    // eslint-disable-next-line floe/no-operation-name -- proves the legacy option is rejected
    expect(() => traced({ operationName: "x" } as never)).toThrow(/floe-codemod rename-operation-name/);
  });

  it("rejects being applied to something that is not a function", () => {
    expect(() => (traced() as unknown as (x: unknown) => unknown)(42)).toThrow(TypeError);
  });
});

describe("traced without an SDK", () => {
  it("runs the bare call when no provider is registered", async () => {
    await tracing.shutdown();
    try {
      const fn = traced<[number]>({ name: "bare", attributesFn: () => ({ a: 1 }) })((x: number) => x + 1);
      expect(fn(1)).toBe(2);
      expect(trace.getActiveSpan()).toBeUndefined();
    } finally {
      const again = createTestTracing();
      again.reset();
    }
  });
});
