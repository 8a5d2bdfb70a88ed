/**
 * `withSpan`: the building block behind `traced` and the domain span helpers.
 * Opens an active span, runs `fn` inside it, sets OK or records the sanitized
 * error, and always ends the span.
 */
import { INVALID_SPAN_CONTEXT, trace, type Span, type SpanOptions, type Tracer } from "@opentelemetry/api";
import { runAndSettle } from "./settle.js";
import { tracerSource, type TracerSource } from "./tracer-resolver.js";

const sourcesByName = new Map<string, TracerSource>();

function resolveTracer(tracer: Tracer | string): Tracer | undefined {
  if (typeof tracer !== "string") return tracer;
  let source = sourcesByName.get(tracer);
  if (!source) {
    source = tracerSource(tracer);
    sourcesByName.set(tracer, source);
  }
  return source.resolve();
}

/** A span that records nothing, handed to `fn` when no SDK is registered. */
function nonRecordingSpan(): Span {
  return trace.wrapSpanContext(INVALID_SPAN_CONTEXT);
}

export function withSpan<R>(
  tracer: Tracer | string,
  name: string,
  options: SpanOptions | undefined,
  fn: (span: Span) => R,
): R {
  const resolved = resolveTracer(tracer);
  if (resolved === undefined) return fn(nonRecordingSpan());
  return resolved.startActiveSpan(name, options ?? {}, (span) => runAndSettle(span, () => fn(span)));
}
