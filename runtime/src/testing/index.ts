/**
 * `@floe/runtime/testing`: one call sets up in-memory tracing for a test.
 *
 * Registers a global tracer provider (always-on sampling, SimpleSpanProcessor
 * into an InMemorySpanExporter) and an AsyncLocalStorage context manager, and
 * returns helpers to read the finished spans. Every tracing test uses it.
 */
import { context, trace, type Tracer } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import {
  AlwaysOnSampler,
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from "@opentelemetry/sdk-trace-base";

export {
  startLoopbackServer,
  readBody,
  sendBody,
  sendJson,
  jsonAnswer,
  ScriptedAnswers,
  type LoopbackServer,
  type LoopbackHandler,
  type RecordedRequest,
  type ScriptedAnswer,
} from "./loopback-server.js";

export interface TestTracing {
  readonly provider: BasicTracerProvider;
  readonly exporter: InMemorySpanExporter;
  /** A tracer from the test provider. */
  tracer(name?: string): Tracer;
  /** Every finished span, in end order. */
  spans(): ReadableSpan[];
  /** Finished spans with this name (or matching this pattern). */
  findSpans(name: string | RegExp): ReadableSpan[];
  /** The first finished span with this name, or undefined. */
  findSpan(name: string | RegExp): ReadableSpan | undefined;
  /** The first finished span with this name; throws listing the names seen when there is none. */
  getSpan(name: string | RegExp): ReadableSpan;
  /** Names of the finished spans, in end order. */
  spanNames(): string[];
  /** Direct children of a span. */
  childrenOf(parent: ReadableSpan): ReadableSpan[];
  /** Every recorded string (names, attributes, events, status, links) as one text, for leak scans. */
  exportedText(): string;
  /** Which of these secrets (or any 8-character window of one) appear in any finished span. */
  findLeaks(secrets: readonly string[]): string[];
  /** Drops finished spans. */
  reset(): void;
  /** Shuts the provider down and unregisters the globals. */
  shutdown(): Promise<void>;
}

function matches(span: ReadableSpan, name: string | RegExp): boolean {
  return typeof name === "string" ? span.name === name : name.test(span.name);
}

function spanText(span: ReadableSpan): string {
  return JSON.stringify({
    name: span.name,
    attributes: span.attributes,
    status: span.status,
    events: span.events.map((e) => ({ name: e.name, attributes: e.attributes })),
    links: span.links.map((l) => l.attributes),
    resource: span.resource?.attributes,
  });
}

/** Secrets found in a text, exact or by any 8-character window. */
export function leakedSecrets(text: string, secrets: readonly string[]): string[] {
  const leaks: string[] = [];
  for (const secret of secrets) {
    if (!secret) continue;
    if (text.includes(secret) || text.includes(JSON.stringify(secret).slice(1, -1))) {
      leaks.push(secret);
      continue;
    }
    for (let i = 0; i + 8 <= secret.length; i++) {
      if (text.includes(secret.slice(i, i + 8))) {
        leaks.push(secret);
        break;
      }
    }
  }
  return leaks;
}

export function createTestTracing(): TestTracing {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    sampler: new AlwaysOnSampler(),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  trace.disable();
  context.disable();
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  trace.setGlobalTracerProvider(provider);

  const spans = () => exporter.getFinishedSpans();
  const findSpans = (name: string | RegExp) => spans().filter((s) => matches(s, name));
  const kit: TestTracing = {
    provider,
    exporter,
    tracer: (name = "floe-test") => provider.getTracer(name),
    spans,
    findSpans,
    findSpan: (name) => findSpans(name)[0],
    getSpan(name) {
      const span = findSpans(name)[0];
      if (!span) throw new Error(`no finished span named ${String(name)}; saw: ${kit.spanNames().join(", ") || "(none)"}`);
      return span;
    },
    spanNames: () => spans().map((s) => s.name),
    childrenOf: (parent) =>
      spans().filter((s) => s.parentSpanContext?.spanId === parent.spanContext().spanId),
    exportedText: () => spans().map(spanText).join("\n"),
    findLeaks: (secrets) => leakedSecrets(kit.exportedText(), secrets),
    reset: () => exporter.reset(),
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
    },
  };
  return kit;
}
