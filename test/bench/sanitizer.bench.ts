/**
 * sanitizeErrorMessage throughput and worst cases. (1) Messages per second on
 * a realistic mix of 200-500 character error messages (one in five carries a
 * credential), side by side with the two-regex placeholder sanitizer it
 * replaced and with plain truncation, in interleaved rounds. (2) The time of
 * 1 MB adversarial inputs (runs of `a:a:`, `://`, `password=`, `@@@`,
 * unterminated base64, unterminated PEM headers, ...) at the default limit
 * (goal < 50 ms each) and with no limit at all, where the rules scan the whole
 * megabyte: 1 MB against 2 MB shows the work is linear.
 * Run: npx tsx test/bench/sanitizer.bench.ts
 */
import { sanitizeErrorMessage } from "@floe/runtime";
import { interleave, median, ratio, writeResult, type Metric, type Ratio } from "./lib/report.js";

/** The sanitizer the rule set replaced: two regexes and a slice. */
function placeholderSanitizer(message: string): string {
  const redacted = message
    .replace(/(\/\/[^/\s:@]*:)[^@\s/]+@/g, "$1<REDACTED>@")
    .replace(/((?:password|secret|token|api_?key)\s*[=:]\s*)[^\s&,;"']+/gi, "$1<REDACTED>");
  return redacted.length > 500 ? redacted.slice(0, 500) : redacted;
}

/** Deterministic pseudo-random source so every run measures the same messages. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const random = lcg(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const token = (n: number) => Array.from({ length: n }, () => pick([..."ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789"])).join("");

const BENIGN_HEADS = [
  () => `Database Error in model stg_orders (models/staging/stg_orders.sql): relation "raw.orders_${token(4)}" does not exist`,
  () => `GET https://api.floe.dev/v1/runs/${token(8)}?page=2&limit=50 returned 503 Service Unavailable after 3 retries`,
  () => `Catalog Error: Table with name orders does not exist! Did you mean "analytics.orders_v2"? (trace ${token(32).toLowerCase()})`,
  () => `connect ECONNREFUSED 10.20.30.${Math.floor(random() * 255)}:5432 while opening pool for warehouse floe-prod`,
  () => `token expired at 2026-11-24T10:00:00Z; please re-authenticate with the identity provider (request ${token(12)})`,
  () => `NetworkPolicy allow-dagster-${token(5).toLowerCase()}: 0 pods selected in namespace floe-jobs; check the podSelector labels`,
];
const SECRET_HEADS = [
  () => `could not connect to postgresql://floe:${token(14)}@pg-primary.floe.svc:5432/analytics: connection refused`,
  () => `keycloak token request failed: grant_type=client_credentials&client_id=floe&client_secret=${token(32)} -> 401`,
  () => `HTTP 401 from https://api.example.com/v1/runs; request had Authorization: Bearer ${token(48)}`,
  () => `YAML profile invalid at outputs.dev: {"type": "postgres", "password": "${token(14)}", "threads": 4}`,
  () => `git clone failed: remote: Invalid username or token (ghp_${token(36)})`,
];
const STACK = [
  "    at PolarisCatalog.loadTable (/app/plugins/catalog-polaris/src/plugin.ts:118:13)",
  "    at async withSpan (/app/node_modules/@floe/runtime/dist/tracing/with-span.js:41:20)",
  "    at async Runner.execute (/app/src/runner.ts:77:5)",
  "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
];

function typicalMessage(i: number): string {
  let message = (i % 5 === 0 ? pick(SECRET_HEADS) : pick(BENIGN_HEADS))();
  const target = 200 + Math.floor(random() * 300);
  for (let line = 0; message.length < target; line++) message += `\n${STACK[line % STACK.length]}`;
  return message.slice(0, 500);
}

const MESSAGES = Array.from({ length: 1000 }, (_, i) => typicalMessage(i));
const averageLength = MESSAGES.reduce((n, m) => n + m.length, 0) / MESSAGES.length;

function runOver(fn: (message: string) => string) {
  return (iterations: number) => {
    let total = 0;
    for (let i = 0; i < iterations; i++) total += fn(MESSAGES[i % MESSAGES.length]!).length;
    return total;
  };
}

const MB = 1 << 20;
function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}
const ADVERSARIAL: Record<string, string> = {
  "runs of a:a:a": "a:",
  "runs of ://": "://",
  "runs of password=": "password=",
  "runs of @@@": "@",
  "unterminated base64": "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkrLw",
  "unterminated PEM headers": "-----BEGIN PRIVATE KEY-----\n",
  "runs of Bearer": "Bearer ",
  "runs of card-like digits": "4111 ",
  'runs of "password": "': '"password": "',
  "runs of //u:p@": "//u:p@",
};

function timeOnce(input: string, maxLength?: number): number {
  const start = process.hrtime.bigint();
  sanitizeErrorMessage(input, maxLength === undefined ? undefined : { maxLength });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function medianTime(input: string, rounds: number, maxLength?: number): number {
  timeOnce(input, maxLength); // warm-up
  return median(Array.from({ length: rounds }, () => timeOnce(input, maxLength)));
}

async function main(): Promise<void> {
  const perCall = await interleave(
    {
      sanitizeErrorMessage: runOver((m) => sanitizeErrorMessage(m)),
      "placeholder (2 regexes)": runOver(placeholderSanitizer),
      "slice only": runOver((m) => m.slice(0, 500)),
    },
    { rounds: 15, iterations: 20_000, warmup: 3 },
  );
  const metrics: Metric[] = [
    { label: `typical messages (avg ${averageLength.toFixed(0)} chars, 20% with a credential): sanitizeErrorMessage`, value: 1e9 / perCall.sanitizeErrorMessage!, unit: "messages/s" },
    { label: "typical messages: placeholder sanitizer (2 regexes)", value: 1e9 / perCall["placeholder (2 regexes)"]!, unit: "messages/s" },
    { label: "typical messages: slice only", value: 1e9 / perCall["slice only"]!, unit: "messages/s" },
    { label: "typical messages: sanitizeErrorMessage per message", value: perCall.sanitizeErrorMessage! / 1000, unit: "us" },
  ];
  const ratios: Ratio[] = [
    ratio("sanitizeErrorMessage per-message cost / placeholder sanitizer", perCall.sanitizeErrorMessage! / perCall["placeholder (2 regexes)"]!, "<= 30", perCall.sanitizeErrorMessage! / perCall["placeholder (2 regexes)"]! <= 30),
    ratio("typical messages per second / 50,000", 1e9 / perCall.sanitizeErrorMessage! / 50_000, ">= 1", 1e9 / perCall.sanitizeErrorMessage! >= 50_000),
  ];

  for (const [name, unit] of Object.entries(ADVERSARIAL)) {
    const oneMb = repeatTo(unit, MB);
    const twoMb = repeatTo(unit, 2 * MB);
    const bounded = medianTime(oneMb, 9);
    const unbounded1 = medianTime(oneMb, 5, Infinity);
    const unbounded2 = medianTime(twoMb, 5, Infinity);
    metrics.push({ label: `1 MB ${name}, default limit`, value: bounded, unit: "ms" });
    metrics.push({ label: `1 MB ${name}, no limit (whole input scanned)`, value: unbounded1, unit: "ms" });
    metrics.push({ label: `2 MB ${name}, no limit`, value: unbounded2, unit: "ms" });
    ratios.push(ratio(`1 MB ${name}, default limit: ms / 50 ms goal`, bounded / 50, "< 1", bounded < 50));
    ratios.push(ratio(`${name}, no limit: 2 MB time / 1 MB time (linear = 2)`, unbounded2 / unbounded1, "<= 3", unbounded2 / unbounded1 <= 3));
  }

  writeResult({
    topic: "sanitizer",
    title: "sanitizeErrorMessage: typical-message throughput and 1 MB adversarial inputs",
    metrics,
    ratios,
    notes:
      "Typical messages: 1,000 deterministic 200-500 character error messages with stack lines, every fifth carrying a credential " +
      "(URL userinfo, client_secret, Bearer header, JSON password, GitHub token); 15 interleaved rounds of 20,000 calls after 3 warm-up rounds, median. " +
      "Adversarial: each pattern repeated to 1 MB (and 2 MB); default limit = 500 characters, where only a bounded window is scanned; " +
      "'no limit' = maxLength Infinity, where every rule runs over the whole input. Median of 9 (bounded) or 5 (unbounded) runs after a warm-up.",
  });
}

await main();
