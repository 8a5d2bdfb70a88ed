/**
 * The values redacted while one message is sanitized, so a secret that a keyed rule recognised once
 * (`INSERT ... (password) VALUES ('x')`) is also removed where the same message echoes it bare
 * (`DETAIL: Failing row contains (42, floe, x)`). Sanitizing is synchronous, so one log at a time;
 * the log is bounded so the by-value pass stays linear in the message.
 */
import { REDACTED } from "./marker.js";
import { looksRandom } from "./text-shape.js";

const MAX_LOGGED = 16;
/** Shorter values collide with ordinary text too easily to remove by value. */
const MIN_LOGGED_LENGTH = 8;

let current: string[] | undefined;

/** Starts collecting redacted values for one message. */
export function beginRedactionLog(): void {
  current = [];
}

/** Records a value a rule replaced with the marker (ignored outside a log, or once the log is full). */
export function noteRedacted(value: string): void {
  if (current === undefined || current.length >= MAX_LOGGED || value.includes(REDACTED)) return;
  if (value.length >= MIN_LOGGED_LENGTH && value.length <= 512 && looksRandom(value, MIN_LOGGED_LENGTH)) current.push(value);
}

/** Removes every other occurrence of the logged values from `text` and closes the log. */
export function redactLoggedValues(text: string): string {
  const values = current ?? [];
  current = undefined;
  let result = text;
  for (const value of values) {
    if (result.includes(value)) result = result.split(value).join(REDACTED);
  }
  return result;
}
