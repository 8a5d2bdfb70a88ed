/**
 * One lazily opened DuckDB session per owner (a plugin instance): opened on
 * first use and shared by concurrent callers, a failed open forgotten so the
 * next call retries, and closing waits for a pending open to close what it
 * produced. Used by the compute plugin and by @floe/plugin-quality-gx.
 */
import type { DuckDBSessionOptions } from "./config.js";
import { closeSession, openSession, type DuckDBSession } from "./duckdb-session.js";

export class DuckDBSessionSlot {
  private pending: Promise<DuckDBSession> | undefined;

  constructor(private readonly options: DuckDBSessionOptions) {}

  /** The open session, opened on first use. */
  get(): Promise<DuckDBSession> {
    if (!this.pending) {
      const opening = openSession(this.options);
      this.pending = opening;
      // A failed open is not cached: the next call retries.
      opening.catch(() => {
        if (this.pending === opening) this.pending = undefined;
      });
    }
    return this.pending;
  }

  /** Closes the session if one was opened (or is opening); a later `get` opens a new one. */
  async close(): Promise<void> {
    const pending = this.pending;
    this.pending = undefined;
    const session = await pending?.catch(() => undefined);
    if (session) closeSession(session);
  }
}
