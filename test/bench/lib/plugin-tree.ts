/**
 * The generated tree the lint benchmarks lint: plugin-like TypeScript modules (a class per
 * file, spans, imports, error handling; every 10th file has a raw recordException) spread
 * over packages. One generator, so that ESLint-only and ESLint-vs-oxlint numbers are about
 * the same code.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CONVENTIONS, PLUGIN_TYPES, deriveTracerName } from "@floe/runtime/conventions";

/** One plugin-like module: a class per file, spans, error handling, attributes; every 10th file has a raw recordException. */
export function sourceFile(index: number): string {
  const type = PLUGIN_TYPES[index % PLUGIN_TYPES.length]!;
  const convention = CONVENTIONS[type];
  // Two operations per class keeps files realistic (~100 lines) and the run under two minutes.
  const ops = convention.operations.length > 0 ? convention.operations.slice(0, 2) : ["configure"];
  const raw = index % 10 === 0;
  const methods = ops
    .map(
      (op, i) => `
  /** ${op}: calls the backend and records what happened. */
  async ${op}(input: Record<string, unknown> = {}): Promise<Result> {
    return this.tracer.startActiveSpan("${convention.category}.${op}", { attributes: { "floe.operation": "${op}" } }, async (span: Span) => {
      span.setAttribute("${convention.category}.step", ${i});
      span.setAttributes({ "http.method": "POST", "http.status_code": 200 });
      try {
        const response = await this.client.send("${op}", input);
        if (!response.ok) throw new Error(\`${op} failed with \${response.status}\`);
        span.setStatus({ code: SpanStatusCode.OK });
        return { ok: true, count: response.items.length };
      } catch (err) {
        ${raw && i === 0 ? "span.recordException(err as Error);" : "recordSanitizedException(span, err);"}
        span.setStatus({ code: SpanStatusCode.ERROR, message: sanitizeErrorMessage(err) });
        throw err;
      } finally {
        span.end();
      }
    });
  }`,
    )
    .join("\n");
  return `// Generated benchmark module ${index}.
import { SpanStatusCode, trace, type Span, type Tracer } from "@opentelemetry/api";
import { ${convention.baseClass}, PluginType, recordSanitizedException, sanitizeErrorMessage } from "@floe/runtime";
import { helper${index % 7} } from "./helpers.js";

interface Result {
  ok: boolean;
  count: number;
}

interface Client {
  send(op: string, input: Record<string, unknown>): Promise<{ ok: boolean; status: number; items: unknown[] }>;
}

const DEFAULT_TIMEOUT_MS = ${1000 + index};

export class Generated${index}Plugin extends ${convention.baseClass} {
  private readonly tracer: Tracer = trace.getTracer("${deriveTracerName(type, `floe-${convention.category}-bench${index}`)}");
  #timeout = DEFAULT_TIMEOUT_MS;

  constructor(private readonly client: Client) {
    super();
  }

  get name(): string {
    return "bench-${index}";
  }

  get version(): string {
    return "1.0.${index}";
  }

  override get pluginType() {
    return PluginType.${type};
  }

${convention.instrumented ? `  override get tracerName(): string {
    return "${deriveTracerName(type, `floe-${convention.category}-bench${index}`)}";
  }
` : ""}
  timeout(): number {
    return helper${index % 7}(this.#timeout);
  }
${methods}
}
`;
}

/** Writes `files` modules over `packages` packages into `workDir` (emptied first); returns the module paths. */
export function generatePluginTree(workDir: string, { files: count, packages: PACKAGES }: { files: number; packages: number }): string[] {
  rmSync(workDir, { recursive: true, force: true });
  const files: string[] = [];
  for (let p = 0; p < PACKAGES; p++) {
    const src = path.join(workDir, `pkg-${p}`, "src");
    mkdirSync(src, { recursive: true });
    writeFileSync(path.join(workDir, `pkg-${p}`, "package.json"), JSON.stringify({ name: `floe-bench-${p}`, type: "module" }));
    writeFileSync(
      path.join(src, "helpers.ts"),
      Array.from({ length: 7 }, (_, i) => `export function helper${i}(x: number): number { return x + ${i}; }`).join("\n"),
    );
  }
  for (let i = 0; i < count; i++) {
    const file = path.join(workDir, `pkg-${i % PACKAGES}`, "src", `module-${i}.ts`);
    writeFileSync(file, sourceFile(i));
    files.push(file);
  }
  return files;
}
