/**
 * Request signing: HMAC-SHA256 over `${timestamp}.${body}` (the timestamp in
 * the signed content lets a receiver refuse replays), sent as `sha256=<hex>`.
 * `verifyWebhookSignature` is the receiver's side, exported for floe users.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_PREFIX = "sha256=";

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return SIGNATURE_PREFIX + createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export interface VerifyOptions {
  /** Oldest accepted timestamp age, seconds (default 300). */
  toleranceSeconds?: number;
  /** Current time in seconds (default now). */
  now?: number;
}

/** True when `signature` is the HMAC of this timestamp and body and the timestamp is fresh. */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string | number,
  body: string,
  signature: string,
  options: VerifyOptions = {},
): boolean {
  const ts = Number(timestamp);
  if (!Number.isInteger(ts)) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - ts) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
