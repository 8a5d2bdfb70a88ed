/**
 * Caches that live exactly as long as one run.
 *
 * A run asks the same questions many times (what git lists under a folder,
 * a package's parsed sources for each project transform). `withRunScope(fn)`
 * gives every cache a fresh instance for the run; outside a run there is no
 * cache, so a caller that changes the tree between two runs always sees the
 * current state, and two concurrent runs never share one.
 */
import { AsyncLocalStorage } from "node:async_hooks";

const scope = new AsyncLocalStorage<Map<string, unknown>>();

export function withRunScope<T>(fn: () => Promise<T>): Promise<T> {
  return scope.run(new Map(), fn);
}

/** This run's instance of the cache named `key` (made by `create` on first use), or undefined outside a run. */
export function runScoped<T>(key: string, create: () => T): T | undefined {
  const caches = scope.getStore();
  if (!caches) return undefined;
  if (!caches.has(key)) caches.set(key, create());
  return caches.get(key) as T;
}
