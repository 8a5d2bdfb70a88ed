// The transformed fixture packages really run: their plugin class reports the generated tracer name from
// its prototype (as the registry reads it), the generated tracing module works with defineTracing, and an
// instrumented operation produces its `{category}.{operation}` span where the input produced none.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CONVENTIONS, type PluginType } from "@floe/runtime/conventions";
import { createTestTracing } from "@floe/runtime/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { readPackageJson } from "../../src/project/package-json.js";
import { loadCases } from "./support/fixture-cases.js";

const tracing = createTestTracing();
afterAll(() => tracing.shutdown());
beforeEach(() => tracing.reset());

/** `SpanStatusCode.OK` of `@opentelemetry/api`. */
const STATUS_OK = 1;

const cases = (await loadCases()).filter((c) => c.runtime !== undefined);

async function importFrom(packageDir: string, relative: string): Promise<Record<string, any>> {
  return (await import(pathToFileURL(path.join(packageDir, relative)).href)) as Record<string, any>;
}

describe.each(cases.map((c) => [c.name, c] as const))("%s", (_name, fixture) => {
  const runtime = fixture.runtime!;
  const output = path.join(fixture.dir, "output");

  it(`${runtime.className} reports ${runtime.tracerName} and its tracing module opens domain spans`, async () => {
    const plugin = (await importFrom(output, runtime.module))[runtime.className];
    expect(Reflect.get(plugin.prototype, "tracerName")).toBe(runtime.tracerName);

    const tracingFile = existsSync(path.join(output, "src/tracing.ts")) ? "src/tracing.ts" : "src/tracing.js";
    const kit = await importFrom(output, tracingFile);
    const pkg = await readPackageJson(output);
    const type = kit.tracing.PLUGIN_TYPE as PluginType;
    expect(type).toBe(pkg.floe?.type);
    expect(kit.TRACER_NAME).toBe(runtime.tracerName);
    for (const [key, value] of Object.entries(pkg.floe?.attributes ?? {})) expect(kit.ATTRIBUTES[key]).toBe(value);

    const { spanHelper, category, operations } = CONVENTIONS[type];
    expect(kit[spanHelper!](operations[0], {}, () => "done")).toBe("done");
    const span = tracing.getSpan(`${category}.${operations[0]}`);
    expect(span.status.code).toBe(STATUS_OK);
    expect(span.instrumentationScope.name).toBe(runtime.tracerName);
  });

  const call = runtime.call;
  if (call) {
    it(`${call.method}() runs inside ${call.span} after the transform, and did not before`, async () => {
      const invoke = async (dir: string): Promise<unknown> => {
        const Plugin = (await importFrom(dir, runtime.module))[runtime.className];
        const instance = new Plugin();
        return instance[call.method](...call.args);
      };

      const before = await invoke(path.join(fixture.dir, "input"));
      expect(tracing.findSpan(call.span)).toBeUndefined();

      const after = await invoke(output);
      expect(after).toEqual(before);
      const span = tracing.getSpan(call.span);
      expect(span.status.code).toBe(STATUS_OK);
      expect(span.attributes["floe.operation"]).toBe(call.method);
      expect(span.instrumentationScope.name).toBe(runtime.tracerName);
    });
  }
});
