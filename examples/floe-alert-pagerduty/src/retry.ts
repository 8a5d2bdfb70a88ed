// Bounded retry for transient PagerDuty failures (file kept with a BOM and CRLF line endings, as the legacy repo had it).
import { traced } from "@floe/iceberg/telemetry";

export const withRetry = traced({ operationName: "pagerduty.retry" })(async function withRetry<T extends Response>(
  call: () => Promise<T>,
  attempts = 3,
): Promise<T> {
  let last: T | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    last = await call();
    if (last.status < 500) return last;
  }
  return last as T;
});
