/**
 * Resolves a tracer from a name or a Tracer, cached per registered provider.
 *
 * `trace.getTracer(name)` is cheap but not free; re-resolving only when the
 * global provider's delegate changes keeps `traced` within a few percent of a
 * hand-held tracer, and still follows tests that swap providers.
 */
import { ProxyTracerProvider, trace, type Tracer, type TracerProvider } from "@opentelemetry/api";

export const DEFAULT_TRACER_NAME = "floe";

export interface TracerSource {
  /** The tracer to use, or undefined when no SDK is registered (the call should run bare). */
  resolve(): Tracer | undefined;
}

/** A tracer given explicitly is always used as is. */
function fixedSource(tracer: Tracer): TracerSource {
  return { resolve: () => tracer };
}

/**
 * The provider doing the work right now, or undefined when none is registered. Public API only:
 * `trace.getTracerProvider()` is the global proxy (its version check is cached by the API), whose
 * delegate is the registered SDK provider or the no-op one.
 */
function currentDelegate(): TracerProvider | undefined {
  const provider = trace.getTracerProvider();
  return provider instanceof ProxyTracerProvider ? provider.getDelegate() : provider;
}

let noopProviderCtor: unknown;
function isNoopProvider(provider: TracerProvider): boolean {
  if (noopProviderCtor === undefined) {
    // The API's fallback delegate when no SDK has been registered.
    noopProviderCtor = new ProxyTracerProvider().getDelegate().constructor;
  }
  return provider.constructor === noopProviderCtor;
}

/** A tracer looked up by name on the global provider, re-resolved when the provider changes. */
function globalSource(name: string, version?: string): TracerSource {
  let cachedDelegate: TracerProvider | undefined;
  let cachedTracer: Tracer | undefined;
  return {
    resolve() {
      const delegate = currentDelegate();
      if (delegate !== cachedDelegate) {
        cachedDelegate = delegate;
        cachedTracer = delegate === undefined || isNoopProvider(delegate) ? undefined : delegate.getTracer(name, version);
      }
      return cachedTracer;
    },
  };
}

export function tracerSource(tracer: Tracer | string | undefined, version?: string): TracerSource {
  if (tracer !== undefined && typeof tracer !== "string") return fixedSource(tracer);
  return globalSource(tracer ?? DEFAULT_TRACER_NAME, version);
}
