/**
 * Executes sanitize-exceptions output to prove the rewrite keeps evaluation
 * semantics: receivers evaluated once, optional calls a no-op on a nullish
 * span without evaluating their arguments, call values unchanged.
 */
import { describe, expect, it } from "vitest";
import { resultText } from "../src/core/edit-lines.js";
import { sanitizeExceptions } from "../src/transforms/sanitize-exceptions.js";

interface Ctx {
  span?: unknown;
  spans: unknown[];
  i: number;
  calls: { getSpan: number; makeError: number };
  getSpan(): unknown;
  makeError(): Error;
}

/** Transforms `body` as a CommonJS file and runs it with a recording `recordSanitizedException`. */
function execute(body: string, ctx: Ctx): { result: unknown; recorded: unknown[][]; code: string } {
  const output = sanitizeExceptions.transform({ path: "/virtual/snippet.cjs", source: `${body}\n` }, "babel", {});
  expect(output).toBeDefined();
  const code = resultText(output!);
  const recorded: unknown[][] = [];
  const fakeRequire = (id: string) => {
    expect(id).toBe("@floe/runtime");
    return { recordSanitizedException: (...args: unknown[]) => void recorded.push(args) };
  };
  const result = new Function("require", "ctx", `"use strict";\n${code}`)(fakeRequire, ctx) as unknown;
  return { result, recorded, code };
}

function context(span: unknown): Ctx {
  const ctx: Ctx = {
    span,
    spans: [span, "other"],
    i: 0,
    calls: { getSpan: 0, makeError: 0 },
    getSpan: () => {
      ctx.calls.getSpan++;
      return ctx.span;
    },
    makeError: () => {
      ctx.calls.makeError++;
      return new Error("boom");
    },
  };
  return ctx;
}

const SPAN = { name: "span" };

describe("sanitize-exceptions keeps evaluation semantics", () => {
  it("optional call on a nullish span neither records nor evaluates the argument", () => {
    for (const span of [undefined, null]) {
      const ctx = context(span);
      const { recorded } = execute("ctx.span?.recordException(ctx.makeError());", ctx);
      expect(recorded).toEqual([]);
      expect(ctx.calls.makeError).toBe(0);
    }
  });

  it("optional call with a side-effecting receiver evaluates it once", () => {
    const nullish = context(undefined);
    const a = execute("ctx.getSpan()?.recordException(ctx.makeError());", nullish);
    expect(a.recorded).toEqual([]);
    expect(nullish.calls).toEqual({ getSpan: 1, makeError: 0 });

    const live = context(SPAN);
    const b = execute("ctx.getSpan()?.recordException(ctx.makeError());", live);
    expect(live.calls).toEqual({ getSpan: 1, makeError: 1 });
    expect(b.recorded).toHaveLength(1);
    expect(b.recorded[0]![0]).toBe(SPAN);
    expect((b.recorded[0]![1] as Error).message).toBe("boom");
  });

  it("in a value position the value stays undefined and nothing is evaluated on a nullish span", () => {
    for (const body of [
      "return ctx.span?.recordException(ctx.makeError());",
      "return ctx.getSpan()?.recordException(ctx.makeError());",
      "return [ctx.getSpan()?.recordException(ctx.makeError())][0];",
    ]) {
      const ctx = context(undefined);
      const { result, recorded } = execute(body, ctx);
      expect(result).toBeUndefined();
      expect(recorded).toEqual([]);
      expect(ctx.calls.makeError).toBe(0);
      expect(ctx.calls.getSpan).toBeLessThanOrEqual(1);
    }
  });

  it("a receiver with side effects is evaluated exactly once", () => {
    const ctx = context(SPAN);
    const { recorded } = execute("const e = new Error('x');\nctx.spans[ctx.i++].recordException(e, 42);", ctx);
    expect(ctx.i).toBe(1);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]![0]).toBe(SPAN);
    expect(recorded[0]![2]).toBe(42);
  });

  it("an optional call inside if/else keeps the else branch attached to the outer if", () => {
    const ctx = context(undefined);
    const { result } = execute("let hit = 'none';\nif (ctx.i === 0) ctx.span?.recordException(ctx.makeError()); else hit = 'else';\nreturn hit;", ctx);
    expect(result).toBe("none");
  });
});
