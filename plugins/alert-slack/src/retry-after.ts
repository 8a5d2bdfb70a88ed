/**
 * Reads an HTTP `Retry-After` header (delay-seconds or an HTTP-date) into a
 * wait in milliseconds, so a 429 is honoured without trusting the server to
 * keep us waiting forever: callers bound the result.
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
